// Fuzzy lookup over the compiled search tables: a cheap candidate filter picks ~100 records, fuse.js ranks them.
import Fuse from 'fuse.js';
import { clip, LIMITS } from '../discord-limits';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Kind } from '../knowledge/schema';
import type { Choice, Hit, Lookup, Resolution, SearchOptions } from './lookup-types';
import {
  editDistance,
  grams,
  hasCjk,
  joined,
  type ParsedQuery,
  parseQuery,
  type TimeHints,
  words,
} from './normalise';
import { decodePostings, type SearchDoc, type SearchTables, SearchTablesSchema } from './tables';

/** A best match is "clearly best" when it scores at most ACCEPT and leads the next record by MARGIN. */
export const ACCEPT = 0.4;
export const MARGIN = 0.08;
/** Hits scoring worse than this are not returned by `search` (they may still be "did you mean" candidates). */
export const SEARCH_MAX = 0.6;
const FUSE_THRESHOLD = 0.4;
/** Queries up to this many characters send all CANDIDATES keys through fuse.js; longer ones fewer. */
const FUSE_FULL_LENGTH = 16;
const MIN_FUSE_KEYS = 20;
/** How many records the candidate filter hands to fuse.js. */
const CANDIDATES = 100;
/** The candidate filter considers the keys with at least as many shared grams as the PRESELECT-th best. */
const PRESELECT = 500;
/** The most grams of a query the filter walks (the rarest). */
const MAX_QUERY_GRAMS = 12;
/** Grams in more than this share of keys (and more than COMMON_GRAM_MIN) are common... */
const COMMON_GRAM_SHARE = 0.1;
const COMMON_GRAM_MIN = 1000;
/** ...and are skipped when the query has this many rarer ones. */
const ENOUGH_GRAMS = 4;
/** Queries of at most this many Latin characters are answered from the prefix map. */
const SHORT_QUERY = 3;
/** The most records a short query looks at (in doc order, which is priority order). */
const SHORT_QUERY_CAP = 1000;
/** Time words in a query move records of that time up and other dated records down. */
const TIME_BONUS = 0.15;
const TIME_PENALTY = 0.1;
/** An ordinal or season number is never a typo: a record whose numbers all differ from the query's ranks lower. */
const NUMBER_PENALTY = 0.3;
const MAX_CHOICES = LIMITS.autocomplete.choices;
const MAX_CHOICE_LENGTH = LIMITS.autocomplete.max;
const EMPTY_QUERY_CHOICES = 10;
const DEFAULT_LIMIT = 10;
const DID_YOU_MEAN = 5;
/** "Did you mean" lists only records some matcher saw something in (the filter's bare guesses score above). */
const DID_YOU_MEAN_MAX = 0.8;

const isNumber = (word: string) => /^\d+$/.test(word);

/** Words that only say "an edition" ("the 9th edition", "No. 9", "第十一届大会"): an ordinal needs none of them. */
const EDITION_FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'edition',
  'editions',
  'conference',
  'conferences',
  'session',
  'annual',
  'no',
  'nr',
  'num',
  'number',
  '届',
  '大会',
  '会议',
]);

/** The ordinal ("9") or season ("season 2") a query names once filler words are dropped, if that is all it names. */
function ordinalCore(qWords: readonly string[]): string | undefined {
  const core = qWords.filter((w) => !EDITION_FILLER.has(w));
  if (core.length === 1 && isNumber(core[0]!)) return core[0];
  // "season 2" and "the 2nd season" alike.
  const number = core.find(isNumber);
  if (core.length === 2 && core.includes('season') && number !== undefined) return `season ${number}`;
  return undefined;
}

export class SearchTablesError extends Error {}

/** The best `size` keys by score (ties: lower key number first), without sorting everything offered. */
class TopK {
  private readonly ks: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly size: number) {}

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
    this.ks.splice(lo, 0, k);
    this.scores.splice(lo, 0, score);
    if (this.ks.length > this.size) {
      this.ks.pop();
      this.scores.pop();
    }
  }

  entries(): { key: number; dice: number }[] {
    return this.ks.map((key, i) => ({ key, dice: this.scores[i]! }));
  }
}

