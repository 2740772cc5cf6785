// Splitting text that is too long for one part of a message into pieces that each fit, without losing a
// character: at a line break where there is one, else after a sentence, else at a space, else between characters.
import { length } from '../discord-limits';

/** Where a piece may end, best first: after a line break, a sentence's end, a clause, a space. */
const BREAKS = [/\n/g, /[.!?。！？](?=\s|$)|[。！？]/g, /[;；,，、]/g, /\s/g];

/** The pieces of `text`, each at most `max` code points; joined they give `text` back exactly. */
export function splitText(text: string, max: number): string[] {
  if (max <= 0) throw new Error(`splitText needs room for a character, not ${max}`);
  const pieces: string[] = [];
  let rest = Array.from(text);
  while (rest.length > max) {
    const head = rest.slice(0, max).join('');
    let cut = 0;
    for (const pattern of BREAKS) {
      for (const match of head.matchAll(pattern)) {
        const end = Array.from(head.slice(0, match.index + match[0].length)).length;
        if (end < max || end === max) cut = Math.max(cut, end);
      }
      // A break in the first half would leave pieces too small to read: try the next kind of break instead.
      if (cut > max / 2) break;
      cut = 0;
    }
    if (cut === 0) cut = max;
    pieces.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest.join(''));
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
