// Candidate selection: the few records worth scoring, picked from the prebuilt gram and prefix postings
// without touching the rest of the index.
import type { Kind } from '../knowledge/schema';
import type { KeyIndex } from './key-index';
import { grams, joined, type TimeHints } from './normalise';
import { timeFit } from './time-fit';

/** How many records the filter hands on to be scored. */
export const CANDIDATES = 100;
/** The gram filter considers the keys with at least as many shared grams as the PRESELECT-th best. */
const PRESELECT = 500;
/** The most grams of a query the filter walks (the rarest). */
const MAX_QUERY_GRAMS = 12;
/** Grams in more than this share of keys (and more than COMMON_GRAM_MIN) are common... */
const COMMON_GRAM_SHARE = 0.1;
const COMMON_GRAM_MIN = 1000;
/** ...and are skipped when the query has this many rarer ones. */
const ENOUGH_GRAMS = 4;
/** The most records a short query looks at (in doc order, which is priority order). */
const SHORT_QUERY_CAP = 1000;

const ascending = (a: number, b: number) => a - b;

/** A key the gram filter picked, with the share of grams it has in common with the query (Dice, 0–1). */
export interface GramCandidate {
  key: number;
  dice: number;
}

/**
 * The best `size` keys by score (ties: lower key number first), without sorting everything offered. One list is
 * reused by every gram walk: `clear` empties it.
 */
class TopK {
  private readonly ks: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly size: number) {}

  clear(): void {
    this.ks.length = 0;
    this.scores.length = 0;
  }

  get length(): number {
    return this.ks.length;
  }

  /** The i-th best key, and its score. */
  key(i: number): number {
    return this.ks[i]!;
  }

  score(i: number): number {
    return this.scores[i]!;
  }

  private before(score: number, k: number, j: number): boolean {
    return score > this.scores[j]! || (score === this.scores[j]! && k < this.ks[j]!);
  }

  offer(k: number, score: number): void {
    const n = this.ks.length;
    if (n === this.size && !this.before(score, k, n - 1)) return;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(score, k, mid)) hi = mid;
      else lo = mid + 1;
    }
    // Shifted by hand: splice returns a new (empty) array at every call.
    const last = n === this.size ? n - 1 : n;
    for (let j = last; j > lo; j--) {
      this.ks[j] = this.ks[j - 1]!;
      this.scores[j] = this.scores[j - 1]!;
    }
    this.ks[lo] = k;
    this.scores[lo] = score;
  }

  entries(): GramCandidate[] {
    return this.ks.map((key, i) => ({ key, dice: this.scores[i]! }));
  }
}

export class CandidateFilter {
  /** Hits per key during one gram walk; all zero between walks, so no per-query allocation. */
  private readonly keyHits: Uint16Array;
  /** Docs a prefix walk has taken; all zero between walks. */
  private readonly docSeen: Uint8Array;
  private readonly top = new TopK(CANDIDATES);

  constructor(private readonly index: KeyIndex) {
    this.keyHits = new Uint16Array(index.keyCount);
    this.docSeen = new Uint8Array(index.docs.length);
  }

  /** Back to "between walks" whatever a walk left (one that threw). */
  reset(): void {
    this.keyHits.fill(0);
    this.docSeen.fill(0);
    this.top.clear();
  }

  /** Records about the named time, in doc order, at most CANDIDATES: a query of only a year or month. */
  byTime(time: TimeHints, kinds?: readonly Kind[]): number[] {
    const { docs } = this.index;
    const out: number[] = [];
    for (let i = 0; i < docs.length && out.length < CANDIDATES; i++) {
      if (this.index.allowed(i, kinds) && timeFit(docs[i]!.t, time) < 0) out.push(i);
    }
    return out;
  }

