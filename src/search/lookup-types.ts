// The lookup contract that command handlers use; src/search implements it over the compiled tables.
import type { FigureT, Kind } from '../knowledge/schema';

/** The one field of a record a question asks for, which the reply states before the card. */
export type Answer =
  | { field: 'theme' | 'dates' | 'city' | 'value' | 'statistics' }
  | { field: 'figure'; measure: FigureT['measure'] };

export interface Hit {
  kind: Kind;
  id: string;
  /** 0 is a perfect match, 1 no match (fuse.js convention). */
  score: number;
  /** The record's display name, for lists and autocomplete. */
  label: string;
  /** What the query asked of this record ("what was the theme in 2021": its theme). */
  answer?: Answer;
  /** Words of the record's text (index terms) the query matched, when it was found by its text, not its name. */
  matched?: readonly string[];
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
