// Autocomplete's rules: what an empty query suggests, the order of a ranked list by tier, and Discord's limits.
import { clip, LIMITS } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import type { KeyIndex } from './key-index';
import type { Choice } from './lookup-types';
import type { QueryFacts } from './query';
import { type Scored, scoreOrder } from './scoring';
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

/** Whether every word of `ws` is one of `of`. */
function allIn(ws: readonly string[], of: readonly string[]): boolean {
  for (let i = 0; i < ws.length; i++) if (!of.includes(ws[i]!)) return false;
  return true;
}

/** Whether one of `ws` starts with `prefix`. */
function someStartsWith(ws: readonly string[], prefix: string): boolean {
  for (let i = 0; i < ws.length; i++) if (ws[i]!.startsWith(prefix)) return true;
  return false;
}

/** Autocomplete tier of a ranked record: 0 exact name, 1 whole keyword(s), 2 prefix (or contains, for CJK), 3 fuzzy. */
export function tier(index: KeyIndex, s: Scored, q: QueryFacts): number {
  if (s.exact) return 0;
  const { words: qWords, joined: textJoined, cjk, last, init } = q;
  let t = 3;
  for (let k = index.docFirstKey[s.doc]!; k < index.docFirstKey[s.doc + 1]!; k++) {
    const kWords = index.keyWords(k);
    if (allIn(qWords, kWords)) return 1;
    if (t === 2) continue;
    const kJoined = index.keyJoined(k);
    if (kJoined.startsWith(textJoined) || (cjk && kJoined.includes(textJoined))) t = 2;
    // "han zhi": every word whole but the last, which is being typed.
    else if (someStartsWith(kWords, last) && allIn(init, kWords)) t = 2;
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
  // The tiers by place in `ranked`, and the places sorted: no map from doc to tier.
  const n = ranked.length;
  const tiers = new Int8Array(n);
  const places = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    tiers[i] = q.text ? tier(index, ranked[i]!, q) : 3;
    places[i] = i;
  }
  places.sort(
    (i, j) =>
      tiers[i]! - tiers[j]! ||
      scoreOrder(ranked[i]!.score, ranked[j]!.score) ||
      ranked[i]!.doc - ranked[j]!.doc,
  );
  const order: number[] = [];
  if (byId !== undefined) order.push(byId);
  for (let i = 0; i < n; i++) {
    const doc = ranked[places[i]!]!.doc;
    if (doc !== byId) order.push(doc);
  }
  return order;
}

/** The first `max` records as choices; a record whose id Discord cannot carry is skipped. */
export function choices(index: KeyIndex, order: readonly number[], max: number): Choice[] {
  const out: Choice[] = [];
  for (let i = 0; i < order.length && out.length < max; i++) {
    const c = choice(index.docs[order[i]!]!);
    if (c) out.push(c);
  }
  return out;
}

function choice(d: SearchDoc): Choice | undefined {
  if (d.id.length > MAX_CHOICE_LENGTH) return undefined;
  return { name: clip(d.label, MAX_CHOICE_LENGTH, d.id), value: d.id };
}