export function createLookup(kb: KnowledgeBase): Lookup {
  const parsed = SearchTablesSchema.safeParse(kb.searchTables);
  if (!parsed.success) {
    throw new SearchTablesError(
      'The index has no valid search tables (it may be from an older version); run `npx shiting compile`.',
    );
  }
  return lookupFromTables(parsed.data);
}

interface Scored {
  doc: number;
  score: number;
  exact: boolean;
}

/** A query word for the word matcher; a Chinese one carries its grams, worked out once per query. */
interface QueryWord {
  word: string;
  grams?: string[];
}

const queryWords = (qWords: readonly string[]): QueryWord[] =>
  qWords.map((word) => (hasCjk(word) ? { word, grams: grams(word) } : { word }));

/** What `tier` needs of the query, worked out once per autocomplete rather than once per ranked record. */
interface TierQuery {
  words: readonly string[];
  joined: string;
  cjk: boolean;
  /** The word being typed, and the ones before it. */
  last: string;
  init: readonly string[];
}

export function lookupFromTables(tables: SearchTables): Lookup {
  const docs: readonly SearchDoc[] = tables.docs;
  // Keys are numbered across docs in order, as the gram postings number them.
  const keyDoc: number[] = [];
  const keyText: string[] = [];
  const docFirstKey: number[] = [];
  docs.forEach((d, i) => {
    docFirstKey.push(keyText.length);
    for (const k of d.keys) {
      keyDoc.push(i);
      keyText.push(k);
    }
  });
  docFirstKey.push(keyText.length);
  // Derived per key on first use: computing them for every key would dominate load time at 100k records.
  const joinedCache: (string | undefined)[] = [];
  const keyJoined = (k: number) => (joinedCache[k] ??= joined(keyText[k]!));
  const gramCountCache = new Int32Array(keyText.length).fill(-1);
  const keyGramCount = (k: number) => {
    if (gramCountCache[k]! < 0) gramCountCache[k] = grams(keyText[k]!).length;
    return gramCountCache[k]!;
  };
  const keyWords: (string[] | undefined)[] = [];
  const wordsOfKey = (k: number) => {
    let w = keyWords[k];
    if (!w) {
      const ws = words(keyText[k]!);
      // The joined key is a word too, so that hanzhijie matches han zhijie word by word.
      w = ws.length > 1 ? [...ws, keyJoined(k)] : ws;
      keyWords[k] = w;
    }
    return w;
  };
  const idToDoc = new Map(docs.map((d, i) => [d.id, i]));
  const prefixKeys = Object.keys(tables.prefixes).sort();
  const postingsCache = new Map<string, Int32Array>();
  const keyHits = new Uint16Array(keyText.length);
  const fuse = new Fuse<{ k: number; key: string }>([], {
    keys: ['key'],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    // Bitap stops at the threshold: a tighter one saves most of its work on long names, and weaker
    // matches rank on the word matcher and the filter's score anyway.
    threshold: FUSE_THRESHOLD,
    shouldSort: false,
  });

  function postings(map: Record<string, string>, key: string, cacheKey: string): Int32Array {
    let cached = postingsCache.get(cacheKey);
    if (!cached) {
      const encoded = map[key];
      cached = encoded ? decodePostings(encoded) : new Int32Array(0);
      postingsCache.set(cacheKey, cached);
    }
    return cached;
  }

  const allowed = (doc: number, kinds?: readonly Kind[]) =>
    !kinds || kinds.length === 0 || kinds.includes(docs[doc]!.kind);

  /** Whether a record is about a time the query names: -1 is a bonus, +1 a penalty, 0 neutral. */
  function timeFit(doc: number, time: TimeHints): number {
    const t = docs[doc]!.t;
    if (time.years.length === 0 && time.months.length === 0) return 0;
    if (!t) return 0;
    const fits = t.some((v) => {
      if (v < 10000) return time.months.length === 0 && time.years.includes(v);
      const year = Math.floor(v / 100);
      const month = v % 100;
      return (time.years.length === 0 || time.years.includes(year)) && time.months.includes(month);
    });
    return fits ? -1 : 1;
  }

  function withTime(score: number, doc: number, time: TimeHints): number {
    const fit = timeFit(doc, time);
    return fit < 0 ? score - TIME_BONUS : fit > 0 ? score + TIME_PENALTY : score;
  }

  /** Records about the named time, in doc order: a query of only a year or month. */
  function byTime(time: TimeHints, kinds?: readonly Kind[]): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < docs.length && out.length < CANDIDATES; i++) {
      if (allowed(i, kinds) && timeFit(i, time) < 0) out.push({ doc: i, score: 0.1, exact: false });
    }
    return out;
  }

  /** Short Latin queries: records with a word (or the joined name) starting with the query, in doc order. */
  function shortCandidates(text: string, kinds?: readonly Kind[]): number[] {
    const prefix = joined(text);
    const seen = new Set<number>();
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
      lists.push(postings(tables.prefixes, prefixKeys[i]!, `p:${prefixKeys[i]}`));
    }
    // Each list is in doc order, so its first SHORT_QUERY_CAP entries are all it can contribute.
    for (const list of lists) {
      let taken = 0;
      for (let i = 0; i < list.length && taken < SHORT_QUERY_CAP; i++) {
        if (allowed(list[i]!, kinds)) {
          seen.add(list[i]!);
          taken++;
        }
      }
    }
    return [...seen].sort((a, b) => a - b).slice(0, SHORT_QUERY_CAP);
  }

  /**
   * Longer queries: the keys sharing the most grams with the query (Dice coefficient), at most CANDIDATES.
   * Two passes over the postings and no per-key allocation: the first counts hits per key and keeps a histogram
   * of the counts, which gives the fewest hits a key needs to be in the running; the second offers those keys
   * and clears the counts.
   */
  function gramCandidates(text: string, kinds?: readonly Kind[]): { key: number; dice: number }[] {
    // A name is told apart by its rarest grams; walking the commonest (an, ng, co) costs most of the time and
    // says little, so they are skipped once enough rarer ones are walked.
    const all = grams(text)
      .map((g) => postings(tables.grams, g, `g:${g}`))
      .sort((a, b) => a.length - b.length);
    const common = Math.max(COMMON_GRAM_MIN, COMMON_GRAM_SHARE * keyText.length);
    const lists = all
      .slice(0, MAX_QUERY_GRAMS)
      .filter((list, i) => i < ENOUGH_GRAMS || list.length <= common);
    // Key lengths scale with the share of the query's grams walked, so that Dice stays comparable.
    const scale = lists.length / all.length;
    const histogram = new Int32Array(lists.length + 2);
    for (const list of lists) {
      for (const k of list) {
        const v = ++keyHits[k]!;
        histogram[v]!++;
        histogram[v - 1]!--;
      }
    }
    // Keys with fewer hits than the PRESELECT-th best rarely beat it on Dice; the slack covers short keys.
    let minHits = lists.length;
    for (let seen = histogram[minHits]!; minHits > 1 && seen < PRESELECT; ) seen += histogram[--minHits]!;
    const top = new TopK(CANDIDATES);
    for (const list of lists) {
      for (const k of list) {
        const hits = keyHits[k]!;
        if (hits === 0) continue;
        keyHits[k] = 0;
        if (hits >= minHits && allowed(keyDoc[k]!, kinds)) {
          top.offer(k, (2 * hits) / (lists.length + scale * keyGramCount(k)));
        }
      }
    }
    return top.entries();
  }

  /** wordScore for a one-word short query, without its allocations: these run for up to SHORT_QUERY_CAP records. */
  function prefixScore(q: string, k: number): number {
    const ws = wordsOfKey(k);
    const n = ws.length > 1 ? ws.length - 1 : 1;
    let best = 1;
    for (const w of ws) {
      const s = w === q ? 0 : w.startsWith(q) ? 0.3 * (1 - q.length / w.length) : 1;
      if (s < best) best = s;
    }
    // The other words of the key are unmatched, as in wordScore.
    return best + (best < 1 ? 0.1 * ((n - 1) / n) : 0.1);
  }

  /** How well the query's words match one key's words: 0 perfect, 1 none. Typos count per word. */
  function wordScore(qWords: readonly QueryWord[], k: number, typos: boolean): number {
    const pool = wordsOfKey(k);
    const kJoined = keyJoined(k);
    const kWords = pool.length > 1 ? pool.slice(0, -1) : pool;
    const matched = new Set<string>();
    let total = 0;
    for (const { word: q, grams: qg } of qWords) {
      if (qg) {
        // Chinese matches by characters anywhere in the key, not by word or prefix.
        const share = (w: string) => (w.includes(q) ? 1 : qg.filter((g) => w.includes(g)).length / qg.length);
        total += 1 - share(kJoined);
        for (const w of kWords) if (share(w) >= 0.5) matched.add(w);
        continue;
      }
      const maxEdits = !typos ? 0 : q.length >= 8 ? 2 : q.length >= 3 ? 1 : 0;
      let best = 1;
      let bestWord = '';
      for (const w of pool) {
        let s = 1;
        if (w === q) s = 0;
        else if (q.length >= 2 && w.startsWith(q)) s = 0.3 * (1 - q.length / w.length);
        else if (maxEdits > 0) {
          const d = editDistance(q, w, maxEdits);
          if (d <= maxEdits) s = d / Math.max(q.length, w.length);
        }
        if (s < best) {
          best = s;
          bestWord = w;
        }
      }
      if (best < 1) matched.add(bestWord);
      total += best;
    }
    // A joined match (hanzhijie ~ han zhijie) covers every word of the key.
    const unmatched = matched.has(kJoined) ? 0 : kWords.filter((w) => !matched.has(w)).length;
    return total / qWords.length + 0.1 * (unmatched / kWords.length);
  }

  /**
   * The one edition (within `kinds`) with `key` ("9", "season 2") as a key, or undefined when none or several
   * have it. Walks only the postings of the key's rarest gram, not the index.
   */
  function onlyEditionWithKey(key: string, kinds?: readonly Kind[]): number | undefined {
    let rarest: Int32Array | undefined;
    for (const g of grams(key)) {
      const list = postings(tables.grams, g, `g:${g}`);
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let only: number | undefined;
    for (const k of rarest ?? []) {
      const doc = keyDoc[k]!;
      if (keyText[k] !== key || doc === only || docs[doc]!.kind !== 'editions' || !allowed(doc, kinds))
        continue;
      if (only !== undefined) return undefined;
      only = doc;
    }
    return only;
  }

  /** Every candidate with its score (lower is better), best first; exact key matches score 0. */
  function rank(pq: ParsedQuery, kinds?: readonly Kind[]): Scored[] {
    const { full, text, time } = pq;
    if (!text) return byTime(time, kinds);
    const fullJoined = joined(full);
    const qWords = words(text);
    const qMatch = queryWords(qWords);
    const qLength = joined(text).length;
    const short = !hasCjk(text) && qLength <= SHORT_QUERY;
    const scores = new Map<number, Scored>();
    const isExact = (doc: number) => {
      for (let k = docFirstKey[doc]!; k < docFirstKey[doc + 1]!; k++) {
        if (keyText[k] === full || keyJoined(k) === fullJoined) return true;
      }
      return false;
    };
    if (short) {
      // Prefix semantics only (no typos in three letters): the word matcher ranks them.
      for (const doc of shortCandidates(text, kinds)) {
        let best = 1;
        for (let k = docFirstKey[doc]!; k < docFirstKey[doc + 1]!; k++) {
          const w = qWords.length === 1 ? prefixScore(qWords[0]!, k) : wordScore(qMatch, k, false);
          best = Math.min(best, w + coverage(qLength, k));
        }
        const exact = isExact(doc);
        scores.set(doc, { doc, score: exact ? 0 : best, exact });
      }
    } else {
      const candidates = gramCandidates(text, kinds);
      const items: { k: number; key: string }[] = [];
      const scored: number[] = [];
      // Bitap's cost grows with the pattern; a long name keeps most of its grams through a typo, so fewer
      // of the filter's best keys are enough for it.
      const fuseKeys = Math.max(
        MIN_FUSE_KEYS,
        Math.floor((CANDIDATES * FUSE_FULL_LENGTH) / Math.max(1, qLength)),
      );
      for (const { key: k, dice } of candidates) {
        const doc = keyDoc[k]!;
        let entry = scores.get(doc);
        if (!entry) {
          const exact = isExact(doc);
          entry = { doc, score: exact ? 0 : 1, exact };
          scores.set(doc, entry);
        }
        if (entry.exact) continue;
        // Keys the filter found but no matcher accepts still rank, last, as "did you mean" material.
        entry.score = Math.min(entry.score, 0.7 + 0.3 * (1 - dice));
        scored.push(k);
        if (items.length < fuseKeys) items.push({ k, key: keyText[k]! });
      }
      // An exact name wins outright: the others then only need the cheap word matcher.
      const anyExact = [...scores.values()].some((e) => e.exact);
      const fused = new Map<number, number>();
      if (items.length > 0 && !anyExact) {
        fuse.setCollection(items);
        for (const r of fuse.search(text)) fused.set(r.item.k, r.score ?? SEARCH_MAX);
      }
      for (const k of scored) {
        const entry = scores.get(keyDoc[k]!)!;
        const s = combine(fused.get(k) ?? 1, wordScore(qMatch, k, true)) + coverage(qLength, k);
        if (s < entry.score) entry.score = s;
      }
    }
    // "the 9th", "edition 11", "No. 9": one ordinal amid filler words names the one edition that has it.
    const core = ordinalCore(qWords);
    if (core !== undefined && core !== text) {
      const doc = onlyEditionWithKey(core, kinds);
      if (doc !== undefined) scores.set(doc, { doc, score: 0, exact: true });
    }
    const out = [...scores.values()];
    for (const s of out) if (!s.exact) s.score = withTime(s.score, s.doc, time);
    const qNumbers = qWords.filter(isNumber);
    if (qNumbers.length > 0) {
      for (const s of out) if (!s.exact && numbersClash(s.doc, qNumbers)) s.score += NUMBER_PENALTY;
    }
    // Exact matches win outright; among several, the one of the named time comes first.
    out.sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        (a.exact && b.exact ? timeFit(a.doc, time) - timeFit(b.doc, time) : a.score - b.score) ||
        a.doc - b.doc,
    );
    return out;
  }

  /** The record has numbered keys (9th, season 1) but none carrying every number of the query. */
  function numbersClash(doc: number, qNumbers: readonly string[]): boolean {
    let numbered = false;
    for (let k = docFirstKey[doc]!; k < docFirstKey[doc + 1]!; k++) {
      const numbers = wordsOfKey(k).filter(isNumber);
      if (numbers.length === 0) continue;
      if (qNumbers.every((n) => numbers.includes(n))) return false;
      numbered = true;
    }
    return numbered;
  }

  /** A small penalty for matching only part of a long name, so that the fuller match ranks first. */
  function coverage(qLength: number, k: number): number {
    return 0.1 * (1 - Math.min(1, qLength / keyJoined(k).length));
  }

  /**
   * fuse.js (character-level Bitap) and the word matcher (per-word edits, transpositions, prefixes) each miss
   * what the other sees: take the better score, pulled a little toward the other so that they break ties.
   */
  function combine(fuseScore: number, word: number): number {
    return Math.min(fuseScore, word) + 0.25 * Math.min(Math.abs(fuseScore - word), 0.4);
  }

  function hit(s: Scored): Hit {
    const d = docs[s.doc]!;
    return { kind: d.kind, id: d.id, score: Math.min(1, Math.max(0, s.score)), label: d.label };
  }

  function idDoc(query: string, kinds?: readonly Kind[]): number | undefined {
    const doc = idToDoc.get(query.trim());
    return doc !== undefined && allowed(doc, kinds) ? doc : undefined;
  }

  function search(query: string, options: SearchOptions = {}): Hit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const byId = idDoc(query, options.kinds);
    const ranked = rank(parseQuery(query), options.kinds).filter(
      (s) => s.score <= SEARCH_MAX && s.doc !== byId,
    );
    const head: Scored[] = byId === undefined ? [] : [{ doc: byId, score: 0, exact: true }];
    return [...head, ...ranked].slice(0, limit).map(hit);
  }

  function resolve(query: string, options: SearchOptions = {}): Resolution {
    const limit = options.limit ?? DID_YOU_MEAN;
    const byId = idDoc(query, options.kinds);
    if (byId !== undefined)
      return { status: 'found', hit: hit({ doc: byId, score: 0, exact: true }), exact: true, others: [] };
    const pq = parseQuery(query);
    const ranked = rank(pq, options.kinds);
    const [best, second] = ranked;
    if (!best) return { status: 'none', candidates: [] };
    const others = (from: number) =>
      ranked
        .slice(from)
        .filter((s) => s.score <= SEARCH_MAX)
        .slice(0, limit)
        .map(hit);
    if (best.exact) {
      const tied = second?.exact && timeFit(second.doc, pq.time) === timeFit(best.doc, pq.time);
      if (!tied) return { status: 'found', hit: hit(best), exact: true, others: others(1) };
      return {
        status: 'ambiguous',
        candidates: ranked
          .filter((s) => s.exact)
          .slice(0, limit)
          .map(hit),
      };
    }
    if (best.score <= ACCEPT && (!second || second.score - best.score >= MARGIN)) {
      return { status: 'found', hit: hit(best), exact: false, others: others(1) };
    }
    if (best.score <= ACCEPT) {
      const close = ranked.filter((s) => s.score - best.score < MARGIN);
      return { status: 'ambiguous', candidates: close.slice(0, Math.max(2, limit)).map(hit) };
    }
    return {
      status: 'none',
      candidates: ranked
        .filter((s) => s.score <= DID_YOU_MEAN_MAX)
        .slice(0, limit)
        .map(hit),
    };
  }

  /** Autocomplete tier of a ranked record: 0 exact name, 1 whole keyword(s), 2 prefix (or contains, for CJK), 3 fuzzy. */
  function tier(s: Scored, q: TierQuery): number {
    if (s.exact) return 0;
    const { words: qWords, joined: textJoined, cjk, last, init } = q;
    let t = 3;
    for (let k = docFirstKey[s.doc]!; k < docFirstKey[s.doc + 1]!; k++) {
      const kWords = wordsOfKey(k);
      if (qWords.every((q) => kWords.includes(q))) return 1;
      if (t === 2) continue;
      const kJoined = keyJoined(k);
      if (kJoined.startsWith(textJoined) || (cjk && kJoined.includes(textJoined))) t = 2;
      // "han zhi": every word whole but the last, which is being typed.
      else if (kWords.some((w) => w.startsWith(last)) && init.every((q) => kWords.includes(q))) t = 2;
    }
    return t;
  }

  function choice(doc: number): Choice | undefined {
    const d = docs[doc]!;
    if (d.id.length > MAX_CHOICE_LENGTH) return undefined;
    return { name: clip(d.label, MAX_CHOICE_LENGTH, d.id), value: d.id };
  }

  function complete(query: string, options: SearchOptions = {}): Choice[] {
    const max = Math.min(options.limit ?? MAX_CHOICES, MAX_CHOICES);
    let order: number[];
    if (!query.trim()) {
      order = tables.featured.filter((d) => allowed(d, options.kinds));
      // Kinds with nothing featured (statistics, say) still show their first records; a featured kind shows
      // only its curated records (people who appeared, not every person).
      const featuredKinds = new Set(order.map((d) => docs[d]!.kind));
      for (let i = 0; i < docs.length && order.length < EMPTY_QUERY_CHOICES; i++) {
        if (allowed(i, options.kinds) && !featuredKinds.has(docs[i]!.kind) && !order.includes(i))
          order.push(i);
      }
      order = order.slice(0, EMPTY_QUERY_CHOICES);
    } else {
      const pq = parseQuery(query);
      const ranked = rank(pq, options.kinds).filter((s) => s.score <= SEARCH_MAX);
      const qWords = words(pq.text);
      const tq: TierQuery = {
        words: qWords,
        joined: joined(pq.text),
        cjk: hasCjk(pq.text),
        last: qWords[qWords.length - 1] ?? '',
        init: qWords.slice(0, -1),
      };
      const tiers = new Map(ranked.map((s) => [s.doc, pq.text ? tier(s, tq) : 3]));
      ranked.sort((a, b) => tiers.get(a.doc)! - tiers.get(b.doc)! || a.score - b.score || a.doc - b.doc);
      order = ranked.map((s) => s.doc);
      const byId = idDoc(query, options.kinds);
      if (byId !== undefined) order = [byId, ...order.filter((d) => d !== byId)];
    }
    return order
      .map(choice)
      .filter((c): c is Choice => c !== undefined)
      .slice(0, max);
  }

  return { search, resolve, complete };
}
