import { describe, expect, it } from 'vitest';
import { length } from '../../src/discord-limits';
import { packItems, splitText } from '../../src/render/split';

describe('splitting what does not fit, without losing a character', () => {
  it('splits at a line break, else after a sentence, else at a space, else between characters', () => {
    expect(splitText('aaaa\nbbbb cccc', 10)).toEqual(['aaaa\nbbbb ', 'cccc']);
    expect(splitText('One two. Three four five', 12)).toEqual(['One two.', ' Three four ', 'five']);
    expect(splitText('第一句很长。第二句也很长。', 8)).toEqual(['第一句很长。', '第二句也很长。']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(splitText('short', 10)).toEqual(['short']);
  });

  it('gives the text back exactly when joined, every piece within the limit, emoji counted once', () => {
    const text = `${'视听😀 words, and more words; '.repeat(200)}end.`;
    for (const max of [7, 64, 1024]) {
      const pieces = splitText(text, max);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) expect(length(p)).toBeLessThanOrEqual(max);
    }
  });

  it('packs whole items into as few values as fit, splitting only an item that alone is too long', () => {
    expect(packItems(['aaa', 'bbb', 'ccc'], 7, '\n')).toEqual(['aaa\nbbb', 'ccc']);
    // The long item's two pieces go in consecutive values; the next item joins the last piece's value.
    expect(packItems(['a', 'y'.repeat(15), 'b'], 10, '\n')).toEqual([
      'a',
      'y'.repeat(10),
      `${'y'.repeat(5)}\nb`,
    ]);
  });
});
