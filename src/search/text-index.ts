// Ranked full-text search over the compiled text tables (BM25F): idf-weighted, saturated field frequencies
// summed over the query's terms. A term the index does not have may be a prefix being typed (autocomplete)
// or a typo (one or two edits in a long word); both count for less than the word itself.
import { editDistance } from './normalise';
import { decodeTermPostings, type TextTables } from './text-tables';
import type { QueryTerm } from './tokens';

const K1 = 1.2;
/** How far a prefix or typo expansion of a term counts, against the term itself. */
const PREFIX_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.6;
/** How far a character pair that is not core (tokens.ts) counts. */
const EXTRA_WEIGHT = 0.3;
/** The most index terms one query term expands to. */
const MAX_EXPANSIONS = 24;
/** The most index terms walked looking for a typo's word (those sharing its first two characters). */
const MAX_TYPO_SCAN = 4000;
/** Terms in more than this share of the docs only add to docs a rarer term found. */
const COMMON_SHARE = 0.05;
/** …and in more than this many (a small index walks every term in full). */
const COMMON_MIN = 2000;
/** The most query terms used (one bit each in a doc's mask). */
const MAX_QUERY_TERMS = 30;
/** The most text hits handed on. */
const MAX_HITS = 50;

export interface TextHit {
  /** A text doc: a search doc number, or docCount + i for figure i. */
  doc: number;
  /** BM25F score, 0 and up. */
  score: number;
  /** The idf-weighted share of the query's terms the doc matches (0–1). */
  coverage: number;
  /** The mean idf of the matched terms against the largest possible idf (0–1): how rare the words are. */
  rarity: number;
  /** The index terms that matched, for a snippet. */
  matched: string[];
  /** Whether it matched every term of the query, the character pairs that are not core included. */
  everyTerm: boolean;
}

export interface TextQuery {
  terms: readonly QueryTerm[];
  /** Expand the last term as a prefix (it is being typed). */
  prefixLast?: boolean;
  /** Which text docs may be returned. */
  allowed: (doc: number) => boolean;
}

/** How many characters (code points) `s` has, as Array.from counts them, without making the array. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** The strings of `list` without repeats, in the order they first come (a handful: no Set). */
function distinct(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) if (!out.includes(list[i]!)) out.push(list[i]!);
  return out;
}

interface Expansion {
  term: number;
  weight: number;
}

export class TextIndex {
  readonly size: number;
  private readonly cache = new Map<number, { docs: Int32Array; tf: Float32Array }>();
  private readonly scores: Float64Array;
  /** Per doc, a bit per query term it matched; all zero between queries. */
  private readonly masks: Int32Array;
  /** The docs one search has touched, in the order it touched them (the first `touchedCount`). */
  private readonly touched: Int32Array;
  private readonly maxIdf: number;

  constructor(
    private readonly tables: TextTables,
    readonly docCount: number,
  ) {
    this.size = docCount + tables.figures.length;
    this.scores = new Float64Array(this.size);
    this.masks = new Int32Array(this.size);
    this.touched = new Int32Array(this.size);
    this.maxIdf = this.idfOf(1);
  }

  /** Back to "between searches" whatever a search left (one that threw). */
  reset(): void {
    this.scores.fill(0);
    this.masks.fill(0);
  }

  /** The search doc a text doc stands for, and the figure it is about, if any. */
  target(doc: number): { doc: number; figure?: TextTables['figures'][number]['measure'] } {
    const figure = this.figureOf(doc);
    return figure === undefined ? { doc } : { doc: this.searchDoc(doc), figure };
  }

  /** target(doc).doc, without the object (it runs for every doc a query's words find). */
  searchDoc(doc: number): number {
    return doc < this.docCount ? doc : this.tables.figures[doc - this.docCount]!.doc;
  }

  /** target(doc).figure, without the object. */
  figureOf(doc: number): TextTables['figures'][number]['measure'] | undefined {
    return doc < this.docCount ? undefined : this.tables.figures[doc - this.docCount]!.measure;
  }

