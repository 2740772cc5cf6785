// Full-text terms: the words of a text as the text index stores them and a query asks for them. Both sides
// go through here, so they agree: normalised (normalise.ts), Latin words lightly stemmed, Chinese runs split
// by Intl.Segmenter into words and also into character pairs (the segmenter leaves some words, 网红, in pieces).
import { hasCjk, normalise, words } from './normalise';
import { isFiller } from './stopwords';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** dramas → drama, stories → story, series stays: enough for plurals, which is most of what people vary. */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The words of a Chinese run as the segmenter splits it. */
export function segments(run: string): string[] {
  return Array.from(segmenter.segment(run), (s) => s.segment).filter((s) => s.trim() !== '');
}

/**
 * In a query, a segment that is filler or only filler characters run together (the segmenter makes 的是 one word):
 * "的是什么" asks for nothing. The text side keeps such segments, so that its terms and lengths are as scored.
 */
function fillerSegment(segment: string): boolean {
  return isFiller(segment) || Array.from(segment).every((c) => isFiller(c));
}

/** Character pairs of a Chinese run (a run of one character gives nothing: single characters are too common). */
function pairs(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * A Chinese run's terms: its segmenter words of two or more characters and its character pairs, with filler
 * words (的, 是, 谁 …) taken out first so that they neither match nor glue pairs across the words they join.
 */
function cjkTerms(run: string, out: string[]): void {
  let piece = '';
  const flush = () => {
    if (!piece) return;
    for (const s of segments(piece)) if (Array.from(s).length >= 2) out.push(s);
    out.push(...pairs(piece));
    piece = '';
  };
  for (const s of segments(run)) {
    if (isFiller(s)) flush();
    else piece += s;
  }
  flush();
}

/** The terms of an already normalised text, in order, repeats kept (term frequency counts them). */
function termsOfNormalised(normalised: string): string[] {
  const out: string[] = [];
  for (const w of words(normalised)) {
    if (hasCjk(w)) cjkTerms(w, out);
    else if (!isFiller(w)) out.push(stem(w));
  }
  return out;
}

/** The terms of a text as written. */
export function termsOf(text: string): string[] {
  return termsOfNormalised(normalise(text));
}

/**
 * A query term; `core` unless it is a character pair inside or across segmenter words (快手副总裁: 手副, 副总),
 * which adds to a match's score but is not needed for it to cover the query. A pair of two one-character
 * segments (网|红) is core: there the segmenter did not find the word.
 */
export interface QueryTerm {
  term: string;
  core: boolean;
}

export function queryTerms(normalised: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const add = (term: string, core: boolean) => {
    const seen = out.find((t) => t.term === term);
    if (seen) seen.core ||= core;
    else out.push({ term, core });
  };
  for (const w of words(normalised)) {
    if (!hasCjk(w)) {
      if (!isFiller(w)) add(stem(w), true);
      continue;
    }
    // Segments with filler dropped; runs of kept segments give pairs.
    let run: string[] = [];
    const flush = () => {
      const chars: { c: string; single: boolean }[] = [];
      for (const s of run) {
        const cs = Array.from(s);
        if (cs.length >= 2) add(s, true);
        for (const c of cs) chars.push({ c, single: cs.length === 1 });
      }
      for (let i = 0; i + 1 < chars.length; i++) {
        add(chars[i]!.c + chars[i + 1]!.c, chars[i]!.single && chars[i + 1]!.single);
      }
      run = [];
    };
    for (const s of segments(w)) {
      if (fillerSegment(s)) flush();
      else run.push(s);
    }
    flush();
  }
  return out;
}