  /** Short Latin queries: records with a word (or the joined name) starting with the text, in doc order. */
  byPrefix(text: string, kinds?: readonly Kind[]): number[] {
    const { prefixKeys } = this.index;
    const { docSeen } = this;
    const prefix = joined(text);
    const seen: number[] = [];
    const lists: Int32Array[] = [];
    // prefixKeys is sorted: the entries starting with `prefix` form one run.
    let lo = 0;
    let hi = prefixKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefixKeys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < prefixKeys.length && prefixKeys[i]!.startsWith(prefix); i++) {
      lists.push(this.index.prefixPostings(prefixKeys[i]!));
    }
    // Each list is in doc order, so its first SHORT_QUERY_CAP entries are all it can contribute.
    for (const list of lists) {
      let taken = 0;
      for (let i = 0; i < list.length && taken < SHORT_QUERY_CAP; i++) {
        const doc = list[i]!;
        if (this.index.allowed(doc, kinds)) {
          if (docSeen[doc] === 0) {
            docSeen[doc] = 1;
            seen.push(doc);
          }
          taken++;
        }
      }
    }
    for (let i = 0; i < seen.length; i++) docSeen[seen[i]!] = 0;
    // One list is already ascending (and sorting allocates its own work arrays).
    if (lists.length > 1) seen.sort(ascending);
    if (seen.length > SHORT_QUERY_CAP) seen.length = SHORT_QUERY_CAP;
    return seen;
  }

  /**
   * Longer queries: the keys sharing the most grams with the text (Dice coefficient), at most CANDIDATES, best
   * first. Two passes over the postings and no per-key allocation: the first counts hits per key and keeps a
   * histogram of the counts, which gives the fewest hits a key needs to be in the running; the second offers
   * those keys and clears the counts.
   */
  byGrams(text: string, kinds?: readonly Kind[]): GramCandidate[] {
    return this.gramWalk(text, kinds).entries();
  }

  /** byGrams's keys and Dice scores in the filter's own list, without an object each: read before the next walk. */
  gramWalk(text: string, kinds?: readonly Kind[]): Pick<TopK, 'length' | 'key' | 'score' | 'entries'> {
    const { index, keyHits, top } = this;
    const { keyDoc } = index;
    // A name is told apart by its rarest grams; walking the commonest (an, ng, co) costs most of the time and
    // says little, so they are skipped once enough rarer ones are walked.
    const all = grams(text)
      .map((g) => index.gramPostings(g))
      .sort((a, b) => a.length - b.length);
    const common = Math.max(COMMON_GRAM_MIN, COMMON_GRAM_SHARE * index.keyCount);
    const lists = all
      .slice(0, MAX_QUERY_GRAMS)
      .filter((list, i) => i < ENOUGH_GRAMS || list.length <= common);
    // Key lengths scale with the share of the query's grams walked, so that Dice stays comparable.
    const scale = lists.length / all.length;
    const histogram = new Int32Array(lists.length + 2);
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        const v = ++keyHits[k]!;
        histogram[v]!++;
        histogram[v - 1]!--;
      }
    }
    // Keys with fewer hits than the PRESELECT-th best rarely beat it on Dice; the slack covers short keys.
    let minHits = lists.length;
    for (let seen = histogram[minHits]!; minHits > 1 && seen < PRESELECT; ) seen += histogram[--minHits]!;
    top.clear();
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        const hits = keyHits[k]!;
        if (hits === 0) continue;
        keyHits[k] = 0;
        if (hits >= minHits && index.allowed(keyDoc[k]!, kinds)) {
          top.offer(k, (2 * hits) / (lists.length + scale * index.keyGramCount(k)));
        }
      }
    }
    return top;
  }

  /**
   * The one edition (within `kinds`) with `key` ("9", "season 2") as a key, or undefined when none or several
   * have it. Walks only the postings of the key's rarest gram, not the index.
   */
  onlyEditionWithKey(key: string, kinds?: readonly Kind[]): number | undefined {
    const { index } = this;
    let rarest: Int32Array | undefined;
    for (const g of grams(key)) {
      const list = index.gramPostings(g);
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let only: number | undefined;
    for (const k of rarest ?? []) {
      const doc = index.keyDoc[k]!;
      if (
        index.keyText[k] !== key ||
        doc === only ||
        index.docs[doc]!.kind !== 'editions' ||
        !index.allowed(doc, kinds)
      )
        continue;
      if (only !== undefined) return undefined;
      only = doc;
    }
    return only;
  }
}
