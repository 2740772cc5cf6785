// Autocomplete's rules: what an empty query suggests, the order of a ranked list by tier, and Discord's limits.
import { clip, LIMITS } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import type { KeyIndex } from './key-index';
import type { Choice } from './lookup-types';
import type { QueryFacts } from './query';
import type { Scored } from './scoring';
import type { SearchDoc } from './tables';

export const MAX_CHOICES = LIMITS.autocomplete.choices;
const MAX_CHOICE_LENGTH = LIMITS.autocomplete.max;
const EMPTY_QUERY_CHOICES = 10;

/** An empty query: the featured records, then the first records of kinds with nothing featured. */
export function featuredOrder(index: KeyIndex, kinds?: readonly Kind[]): number[] {
  const { docs } = index;
  const order = index.featured.filter((d) => index.allowed(d, kinds));
  // Kinds with nothing featured (statistics, say) still show their first records; a featured kind shows
  // only its curated records (people who appeared, not every person).
  const featuredKinds = new Set(order.map((d) => docs[d]!.kind));
  for (let i = 0; i < docs.length && order.length < EMPTY_QUERY_CHOICES; i++) {
    if (index.allowed(i, kinds) && !featuredKinds.has(docs[i]!.kind) && !order.includes(i)) order.push(i);
  }
  return order.slice(0, EMPTY_QUERY_CHOICES);
}

/** Autocomplete tier of a ranked record: 0 exact name, 1 whole keyword(s), 2 prefix (or contains, for CJK), 3 fuzzy. */
export function tier(index: KeyIndex, s: Scored, q: QueryFacts): number {
  if (s.exact) return 0;
  const { words: qWords, joined: textJoined, cjk, last, init } = q;
  let t = 3;
  for (let k = index.docFirstKey[s.doc]!; k < index.docFirstKey[s.doc + 1]!; k++) {
    const kWords = index.keyWords(k);
    if (qWords.every((w) => kWords.includes(w))) return 1;
    if (t === 2) continue;
    const kJoined = index.keyJoined(k);
    if (kJoined.startsWith(textJoined) || (cjk && kJoined.includes(textJoined))) t = 2;
    // "han zhi": every word whole but the last, which is being typed.
    else if (kWords.some((w) => w.startsWith(last)) && init.every((w) => kWords.includes(w))) t = 2;
  }
  return t;
}

/**
 * A typed query: the ranked records (already within SEARCH_MAX) by tier, then score, then doc order; the record
 * whose id the query is comes first (autocomplete sends the chosen id back).
 */
export function completionOrder(
  index: KeyIndex,
  ranked: Scored[],
  q: QueryFacts,
  byId: number | undefined,
): number[] {
  const tiers = new Map(ranked.map((s) => [s.doc, q.text ? tier(index, s, q) : 3]));
  ranked.sort((a, b) => tiers.get(a.doc)! - tiers.get(b.doc)! || a.score - b.score || a.doc - b.doc);
  const order = ranked.map((s) => s.doc);
  return byId === undefined ? order : [byId, ...order.filter((d) => d !== byId)];
}

/** The first `max` records as choices; a record whose id Discord cannot carry is skipped. */
export function choices(index: KeyIndex, order: readonly number[], max: number): Choice[] {
  return order
    .map((doc) => choice(index.docs[doc]!))
    .filter((c): c is Choice => c !== undefined)
    .slice(0, max);
}

function choice(d: SearchDoc): Choice | undefined {
  if (d.id.length > MAX_CHOICE_LENGTH) return undefined;
  return { name: clip(d.label, MAX_CHOICE_LENGTH, d.id), value: d.id };
}
