// Splitting text that is too long for one part of a message into pieces that each fit, without losing a
// character: at a line break where there is one, else after a sentence, else at a space, else between characters.
import { length } from '../discord-limits';

/** Where a piece may end, best first: after a line break, a sentence's end, a clause, a space. */
const BREAKS: readonly ((c: string, next: string | undefined) => boolean)[] = [
  (c) => c === '\n',
  (c, next) => /[。！？]/.test(c) || (/[.!?]/.test(c) && (next === undefined || /\s/.test(next))),
  (c) => /[;；,，、]/.test(c),
  (c) => /\s/.test(c),
];

/** The pieces of `text`, each at most `max` code points; joined they give `text` back exactly. */
export function splitText(text: string, max: number): string[] {
  if (max <= 0) throw new Error(`splitText needs room for a character, not ${max}`);
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (chars.length - start > max) {
    const end = start + max;
    // A break in the first half would leave a piece too small to read: only the second half is searched.
    const floor = start + Math.floor(max / 2);
    let cut = end;
    search: for (const isBreak of BREAKS) {
      for (let i = end - 1; i >= floor; i--) {
        if (isBreak(chars[i] as string, chars[i + 1])) {
          cut = i + 1;
          break search;
        }
      }
    }
    pieces.push(chars.slice(start, cut).join(''));
    start = cut;
  }
  if (start < chars.length || pieces.length === 0) pieces.push(chars.slice(start).join(''));
  return pieces;
}

/**
 * Items joined by `separator` into as few values as fit `max` code points each, never an item cut (an item that
 * alone is longer is split with splitText, its pieces in consecutive values).
 */
export function packItems(items: readonly string[], max: number, separator: string): string[] {
  const values: string[] = [];
  let current = '';
  const sep = length(separator);
  for (const item of items) {
    for (const piece of length(item) > max ? splitText(item, max) : [item]) {
      if (current && length(current) + sep + length(piece) <= max) current += separator + piece;
      else {
        if (current) values.push(current);
        current = piece;
      }
    }
  }
  if (current) values.push(current);
  return values;
}
