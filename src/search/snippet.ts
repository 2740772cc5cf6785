// Where a record's text matched a query: the passage of its texts with the most matched words, cut to a few
// words around them, with the matched spans marked. Pure text positions; the reply escapes and bolds them.
import { hasCjk } from './normalise';

export interface Passage {
  /** The passage as written in the data, with "…" where it was cut. */
  text: string;
  /** [start, end) character offsets of the matched words in `text`, in order, not overlapping. */
  marks: [number, number][];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spans of `text` a term matches: a Latin word starting with it (a stem: drama → dramas), or the Chinese term. */
function spans(text: string, terms: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  const folded = text.normalize('NFKC').toLowerCase();
  // NFKC may change lengths; match on the original when it does.
  const haystack = folded.length === text.length ? folded : text.toLowerCase();
  for (const term of terms) {
    const re = hasCjk(term)
      ? new RegExp(escapeRegExp(term), 'g')
      : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}[\\p{L}\\p{N}]*`, 'gu');
    for (const m of haystack.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  }
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Merge overlaps (Chinese pairs overlap their words).
  const merged: [number, number][] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** How many distinct terms a text matches. */
function distinctTerms(text: string, terms: readonly string[]): number {
  return terms.filter((t) => spans(text, [t]).length > 0).length;
}

/** A word boundary near `at` (a space), looking back (or ahead) at most a few characters. */
function boundary(text: string, at: number, back: boolean): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(text.length, at));
  for (let i = 0; i < 12; i++) {
    const j = back ? at - i : at + i;
    if (j <= 0 || j >= text.length) break;
    if (/\s/.test(text[j]!)) return back ? j + 1 : j;
  }
  return at;
}

/** The best passage of at most `max` characters, or undefined when no text has a matched word. */
export function findPassage(
  texts: readonly string[],
  terms: readonly string[],
  max: number,
): Passage | undefined {
  let best: { text: string; n: number } | undefined;
  for (const t of texts) {
    const n = distinctTerms(t, terms);
    if (n > 0 && (!best || n > best.n)) best = { text: t, n };
  }
  if (!best) return undefined;
  const { text } = best;
  const all = spans(text, terms);
  const first = all[0]!;
  // Start a little before the first match, so that it reads in context; end within max.
  const lead = Math.min(first[0], Math.floor(max / 4));
  let start = boundary(text, first[0] - lead, true);
  let end = boundary(text, Math.min(text.length, start + max - 2), true);
  if (end <= first[1]) end = Math.min(text.length, first[1]);
  if (end - start > max - 2) start = Math.max(0, end - (max - 2));
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const marks = all
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [a + shift, b + shift] as [number, number]);
  return {
    text: head + text.slice(start, end).trim() + tail,
    marks: trimShift(text.slice(start, end), marks, head.length),
  };
}

/** Marks stay right after trimming leading spaces from the passage. */
function trimShift(slice: string, marks: [number, number][], headLength: number): [number, number][] {
  const lead = slice.length - slice.trimStart().length;
  if (lead === 0) return marks;
  return marks.map(([a, b]) => [Math.max(headLength, a - lead), b - lead] as [number, number]);
}
