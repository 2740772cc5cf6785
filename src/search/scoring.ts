// How well a query matches one key: the per-word typo and prefix matcher, fuse.js's character-level score, and
// the small adjustments between them. Scores follow fuse.js: 0 is a perfect match, 1 none.
import Fuse from 'fuse.js';
import type { KeyIndex } from './key-index';
import { editDistance } from './normalise';
import { isNumber, type QueryWord } from './query';

/** Hits scoring worse than this are not returned by `search` (they may still be "did you mean" candidates). */
export const SEARCH_MAX = 0.6;
const FUSE_THRESHOLD = 0.4;

/** A ranked record; `exact` when one of its keys is the whole query. */
export interface Scored {
  doc: number;
  score: number;
  exact: boolean;
}

/**
 * The order of two scores for a sort comparator, as the sign of their difference. A comparator that returns the
 * difference itself, a fraction, makes a heap number at every comparison; -1, 0 and 1 are small integers.
 */
export function scoreOrder(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** wordScore for a one-word short query, without its allocations: these run for up to SHORT_QUERY_CAP records. */
export function prefixScore(index: KeyIndex, q: string, k: number): number {
  const ws = index.keyWords(k);
  const n = ws.length > 1 ? ws.length - 1 : 1;
  let best = 1;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const s = w === q ? 0 : w.startsWith(q) ? 0.3 * (1 - q.length / w.length) : 1;
    if (s < best) best = s;
  }
  // The other words of the key are unmatched, as in wordScore.
  return best + (best < 1 ? 0.1 * ((n - 1) / n) : 0.1);
}

/** The key words wordScore has matched, reused by every call (it runs for every candidate key of a query). */
const matched: string[] = [];

/** The share of a Chinese query word found in `w`: 1 when it is in whole, else the share of its grams that are. */
function gramShare(w: string, q: string, qg: readonly string[]): number {
  if (w.includes(q)) return 1;
  let found = 0;
  for (let i = 0; i < qg.length; i++) if (w.includes(qg[i]!)) found++;
  return found / qg.length;
}

/**
 * How well the query's words match one key's words: 0 perfect, 1 none. Typos count per word. Indexed loops and
 * no closures: it runs for every candidate key of a query, and for-of here allocated an iterator per call.
 */
