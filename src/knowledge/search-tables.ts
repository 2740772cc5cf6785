// The one place the compiler asks src/search for its precomputed lookup tables.
import { buildSearchTables, SEARCH_TABLES_VERSION } from '../search/tables';
import type { Records } from './records';

export function searchTablesFor(records: Records): unknown {
  return buildSearchTables(records);
}

/** The layout version the compiler writes as `search.version`; the lookup reads no other. */
export const CURRENT_SEARCH_VERSION: number = SEARCH_TABLES_VERSION;
