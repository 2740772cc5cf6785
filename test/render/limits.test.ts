import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  clip,
  embedLength,
  fitChoice,
  fitContent,
  fitEmbeds,
  LIMITS,
  length,
  listWithin,
  truncate,
} from '../../src/discord-limits';

const more = (n: number) => `and ${n} more`;

describe('truncate', () => {
  it('counts code points, so Chinese and emoji count once', () => {
    expect(length('视听大会')).toBe(4);
    expect(length('😀😀')).toBe(2);
    expect(truncate('视听大会视听大会', 5)).toBe('视听大会…');
    expect(length(truncate('😀'.repeat(300), 256))).toBe(256);
  });

  it('leaves short text alone and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('a😀b😀c', 3);
    expect(cut).toBe('a😀…');
    expect(Array.from(cut)).toEqual(['a', '😀', '…']);
  });

  it('clip never returns an empty string', () => {
    expect(clip('   ', 10)).toBe('—');
    expect(fitChoice('')).toBe('?');
    expect(length(fitChoice('x'.repeat(500)))).toBe(100);
  });

  it('caps message content at 2000', () => {
    expect(length(fitContent('x'.repeat(5000)))).toBe(LIMITS.content);
  });
});

describe('listWithin', () => {
  it('joins everything that fits', () => {
    expect(listWithin(['a', 'b'], 100, more)).toBe('a\nb');
  });

  it('ends in "and N more" when the list is too long', () => {
    const items = Array.from({ length: 200 }, (_, i) => `item number ${i}`);
    const text = listWithin(items, 1024, more);
    expect(length(text)).toBeLessThanOrEqual(1024);
    const shown = text.split('\n').length - 1;
    expect(text.endsWith(`and ${200 - shown} more`)).toBe(true);
  });

  it('cuts a single overlong item', () => {
    const text = listWithin(['x'.repeat(3000), 'y'], 100, more);
    expect(length(text)).toBeLessThanOrEqual(100);
    expect(text).toContain('and 1 more');
  });
});

function bigEmbed(seed: number): APIEmbed {
  return {
    title: `T${seed}`.repeat(200),
    description: 'd'.repeat(5000),
    fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`.repeat(100), value: `v${i}`.repeat(800) })),
    footer: { text: 'f'.repeat(3000) },
  };
}

describe('fitEmbeds', () => {
  it('keeps every part within its limit and the message within 6000', () => {
    const out = fitEmbeds(Array.from({ length: 12 }, (_, i) => bigEmbed(i)));
    expect(out.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(out.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const e of out) {
      expect(length(e.title ?? '')).toBeLessThanOrEqual(LIMITS.embed.title);
      expect(length(e.description ?? '')).toBeLessThanOrEqual(LIMITS.embed.description);
      expect(length(e.footer?.text ?? '')).toBeLessThanOrEqual(LIMITS.embed.footer);
      expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embed.fields);
      for (const f of e.fields ?? []) {
        expect(length(f.name)).toBeLessThanOrEqual(LIMITS.embed.fieldName);
        expect(length(f.value)).toBeLessThanOrEqual(LIMITS.embed.fieldValue);
        expect(f.value.length).toBeGreaterThan(0);
      }
    }
  });

  it('leaves a message that fits untouched and does not mutate its input', () => {
    const small: APIEmbed = { title: 'a', fields: [{ name: 'b', value: 'c' }] };
    expect(fitEmbeds([small])).toEqual([small]);
    const big = bigEmbed(1);
    const before = JSON.stringify(big);
    fitEmbeds([big]);
    expect(JSON.stringify(big)).toBe(before);
  });

  it('drops empty fields, which Discord rejects', () => {
    const [out] = fitEmbeds([
      {
        title: 'x',
        fields: [
          { name: 'a', value: ' ' },
          { name: 'b', value: 'c' },
        ],
      },
    ]);
    expect(out?.fields).toEqual([{ name: 'b', value: 'c' }]);
  });
});