export function wordScore(index: KeyIndex, qWords: readonly QueryWord[], k: number, typos: boolean): number {
  const pool = index.keyWords(k);
  const kJoined = index.keyJoined(k);
  // The key's own words: all but the joined form, which a key of several words has last.
  const kCount = pool.length > 1 ? pool.length - 1 : pool.length;
  matched.length = 0;
  let total = 0;
  for (let qi = 0; qi < qWords.length; qi++) {
    const { word: q, grams: qg } = qWords[qi]!;
    if (qg) {
      // Chinese matches by characters anywhere in the key, not by word or prefix.
      total += 1 - gramShare(kJoined, q, qg);
      for (let i = 0; i < kCount; i++) if (gramShare(pool[i]!, q, qg) >= 0.5) matched.push(pool[i]!);
      continue;
    }
    const maxEdits = !typos ? 0 : q.length >= 8 ? 2 : q.length >= 3 ? 1 : 0;
    let best = 1;
    let bestWord = '';
    for (let wi = 0; wi < pool.length; wi++) {
      const w = pool[wi]!;
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
    if (best < 1) matched.push(bestWord);
    total += best;
  }
  // A joined match (hanzhijie ~ han zhijie) covers every word of the key.
  let unmatched = 0;
  if (!matched.includes(kJoined))
    for (let i = 0; i < kCount; i++) if (!matched.includes(pool[i]!)) unmatched++;
  return total / qWords.length + 0.1 * (unmatched / kCount);
}

/** A small penalty for matching only part of a long name, so that the fuller match ranks first. */
export function coverage(index: KeyIndex, qLength: number, k: number): number {
  return 0.1 * (1 - Math.min(1, qLength / index.keyJoined(k).length));
}

/**
 * fuse.js (character-level Bitap) and the word matcher (per-word edits, transpositions, prefixes) each miss
 * what the other sees: take the better score, pulled a little toward the other so that they break ties.
 */
export function combine(fuseScore: number, word: number): number {
  return Math.min(fuseScore, word) + 0.25 * Math.min(Math.abs(fuseScore - word), 0.4);
}

/** The record has numbered keys (9th, season 1) but none carrying every number of the query. */
export function numbersClash(index: KeyIndex, doc: number, qNumbers: readonly string[]): boolean {
  let numbered = false;
  for (let k = index.docFirstKey[doc]!; k < index.docFirstKey[doc + 1]!; k++) {
    const ws = index.keyWords(k);
    if (!ws.some(isNumber)) continue;
    let all = true;
    for (let i = 0; i < qNumbers.length && all; i++) all = hasNumber(ws, qNumbers[i]!);
    if (all) return false;
    numbered = true;
  }
  return numbered;
}

/** Whether the number `n` is one of the words `ws`. */
function hasNumber(ws: readonly string[], n: string): boolean {
  for (let i = 0; i < ws.length; i++) if (ws[i] === n && isNumber(n)) return true;
  return false;
}

/** Whether one of the doc's keys is the whole query, as written or joined. */
export function isExact(index: KeyIndex, doc: number, full: string, fullJoined: string): boolean {
  for (let k = index.docFirstKey[doc]!; k < index.docFirstKey[doc + 1]!; k++) {
    if (index.keyText[k] === full || index.keyJoined(k) === fullJoined) return true;
  }
  return false;
}

/** The longest pattern Bitap takes in one piece; fuse.js splits a longer one into pieces of this length. */
const BITAP_CHUNK = 32;
/** Edit-distance column of substringEdits, reused (a pattern piece is at most BITAP_CHUNK characters). */
const column = new Int32Array(BITAP_CHUNK + 1);

/** The fewest edits (code unit by code unit, as Bitap counts errors) that turn `p` into some substring of `t`. */
function substringEdits(p: string, t: string): number {
  const m = p.length;
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  for (let j = 0; j < t.length && best > 0; j++) {
    const c = t.charCodeAt(j);
    // A match may start anywhere in t: the empty prefix of p costs nothing at every position.
    let diagonal = 0;
    for (let i = 1; i <= m; i++) {
      const left = column[i]!;
      const v = Math.min(left + 1, column[i - 1]! + 1, diagonal + (p.charCodeAt(i - 1) === c ? 0 : 1));
      diagonal = left;
      column[i] = v;
    }
    if (column[m]! < best) best = column[m]!;
  }
  return best;
}

/** The most errors Bitap accepts in a pattern piece of `length` characters: errors / length within the threshold. */
function maxErrors(length: number): number {
  let n = 0;
  while ((n + 1) / length <= FUSE_THRESHOLD) n++;
  return n;
}

/**
 * fuse.js over a handful of keys at a time; one instance per lookup, its collection replaced per query. A key is
 * left out of the collection when no piece of the pattern is within Bitap's threshold of any substring of it
 * (the fewest edits, which Bitap's error count can never undercut): fuse.js would not return it, and Bitap
 * spends most of its work, and its allocations, on keys it does not match. The collection is a list of strings,
 * which fuse.js indexes and walks with less per item than a list of objects with one key.
 */
export class FuseScorer {
  private readonly fuse = new Fuse<string>([], {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    // Bitap stops at the threshold: a tighter one saves most of its work on long names, and weaker
    // matches rank on the word matcher and the filter's score anyway.
    threshold: FUSE_THRESHOLD,
    shouldSort: false,
  });
  /** The collection (key texts) and each one's key number, reused across queries. */
  private readonly keys: string[] = [];
  private readonly ks: number[] = [];
  private text = '';
  /** The pattern as fuse.js splits it (lower case), and the errors each piece may have. */
  private pieces: string[] = [];
  private allowed: number[] = [];

  /** A new query: an empty collection. */
  start(text: string): void {
    this.keys.length = 0;
    this.ks.length = 0;
    this.text = text;
    const pattern = text.toLowerCase();
    const pieces: string[] = [];
    if (pattern.length <= BITAP_CHUNK) pieces.push(pattern);
    else {
      const whole = pattern.length - (pattern.length % BITAP_CHUNK);
      for (let i = 0; i < whole; i += BITAP_CHUNK) pieces.push(pattern.slice(i, i + BITAP_CHUNK));
      if (whole < pattern.length) pieces.push(pattern.slice(pattern.length - BITAP_CHUNK));
    }
    this.pieces = pieces;
    this.allowed = pieces.map((piece) => maxErrors(piece.length));
  }

  /** Adds key `k` to the collection, unless fuse.js cannot match it. */
  add(k: number, key: string): void {
    const text = key.toLowerCase();
    let possible = false;
    for (let i = 0; i < this.pieces.length && !possible; i++)
      possible = substringEdits(this.pieces[i]!, text) <= this.allowed[i]!;
    if (!possible) return;
    this.keys.push(key);
    this.ks.push(k);
  }

  /** fuse.js's score of each key of the collection that it matches, written to `out` at the key's number. */
  scoreInto(out: Float64Array): void {
    this.each((k, score) => {
      out[k] = score;
    });
  }

  /** Key number → fuse.js's score, for the keys it matches at all. */
  scores(items: readonly { k: number; key: string }[], text: string): Map<number, number> {
    this.start(text);
    for (const { k, key } of items) this.add(k, key);
    const fused = new Map<number, number>();
    this.each((k, score) => fused.set(k, score));
    return fused;
  }

  /**
   * Each match of the collection, as fuse.js scores it for a list of objects with one key of weight 1: a key
   * that is the pattern itself scores Number.EPSILON there, where a list of strings gives 0.
   */
  private each(fn: (k: number, score: number) => void): void {
    if (this.keys.length === 0) return;
    this.fuse.setCollection(this.keys);
    for (const r of this.fuse.search(this.text)) {
      const score = r.score ?? SEARCH_MAX;
      fn(this.ks[r.refIndex]!, score === 0 ? Number.EPSILON : score);
    }
  }
}
