// What a ranked list answers: one record clearly best, several about equally good, or none good enough.
import type { Hit, Resolution } from './lookup-types';
import { type Scored, SEARCH_MAX } from './scoring';

/** A best match is "clearly best" when it scores at most ACCEPT and leads the next record by MARGIN. */
export const ACCEPT = 0.4;
export const MARGIN = 0.08;
/** "Did you mean" lists only records some matcher saw something in (the filter's bare guesses score above). */
const DID_YOU_MEAN_MAX = 0.8;

export interface ResolveInput {
  /** Best first, exact matches first (as `Ranker.rank` orders them). */
  ranked: readonly Scored[];
  /** How many others or candidates to list. */
  limit: number;
  /** The doc's fit to the query's time (see time-fit.ts): two exact matches tie only when it is the same. */
  timeFit: (doc: number) => number;
  hit: (s: Scored) => Hit;
  /**
   * Edits between the query and the doc's closest name, and that name's length; undefined when the doc's match
   * is not a matter of spelling (a prefix, a text match). Lets a clearly closer spelling win a near tie.
   */
  spelling?: (doc: number) => { edits: number; length: number } | undefined;
}

/** A closer spelling is clearly best when it is this many edits and this share of the name closer than any other. */
const CLOSER_EDITS = 1;
const CLOSER_SHARE = 0.1;
/** …and itself at most this share of the name away (a typo, not another word). */
const TYPO_SHARE = 0.34;

/** The one record of a near tie whose name is clearly the closest spelling of the query, if there is one. */
function closestSpelling(close: readonly Scored[], spelling: ResolveInput['spelling']): Scored | undefined {
  if (!spelling || close.length < 2) return undefined;
  const measured = close.map((s) => ({ s, d: spelling(s.doc) }));
  if (measured.some((m) => m.d === undefined)) return undefined;
  const share = (d: { edits: number; length: number }) => d.edits / Math.max(1, d.length);
  measured.sort((a, b) => share(a.d!) - share(b.d!));
  const [best, next] = measured as [(typeof measured)[0], (typeof measured)[0]];
  const clear =
    share(best.d!) <= TYPO_SHARE &&
    next.d!.edits - best.d!.edits >= CLOSER_EDITS &&
    share(next.d!) - share(best.d!) >= CLOSER_SHARE;
  return clear ? best.s : undefined;
}

export function resolveRanked({ ranked, limit, timeFit, hit, spelling }: ResolveInput): Resolution {
  const [best, second] = ranked;
  if (!best) return { status: 'none', candidates: [] };
  const others = (from: number) =>
    ranked
      .slice(from)
      .filter((s) => s.score <= SEARCH_MAX)
      .slice(0, limit)
      .map(hit);
  if (best.exact) {
    const tied = second?.exact && timeFit(second.doc) === timeFit(best.doc);
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
    const closest = closestSpelling(close, spelling);
    if (closest) {
      const rest = ranked.filter((s) => s !== closest && s.score <= SEARCH_MAX).slice(0, limit);
      return { status: 'found', hit: hit(closest), exact: false, others: rest.map(hit) };
    }
    return { status: 'ambiguous', candidates: close.slice(0, Math.max(2, limit)).map(hit) };
  }
  return {
    status: 'none',
    candidates: ranked
      .filter((s) => s.score <= DID_YOU_MEAN_MAX)
      .slice(0, limit)
      .map(hit),
  };
}