  private idfOf(n: number): number {
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  private postings(term: number) {
    let p = this.cache.get(term);
    if (!p) {
      p = decodeTermPostings(this.tables.postings[term]!);
      this.cache.set(term, p);
    }
    return p;
  }

  /** The first index term ≥ text. */
  private lowerBound(text: string): number {
    const { terms } = this.tables;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index terms a query term stands for: itself, else (as allowed) words it starts or misspells. */
  expand(term: string, prefix: boolean): Expansion[] {
    const { terms } = this.tables;
    const at = this.lowerBound(term);
    const out: Expansion[] = [];
    if (terms[at] === term) out.push({ term: at, weight: 1 });
    if (prefix) {
      for (let i = at; i < terms.length && out.length < MAX_EXPANSIONS && terms[i]!.startsWith(term); i++) {
        if (terms[i] !== term) out.push({ term: i, weight: PREFIX_WEIGHT });
      }
    }
    const chars = codePoints(term);
    if (out.length > 0 || chars < 5 || chars !== term.length) return out;
    // A typo: the words sharing the first two letters, within one edit (two from eight letters).
    const max = term.length >= 8 ? 2 : 1;
    const head = term.slice(0, 2);
    for (let i = this.lowerBound(head), n = 0; i < terms.length && n < MAX_TYPO_SCAN; i++, n++) {
      const t = terms[i]!;
      if (!t.startsWith(head)) break;
      if (editDistance(term, t, max) <= max) out.push({ term: i, weight: TYPO_WEIGHT });
      if (out.length >= MAX_EXPANSIONS) break;
    }
    return out;
  }

  /**
   * The text docs matching the query, best first, with what they matched. Terms are walked rarest first; a
   * common term (in more than COMMON_SHARE of the docs) after a rarer one only adds to docs already found, so a
   * question about one rare word never allocates for the tens of thousands of docs that say "project".
   */
  search(query: TextQuery): TextHit[] {
    const terms = query.terms.slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return [];
    const { scores, masks, touched } = this;
    let touchedCount = 0;
    const expanded = terms.map((term, qi) =>
      this.expand(term.term, query.prefixLast === true && qi === terms.length - 1),
    );
    const idfs = terms.map((term, qi) => {
      const best = expanded[qi]!.reduce(
        (m, e) => Math.max(m, this.idfOf(this.postings(e.term).docs.length) * e.weight),
        0,
      );
      // A word the index lacks counts as the rarest: a query of one known and one unknown word is half matched.
      // Pairs that are not core count for nothing here.
      return !term.core ? 0 : expanded[qi]!.length > 0 ? best : this.maxIdf;
    });
    const sizes = expanded.map((list) => list.reduce((n, e) => n + this.postings(e.term).docs.length, 0));
    const order = terms.map((_, qi) => qi).sort((a, b) => sizes[a]! - sizes[b]!);
    const common = Math.max(COMMON_MIN, COMMON_SHARE * this.size);
    // Indexed loops, no closures: these walk every posting of the query's terms.
    for (let rank = 0; rank < order.length; rank++) {
      const qi = order[rank]!;
      const term = terms[qi]!;
      const onlySeen = rank > 0 && touchedCount > 0 && sizes[qi]! > common;
      const list = expanded[qi]!;
      for (let e = 0; e < list.length; e++) {
        const { docs, tf } = this.postings(list[e]!.term);
        const idf = this.idfOf(docs.length) * list[e]!.weight * (term.core ? 1 : EXTRA_WEIGHT);
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (scores[d] === 0) {
            if (onlySeen || !query.allowed(d)) continue;
            touched[touchedCount++] = d;
          }
          scores[d]! += (idf * tf[i]! * (K1 + 1)) / (tf[i]! + K1);
          masks[d]! |= 1 << qi;
        }
      }
    }
    const total = idfs.reduce((a, b) => a + b, 0);
    // The best MAX_HITS by coverage, then score, then doc, without sorting every doc a common word found: their
    // docs and coverages side by side (no object per entry), best first.
    const topDocs: number[] = [];
    const topCoverages: number[] = [];
    for (let ti = 0; ti < touchedCount; ti++) {
      const doc = touched[ti]!;
      let got = 0;
      for (let qi = 0; qi < terms.length; qi++) if (masks[doc]! & (1 << qi)) got += idfs[qi]!;
      const coverage = total > 0 ? got / total : 0;
      // Most docs a common word touched do not make the list: they are compared with its last first.
      const n = topDocs.length;
      if (n === MAX_HITS && this.compare(doc, coverage, topDocs[n - 1]!, topCoverages[n - 1]!) <= 0) continue;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.compare(doc, coverage, topDocs[mid]!, topCoverages[mid]!) > 0) hi = mid;
        else lo = mid + 1;
      }
      for (let j = Math.min(n, MAX_HITS - 1); j > lo; j--) {
        topDocs[j] = topDocs[j - 1]!;
        topCoverages[j] = topCoverages[j - 1]!;
      }
      topDocs[lo] = doc;
      topCoverages[lo] = coverage;
    }
    const every = (1 << terms.length) - 1;
    const hits: TextHit[] = [];
    for (let h = 0; h < topDocs.length; h++) {
      const doc = topDocs[h]!;
      let got = 0;
      let n = 0;
      const matched: string[] = [];
      for (let qi = 0; qi < terms.length; qi++) {
        if ((masks[doc]! & (1 << qi)) === 0) continue;
        // The expansions of a matched query term: a passage marks those it has.
        const list = expanded[qi]!;
        for (let e = 0; e < list.length; e++) matched.push(this.tables.terms[list[e]!.term]!);
        if (idfs[qi]! > 0) {
          got += idfs[qi]!;
          n++;
        }
      }
      hits.push({
        doc,
        score: scores[doc]!,
        coverage: topCoverages[h]!,
        rarity: n > 0 ? got / n / this.maxIdf : 0,
        matched: distinct(matched),
        everyTerm: masks[doc] === every,
      });
    }
    for (let ti = 0; ti < touchedCount; ti++) {
      const d = touched[ti]!;
      scores[d] = 0;
      masks[d] = 0;
    }
    return hits;
  }

  /** Above 0 when doc `a` (of `coverage`) ranks before doc `b` (of `bCoverage`): by coverage, score, then doc. */
  private compare(a: number, coverage: number, b: number, bCoverage: number): number {
    const { scores } = this;
    return coverage - bCoverage || scores[a]! - scores[b]! || b - a;
  }
}
