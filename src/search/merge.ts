// Name matches and text matches on one scale, and what a question's intent does to them. A text match scores
// by how much of the query it covers, how it ranks among the text matches and how rare its words are, so
// that one common word ("china") never makes a clear answer, and a name match still beats a mention.
import type { FigureT, Kind } from '../knowledge/schema';
import type { Intent } from './intent';
import { type Scored, scoreOrder } from './scoring';
import type { TextHit, TextIndex } from './text-index';
import { FIGURE_WORDS } from './text-tables';
import { termsOf } from './tokens';

const FIGURE_TERMS = Object.fromEntries(
  Object.entries(FIGURE_WORDS).map(([m, words]) => [m, new Set(termsOf(words))]),
) as Record<FigureT['measure'], Set<string>>;

/** A ranked record that may have been found through its text. */
export interface Found extends Scored {
  /** Index terms of its text that matched, when the text match is what ranks it. */
  matched?: string[];
  /** The figure stored on this edition that matched ("how many attendees"). */
  figure?: FigureT['measure'];
  /** Found by its text, which matched every term of the query (see TextHit.everyTerm). */
  everyTerm?: boolean;
}

/** The best text match scores TEXT_FLOOR; missing query words, a lower rank and common words add to it. */
const TEXT_FLOOR = 0.15;
const TEXT_COVERAGE = 0.6;
const TEXT_RANK = 0.15;
const TEXT_COMMON = 0.5;
/** How much an intent moves records of the kind it asks for up, and others down. */
const INTENT_BONUS = 0.3;
const INTENT_PENALTY = 0.05;

function textScore(hit: TextHit, best: number): number {
  const rel = best > 0 ? hit.score / best : 0;
  return (
    TEXT_FLOOR +
    TEXT_COVERAGE * (1 - hit.coverage) +
    TEXT_RANK * (1 - rel) +
    TEXT_COMMON * (1 - hit.rarity) ** 2
  );
}

/** The text matches by search doc, each at its best text doc (an edition and one of its figures are one). */
export function textFound(hits: readonly TextHit[], index: TextIndex): Map<number, Found> {
  const out = new Map<number, Found>();
  const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
  for (const h of hits) {
    const { doc, figure } = index.target(h.doc);
    // A figure is found by the words for it ("attendees"), not by its edition's name alone.
    if (figure && !h.matched.some((t) => FIGURE_TERMS[figure].has(t))) continue;
    const score = textScore(h, best);
    const seen = out.get(doc);
    if (seen && seen.score <= score) continue;
    out.set(doc, {
      doc,
      score,
      exact: false,
      matched: h.matched,
      everyTerm: h.everyTerm,
      ...(figure ? { figure } : {}),
    });
  }
  return out;
}

/**
 * Name matches and text matches together: a record's better score counts (and the text words it matched, when
 * the text is the better). Name matches come as ranked (exact first); the result is in no order. Both are
 * handed over, not copied (a query makes them for this one merge): the result holds them.
 */
export function mergeFound(named: readonly Scored[], text: ReadonlyMap<number, Found>): Found[] {
  const out: Found[] = [];
  /** The text matches' docs that are also name matches. */
  const both: number[] = [];
  for (let i = 0; i < named.length; i++) {
    const n: Found = named[i]!;
    const t = text.size > 0 ? text.get(n.doc) : undefined;
    if (t) {
      both.push(n.doc);
      if (!n.exact && t.score < n.score) {
        out.push(t);
        continue;
      }
      if (t.figure) n.figure = t.figure;
    }
    out.push(n);
  }
  text.forEach((t, doc) => {
    if (!both.includes(doc)) out.push(t);
  });
  return out;
}

/** The kinds an intent prefers. */
export function prefers(intent: Intent, kind: Kind, s: Pick<Found, 'figure'>): boolean {
  switch (intent) {
    case 'person':
      return kind === 'people';
    case 'organization':
      return kind === 'organizations';
    case 'figure':
      return kind === 'statistics' || s.figure !== undefined;
    case 'statistics':
      return kind === 'statistics';
    case 'dates':
      return kind === 'editions' || kind === 'forums';
    case 'theme':
    case 'city':
      return kind === 'editions';
  }
}

/** Moves records of the kind a question asks for ahead of the others; exact name matches stay as they are. */
export function applyIntent(found: Found[], intent: Intent | undefined, kindOf: (doc: number) => Kind): void {
  if (!intent) return;
  for (const s of found) {
    if (s.exact) continue;
    s.score += prefers(intent, kindOf(s.doc), s) ? -INTENT_BONUS : INTENT_PENALTY;
  }
}

/** Exact first (among them the better time fit), then by score, then doc order. */
export function sortFound(found: Found[], timeFit: (doc: number) => number): Found[] {
  return found.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (a.exact && b.exact ? timeFit(a.doc) - timeFit(b.doc) : scoreOrder(a.score, b.score)) ||
      a.doc - b.doc,
  );
}
