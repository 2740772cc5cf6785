import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/search/lookup-types';
import { ACCEPT, MARGIN, resolveRanked } from '../../src/search/resolve';
import type { Scored } from '../../src/search/scoring';

const hit = (s: Scored): Hit => ({ kind: 'people', id: `d${s.doc}`, score: s.score, label: `Doc ${s.doc}` });
const scored = (doc: number, score: number, exact = false): Scored => ({ doc, score, exact });
const resolve = (ranked: Scored[], timeFit: (doc: number) => number = () => 0, limit = 5) =>
  resolveRanked({ ranked, limit, timeFit, hit });
const ids = (hits: Hit[]) => hits.map((h) => h.id);

describe('resolveRanked', () => {
  it('finds nothing in an empty ranking', () => {
    expect(resolve([])).toEqual({ status: 'none', candidates: [] });
  });

  it('finds one exact match, with the others within SEARCH_MAX', () => {
    const r = resolve([scored(0, 0, true), scored(1, 0.3), scored(2, 0.7)]);
    expect(r).toMatchObject({ status: 'found', exact: true, hit: { id: 'd0' } });
    expect(r.status === 'found' && ids(r.others)).toEqual(['d1']);
  });

  it('calls two exact matches of the same time fit ambiguous, and not when one fits the time better', () => {
    const ranked = [scored(0, 0, true), scored(1, 0, true), scored(2, 0.2)];
    const r = resolve(ranked);
    expect(r.status === 'ambiguous' && ids(r.candidates)).toEqual(['d0', 'd1']);
    expect(resolve(ranked, (doc) => (doc === 0 ? -1 : 1))).toMatchObject({
      status: 'found',
      hit: { id: 'd0' },
    });
  });

  it('finds the clearly best: within ACCEPT and at least MARGIN ahead', () => {
    expect(resolve([scored(3, ACCEPT), scored(4, ACCEPT + MARGIN)])).toMatchObject({
      status: 'found',
      exact: false,
      hit: { id: 'd3' },
    });
    expect(resolve([scored(3, 0.2)])).toMatchObject({ status: 'found', hit: { id: 'd3' } });
  });

  it('lists the close ones, at least two, when the best does not lead by MARGIN', () => {
    const r = resolve([scored(0, 0.2), scored(1, 0.25), scored(2, 0.27), scored(3, 0.5)], () => 0, 1);
    expect(r.status === 'ambiguous' && ids(r.candidates)).toEqual(['d0', 'd1']);
    const all = resolve([scored(0, 0.2), scored(1, 0.25), scored(2, 0.27), scored(3, 0.5)]);
    expect(all.status === 'ambiguous' && ids(all.candidates)).toEqual(['d0', 'd1', 'd2']);
  });

  it('answers none above ACCEPT, with did-you-mean candidates only up to 0.8', () => {
    const r = resolve([scored(0, 0.45), scored(1, 0.8), scored(2, 0.85)]);
    expect(r.status === 'none' && ids(r.candidates)).toEqual(['d0', 'd1']);
  });
});
