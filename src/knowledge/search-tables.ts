// The one place the compiler asks src/search for its precomputed lookup tables.
import { buildSearchTables } from '../search/tables';
import type { Records } from './records';

export function searchTablesFor(records: Records): unknown {
  return buildSearchTables(records);
}
