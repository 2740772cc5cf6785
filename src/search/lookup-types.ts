// The lookup contract that command handlers use; src/search implements it over the compiled tables.
import type { Kind } from '../knowledge/schema';

export interface Hit {
  kind: Kind;
  id: string;
  /** 0 is a perfect match, 1 no match (fuse.js convention). */
  score: number;
  /** The record's display name, for lists and autocomplete. */
  label: string;
}

export type Resolution =
  /** An id (from autocomplete) or a clearly best free-text match. */
  | { status: 'found'; hit: Hit; exact: boolean; others: Hit[] }
  /** Several records match about equally well: say so and list them. */
  | { status: 'ambiguous'; candidates: Hit[] }
  /** Nothing matched well enough; `candidates` are the closest, possibly empty. */
  | { status: 'none'; candidates: Hit[] };

export interface SearchOptions {
  /** Restrict to these kinds (a /speaker lookup searches people only). */
  kinds?: readonly Kind[];
  limit?: number;
}

export interface Choice {
  /** 1–100 characters. */
  name: string;
  /** The record id, 1–100 characters. */
  value: string;
}

export interface Lookup {
  search(query: string, options?: SearchOptions): Hit[];
  resolve(query: string, options?: SearchOptions): Resolution;
  /** At most 25 choices; an empty query gives a short curated list. */
  complete(query: string, options?: SearchOptions): Choice[];
}
