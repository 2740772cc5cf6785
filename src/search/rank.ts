// Ranking: candidates from the filter, scored by the matchers, then the rules every answer shares (a lone
// ordinal names its edition, the named time moves records, numbers are never typos), best first.
import type { Kind } from '../knowledge/schema';
import { CANDIDATES, CandidateFilter } from './candidates';
import type { KeyIndex } from './key-index';
import type { QueryFacts } from './query';
import {
  combine,
  coverage,
  FuseScorer,
  isExact,
  numbersClash,
  prefixScore,
  type Scored,
  scoreOrder,
  wordScore,
} from './scoring';
import { lowestWithTime, timeFit, withTime } from './time-fit';

/** Queries up to this many characters send all CANDIDATES keys through fuse.js; longer ones fewer. */
const FUSE_FULL_LENGTH = 16;
const MIN_FUSE_KEYS = 20;
/** An ordinal or season number is never a typo: a record whose numbers all differ from the query's ranks lower. */
const NUMBER_PENALTY = 0.3;
/** What a record about a time-only query ("2024") scores: a good match, below any exact one. */
const TIME_ONLY_SCORE = 0.1;

/**
 * The lowest score `rank` can give a record for `q`: an exact match's 0, less the bonus of the time it names
 * (matchers, coverage and penalties only add).
 */
export function lowestScore(q: QueryFacts): number {
  return lowestWithTime(0, q.time);
}

export class Ranker {
  private readonly filter: CandidateFilter;
  private readonly fuse = new FuseScorer();
  /** fuse.js's score per key number for one query, 1 (no match) elsewhere. */
  private readonly fused: Float64Array;
  /** Per doc, 1 + its place in the list being ranked; all zero between queries. */
  private readonly slot: Int32Array;
  /** The keys a gram query scores, reused. */
  private readonly scored: number[] = [];

  constructor(private readonly index: KeyIndex) {
    this.filter = new CandidateFilter(index);
    this.fused = new Float64Array(index.keyCount).fill(1);
    this.slot = new Int32Array(index.docs.length);
  }

  /** Back to "between queries" whatever a query left (one that threw). */
  reset(): void {
    this.filter.reset();
    this.fused.fill(1);
    this.slot.fill(0);
    this.scored.length = 0;
  }

  /** The one edition with `key` ("9", "season 2") among its names, if exactly one has it. */
  editionWithKey(key: string): number | undefined {
    return this.filter.onlyEditionWithKey(key, ['editions']);
  }

  /** Every candidate with its score (lower is better), best first; exact key matches score 0. */
  rank(q: QueryFacts, kinds?: readonly Kind[]): Scored[] {
    const { index } = this;
    const { text, time } = q;
    if (!text) {
      return this.filter.byTime(time, kinds).map((doc) => ({ doc, score: TIME_ONLY_SCORE, exact: false }));
    }
    const out = q.short ? this.byPrefix(q, kinds) : this.byGrams(q, kinds);
    // "the 9th", "edition 11", "No. 9": one ordinal amid filler words names the one edition that has it.
    if (q.ordinal !== undefined && q.ordinal !== text) {
      const doc = this.filter.onlyEditionWithKey(q.ordinal, kinds);
      if (doc !== undefined) {
        const named = { doc, score: 0, exact: true };
        const at = this.slot[doc]!;
        if (at > 0) out[at - 1] = named;
        else out.push(named);
      }
    }
    for (let i = 0; i < out.length; i++) this.slot[out[i]!.doc] = 0;
    for (let i = 0; i < out.length; i++) {
      const s = out[i]!;
      if (!s.exact) s.score = withTime(s.score, index.docs[s.doc]!.t, time);
    }
    if (q.numbers.length > 0) {
      for (let i = 0; i < out.length; i++) {
        const s = out[i]!;
        if (!s.exact && numbersClash(index, s.doc, q.numbers)) s.score += NUMBER_PENALTY;
      }
    }
    const timeFitOf = (s: Scored) => timeFit(index.docs[s.doc]!.t, time);
    // Exact matches win outright; among several, the one of the named time comes first.
    out.sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        (a.exact && b.exact ? timeFitOf(a) - timeFitOf(b) : scoreOrder(a.score, b.score)) ||
        a.doc - b.doc,
    );
    return out;
  }

  /** Prefix semantics only (no typos in three letters): the word matcher ranks them. Slots are left set. */
  private byPrefix(q: QueryFacts, kinds?: readonly Kind[]): Scored[] {
    const { index, slot } = this;
    const out: Scored[] = [];
    const docs = this.filter.byPrefix(q.text, kinds);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      let best = 1;
      for (let k = index.docFirstKey[doc]!; k < index.docFirstKey[doc + 1]!; k++) {
        const w =
          q.words.length === 1 ? prefixScore(index, q.words[0]!, k) : wordScore(index, q.match, k, false);
        best = Math.min(best, w + coverage(index, q.length, k));
      }
      const exact = isExact(index, doc, q.full, q.fullJoined);
      out.push({ doc, score: exact ? 0 : best, exact });
      slot[doc] = out.length;
    }
    return out;
  }

  /** The gram filter's keys, through fuse.js and the word matcher with typos. Slots are left set. */
  private byGrams(q: QueryFacts, kinds?: readonly Kind[]): Scored[] {
    const { index, fuse, fused, slot, scored } = this;
    const out: Scored[] = [];
    scored.length = 0;
    // Bitap's cost grows with the pattern; a long name keeps most of its grams through a typo, so fewer
    // of the filter's best keys are enough for it.
    const fuseKeys = Math.max(
      MIN_FUSE_KEYS,
      Math.floor((CANDIDATES * FUSE_FULL_LENGTH) / Math.max(1, q.length)),
    );
    let anyExact = false;
    const candidates = this.filter.gramWalk(q.text, kinds);
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates.key(c);
      const dice = candidates.score(c);
      const doc = index.keyDoc[k]!;
      let entry = slot[doc]! > 0 ? out[slot[doc]! - 1]! : undefined;
      if (!entry) {
        const exact = isExact(index, doc, q.full, q.fullJoined);
        entry = { doc, score: exact ? 0 : 1, exact };
        out.push(entry);
        slot[doc] = out.length;
        if (exact) anyExact = true;
      }
      if (entry.exact) continue;
      // Keys the filter found but no matcher accepts still rank, last, as "did you mean" material.
      entry.score = Math.min(entry.score, 0.7 + 0.3 * (1 - dice));
      scored.push(k);
    }
    // An exact name wins outright: the others then only need the cheap word matcher.
    if (!anyExact) {
      fuse.start(q.text);
      for (let i = 0; i < scored.length && i < fuseKeys; i++)
        fuse.add(scored[i]!, index.keyText[scored[i]!]!);
      fuse.scoreInto(fused);
    }
    for (let i = 0; i < scored.length; i++) {
      const k = scored[i]!;
      const entry = out[slot[index.keyDoc[k]!]! - 1]!;
      const s = combine(fused[k]!, wordScore(index, q.match, k, true)) + coverage(index, q.length, k);
      if (s < entry.score) entry.score = s;
      // Back to "no match" for the next query.
      fused[k] = 1;
    }
    return out;
  }
}
