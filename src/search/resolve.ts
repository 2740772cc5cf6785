// What a ranked list answers: one record clearly best, several about equally good, or none good enough.
import type { Hit, Resolution } from './lookup-types';
import type { Found } from './merge';
import { type Scored, SEARCH_MAX } from './scoring';
import { type Spelling, settleTie } from './tie-break';

/** A best match is "clearly best" when it scores at most ACCEPT and leads the next record by MARGIN. */
export const ACCEPT = 0.4;
export const MARGIN = 0.08;
/** "Did you mean" lists only records some matcher saw something in (the filter's bare guesses score above). */
const DID_YOU_MEAN_MAX = 0.8;

export interface ResolveInput {
  /** Best first, exact matches first (as `Ranker.rank` orders them); text matches say what they matched. */
  ranked: readonly Found[];
  /** How many others or candidates to list. */
  limit: number;
  /** The doc's fit to the query's time (see time-fit.ts): two exact matches tie only when it is the same. */
  timeFit: (doc: number) => number;
  hit: (s: Scored) => Hit;
  /**
   * Edits between the query and the doc's closest name, and that name's length; undefined when the doc's match
   * is not a matter of spelling (a prefix, a text match). Lets a clearly closer spelling win a near tie.
   */
  spelling?: Spelling;
  /** Whether the query has content of its own (not only question words) for a text match of every term. */
  hasContent?: boolean;
}

export function resolveRanked({
  ranked,
  limit,
  timeFit,
  hit,
  spelling,
  hasContent = true,
}: ResolveInput): Resolution {
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
    const closest = settleTie(close, spelling, hasContent);
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
