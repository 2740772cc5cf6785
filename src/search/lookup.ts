// Fuzzy lookup over the compiled search tables: a cheap candidate filter picks ~100 records, fuse.js ranks them.
import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Kind } from '../knowledge/schema';
import { clip, LIMITS } from '../render/limits';
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
/** How many records the candidate filter hands to fuse.js. */
const CANDIDATES = 100;
/** Queries of at most this many Latin characters are answered from the prefix map. */
const SHORT_QUERY = 3;
/** The most records a short query looks at (in doc order, which is priority order). */
const SHORT_QUERY_CAP = 2000;
/** Time words in a query move records of that time up and other dated records down. */
const TIME_BONUS = 0.15;
const TIME_PENALTY = 0.1;
const MAX_CHOICES = LIMITS.autocomplete.choices;
const MAX_CHOICE_LENGTH = LIMITS.autocomplete.max;
const EMPTY_QUERY_CHOICES = 10;
const DEFAULT_LIMIT = 10;
const DID_YOU_MEAN = 5;

export class SearchTablesError extends Error {}

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

export function lookupFromTables(tables: SearchTables): Lookup {
  const docs: readonly SearchDoc[] = tables.docs;
  const keyDoc: number[] = [];
  const keyText: string[] = [];
  docs.forEach((d, i) => {
    for (const k of d.keys) {
      keyDoc.push(i);
      keyText.push(k);
    }
  });
  const keyGramCount = keyText.map((k) => grams(k).length);
  const idToDoc = new Map(docs.map((d, i) => [d.id, i]));
  const prefixKeys = Object.keys(tables.prefixes).sort();
  const postingsCache = new Map<string, Int32Array>();
  const keyHits = new Uint16Array(keyText.length);
  const docBest = new Float64Array(docs.length);
  const fuse = new Fuse<{ doc: number; key: string }>([], {
    keys: ['key'],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: SEARCH_MAX,
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
    for (const list of lists) for (const d of list) if (allowed(d, kinds)) seen.add(d);
    return [...seen].sort((a, b) => a - b).slice(0, SHORT_QUERY_CAP);
  }

  /** Longer queries: the records whose names share the most grams with the query (Dice coefficient). */
  function gramCandidates(text: string, kinds?: readonly Kind[]): Map<number, number> {
    const qGrams = grams(text);
    const touched: number[] = [];
    for (const g of qGrams) {
      for (const k of postings(tables.grams, g, `g:${g}`)) {
        if (keyHits[k] === 0) touched.push(k);
        keyHits[k]!++;
      }
    }
    const touchedDocs: number[] = [];
    for (const k of touched) {
      const d = keyDoc[k]!;
      const dice = (2 * keyHits[k]!) / (qGrams.length + keyGramCount[k]!);
      keyHits[k] = 0;
      if (!allowed(d, kinds)) continue;
      if (docBest[d] === 0) touchedDocs.push(d);
      if (dice > docBest[d]!) docBest[d] = dice;
    }
    const ranked = touchedDocs.map((d) => ({ d, dice: docBest[d]! }));
    for (const d of touchedDocs) docBest[d] = 0;
    ranked.sort((a, b) => b.dice - a.dice || a.d - b.d);
    return new Map(ranked.slice(0, CANDIDATES).map((r) => [r.d, r.dice]));
  }

  /** How well the query's words match one key's words: 0 perfect, 1 none. Typos count per word. */
  function wordScore(qWords: readonly string[], key: string): number {
    const kWords = words(key);
    const kJoined = joined(key);
    const pool = kWords.length > 1 ? [...kWords, kJoined] : kWords;
    const matched = new Set<string>();
    let total = 0;
    for (const q of qWords) {
      if (hasCjk(q)) {
        if (kJoined.includes(q)) total += 0;
        else {
          const qg = grams(q);
          const shared = qg.filter((g) => kJoined.includes(g)).length;
          total += 1 - shared / qg.length;
        }
        continue;
      }
      const maxEdits = q.length >= 8 ? 2 : q.length >= 3 ? 1 : 0;
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

  /** Every candidate with its score (lower is better), best first; exact key matches score 0. */
  function rank(pq: ParsedQuery, kinds?: readonly Kind[]): Scored[] {
    const { full, text, time } = pq;
    if (!text) return byTime(time, kinds);
    const fullJoined = joined(full);
    const short = !hasCjk(text) && joined(text).length <= SHORT_QUERY;
    const candidates = short
      ? new Map(shortCandidates(text, kinds).map((d) => [d, 0]))
      : gramCandidates(text, kinds);
    const scores = new Map<number, Scored>();
    const wordScores = new Map<string, number>();
    const qWords = words(text);
    const qLength = joined(text).length;
    const items: { doc: number; key: string }[] = [];
    for (const [doc, dice] of candidates) {
      // Records the filter found but no matcher accepts still rank, last, as "did you mean" material.
      let best = short ? 1 : 0.7 + 0.3 * (1 - dice);
      let exact = false;
      for (const key of docs[doc]!.keys) {
        if (key === full || joined(key) === fullJoined) exact = true;
        const w = wordScore(qWords, key);
        wordScores.set(`${doc}\u0000${key}`, w);
        // Short queries have no fuse pass: the word matcher alone ranks them.
        if (short) best = Math.min(best, w + coverage(qLength, key));
        else items.push({ doc, key });
      }
      scores.set(doc, { doc, score: exact ? 0 : best, exact });
    }
    if (items.length > 0) {
      fuse.setCollection(items);
      const fused = new Map<string, number>();
      for (const r of fuse.search(text)) fused.set(`${r.item.doc}\u0000${r.item.key}`, r.score ?? SEARCH_MAX);
      for (const { doc, key } of items) {
        const entry = scores.get(doc)!;
        if (entry.exact) continue;
        const id = `${doc}\u0000${key}`;
        entry.score = Math.min(
          entry.score,
          combine(fused.get(id) ?? SEARCH_MAX, wordScores.get(id)!) + coverage(qLength, key),
        );
      }
    }
    const out = [...scores.values()];
    for (const s of out) if (!s.exact) s.score = withTime(s.score, s.doc, time);
    // Exact matches win outright; among several, the one of the named time comes first.
    out.sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        (a.exact && b.exact ? timeFit(a.doc, time) - timeFit(b.doc, time) : a.score - b.score) ||
        a.doc - b.doc,
    );
    return out;
  }

  /** A small penalty for matching only part of a long name, so that the fuller match ranks first. */
  function coverage(qLength: number, key: string): number {
    return 0.1 * (1 - Math.min(1, qLength / joined(key).length));
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
    return { status: 'none', candidates: ranked.slice(0, limit).map(hit) };
  }

  /** Autocomplete tier of a ranked record: 0 exact name, 1 whole keyword(s), 2 prefix (or contains, for CJK), 3 fuzzy. */
  function tier(s: Scored, text: string): number {
    if (s.exact) return 0;
    const qWords = words(text);
    const cjk = hasCjk(text);
    let t = 3;
    for (const key of docs[s.doc]!.keys) {
      const kWords = words(key);
      if (qWords.every((q) => kWords.includes(q))) return 1;
      if (
        key.startsWith(text) ||
        joined(key).startsWith(joined(text)) ||
        (cjk && joined(key).includes(joined(text)))
      ) {
        t = 2;
      } else if (t > 2 && kWords.some((w) => w.startsWith(qWords[qWords.length - 1]!))) {
        const init = qWords.slice(0, -1);
        if (init.every((q) => kWords.includes(q))) t = 2;
      }
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
      // A kind with nothing featured (statistics, say) still shows its first records.
      for (let i = 0; i < docs.length && order.length < EMPTY_QUERY_CHOICES; i++) {
        if (allowed(i, options.kinds) && !order.includes(i)) order.push(i);
      }
      order = order.slice(0, EMPTY_QUERY_CHOICES);
    } else {
      const pq = parseQuery(query);
      const ranked = rank(pq, options.kinds).filter((s) => s.score <= SEARCH_MAX);
      const tiers = new Map(ranked.map((s) => [s.doc, pq.text ? tier(s, pq.text) : 3]));
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
