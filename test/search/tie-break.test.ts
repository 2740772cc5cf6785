// How resolve settles a near tie (src/search/tie-break.ts), on cases from the lookup bench's misses: a closer
// spelling of a long name, two typos, a text match of every term of a question, and the true ties that stay.
import { describe, expect, it } from 'vitest';
import type { Found } from '../../src/search/merge';
import { settleTie } from '../../src/search/tie-break';

const found = (doc: number, score: number, extra: Partial<Found> = {}): Found => ({
  doc,
  score,
  exact: false,
  ...extra,
});
/** Edits and name length by doc, and whether the edits are letters still to type. */
const spelled =
  (table: Record<number, [number, number, boolean?]>) =>
  (doc: number): { edits: number; length: number; completes: boolean } | undefined => {
    const d = table[doc];
    return d ? { edits: d[0], length: d[1], completes: d[2] ?? false } : undefined;
  };

describe('settleTie by spelling', () => {
  it('takes a long name one typo closer when the ranking puts it first too (Song Minkaxng)', () => {
    // songminkang 1 edit of 11 letters, songxinkang 2: under the old 10 % share, clear at half the edits.
    const close = [found(0, 0.066), found(1, 0.132)];
    expect(settleTie(close, spelled({ 0: [1, 11], 1: [2, 11] }))?.doc).toBe(0);
  });

  it('does not take it when the ranking puts another first', () => {
    const close = [found(1, 0.066), found(0, 0.07)];
    expect(settleTie(close, spelled({ 0: [1, 11], 1: [2, 11] }))).toBeUndefined();
  });

  it('takes two typos against three (Ren Sanxon: 2/10 against 3/10, a hair under 0.1 in floating point)', () => {
    const close = [found(0, 0.298), found(1, 0.362), found(2, 0.372)];
    expect(settleTie(close, spelled({ 0: [2, 10], 1: [4, 7], 2: [3, 10] }))?.doc).toBe(0);
  });

  it('keeps true ties: as many edits from each name (Liang Pingqizng), or three against four', () => {
    const tie = [found(0, 0.058), found(1, 0.058)];
    expect(settleTie(tie, spelled({ 0: [1, 14], 1: [1, 13] }))).toBeUndefined();
    const near = [found(0, 0.2), found(1, 0.25)];
    expect(settleTie(near, spelled({ 0: [3, 14], 1: [4, 14] }))).toBeUndefined();
  });

  it('while a name is typed, no other name wins by a typo, and the one typed toward only one letter short', () => {
    // "Zeng De": Zeng Dezhi (2 to go), Zeng Defang (4 to go), Feng De (one typo): still being typed.
    const typing = [found(0, 0.057), found(1, 0.066), found(2, 0.129)];
    expect(settleTie(typing, spelled({ 0: [2, 9, true], 1: [4, 10, true], 2: [1, 6] }))).toBeUndefined();
    // "Ding Li": Ding Lingning, Ding Lingping (5 to go each), Deng Li one typo away.
    const other = [found(0, 0.079), found(1, 0.079), found(2, 0.129)];
    expect(settleTie(other, spelled({ 0: [5, 12, true], 1: [5, 12, true], 2: [1, 6] }))).toBeUndefined();
    // "Peng Lon": Peng Long one letter to go, Peng Longbin four.
    const lon = [found(0, 0.05), found(1, 0.09)];
    expect(settleTie(lon, spelled({ 0: [1, 8, true], 1: [4, 11, true] }))?.doc).toBe(0);
  });

  it('"ranked first too" means strictly: an equal score is first only by doc order (Zhu jgn)', () => {
    const tie = [found(0, 0.352), found(1, 0.352), found(2, 0.352)];
    expect(settleTie(tie, spelled({ 0: [2, 25], 1: [3, 25], 2: [3, 25] }))).toBeUndefined();
    const ahead = [found(0, 0.3), found(1, 0.352), found(2, 0.352)];
    expect(settleTie(ahead, spelled({ 0: [2, 25], 1: [3, 25], 2: [3, 25] }))?.doc).toBe(0);
  });

  it('settles nothing when a record of the tie is no matter of spelling (a prefix of one word)', () => {
    const close = [found(0, 0.1), found(1, 0.12)];
    expect(settleTie(close, spelled({ 0: [1, 11] }))).toBeUndefined();
  });
});

describe('settleTie by a text match of every term', () => {
  it('takes the one text match of every term when each other text match missed one (谁谈到了水雷甲项目)', () => {
    const close = [
      found(0, 0.118, { matched: ['谈到', '水雷', '项目', '雷甲', '甲项'], everyTerm: true }),
      found(1, 0.133, { matched: ['谈到', '水雷', '项目'], everyTerm: false }),
      found(2, 0.137, { matched: ['谈到', '水雷', '项目'], everyTerm: false }),
    ];
    expect(settleTie(close)?.doc).toBe(0);
  });

  it('keeps the tie when two match every term, or a name match is as close', () => {
    const all = { matched: ['谈到', '项目'], everyTerm: true };
    expect(settleTie([found(0, 0.25, all), found(1, 0.25, all)])).toBeUndefined();
    const byName = [found(0, 0.2, { matched: ['kalomiru'], everyTerm: true }), found(1, 0.22)];
    expect(settleTie(byName)).toBeUndefined();
  });
});
