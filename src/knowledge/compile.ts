// seeds/*.yaml → one deterministic index: read, validate, check across records, link, date, and hash.
import { buildCalendar } from './calendar';
import { checkRecords } from './checks';
import { deriveLocales } from './derive-locales';
import { canonicalJson, type IndexBody, indexHash } from './index-hash';
import { INDEX_FORMAT, INDEX_SCHEMA_VERSION, type IndexFile } from './knowledge-base';
import { readSeeds } from './read-seeds';
import type { Records } from './records';
import { buildRelated } from './related';
import { KINDS, type Kind } from './schema';
import { searchTablesFor } from './search-tables';
import { type SeedError, sortSeedErrors } from './seed-error';
import { validateRecords } from './validate';

export type { SeedError } from './seed-error';
export { formatSeedError } from './seed-error';

export type CompileResult = { ok: true; index: IndexFile; json: string } | { ok: false; errors: SeedError[] };

export function compileSeeds(seedsDir: string): CompileResult {
  const read = readSeeds(seedsDir);
  const { valid, errors } = validateRecords(read.files);
  errors.unshift(...read.errors);
  errors.push(...checkRecords(read.files, read.unreadable));
  if (errors.length > 0) return { ok: false, errors: sortSeedErrors(errors) };
  const records = Object.fromEntries(KINDS.map((k) => [k, valid[k].map((l) => l.record)])) as Records;
  return { ok: true, ...indexFromRecords(records) };
}

/** The index of records that passed every check; also used by benchmarks that generate records directly. */
export function indexFromRecords(checked: Records): { index: IndexFile; json: string } {
  const derived = deriveLocales(checked);
  const records: Records = {
    ...derived,
    // A lone date claim is the shown one; saying so here spares every reader the rule.
    editions: derived.editions.map((e) =>
      e.dates.length === 1 && !e.dates[0]!.shown ? { ...e, dates: [{ ...e.dates[0]!, shown: true }] } : e,
    ),
  };
  const counts = Object.fromEntries(KINDS.map((k) => [k, records[k].length])) as Record<Kind, number>;
  const body: IndexBody = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    format: INDEX_FORMAT,
    counts,
    records,
    related: buildRelated(records),
    calendar: buildCalendar(records),
    search: searchTablesFor(records),
  };
  const { schemaVersion, ...rest } = body;
  const index: IndexFile = { schemaVersion, hash: indexHash(body), ...rest };
  return { index, json: `${canonicalJson(index)}\n` };
}
