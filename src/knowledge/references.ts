// Which fields of a record hold ids of other records, and of which kinds: used to check them and to link both ways.
import type { FieldPath } from './read-seeds';
import type { Kind } from './schema';

export interface Reference {
  /** Inside the record: `['roles', 0, 'organisation']`. */
  path: FieldPath;
  id: string;
  /** The kinds the id may name (a work is `by` a person or an organisation). */
  kinds: readonly Kind[];
}

const ORGS: readonly Kind[] = ['organizations'];
const EDITIONS: readonly Kind[] = ['editions'];

/** `*` stands for every item of a list. Every `sources` list at any depth names sources as well. */
const FIELDS: { readonly [K in Kind]: readonly (readonly [pattern: string, kinds: readonly Kind[]])[] } = {
  sources: [],
  series: [],
  editions: [
    ['series', ['series']],
    ['hosts.*', ORGS],
    ['organisers.*', ORGS],
    ['guidedBy.*', ORGS],
    ['namedAs.*.organisation', ORGS],
  ],
  people: [
    ['roles.*.organisation', ORGS],
    ['roles.*.edition', EDITIONS],
    ['appearances.*.edition', EDITIONS],
    ['appearances.*.forum', ['forums']],
  ],
  organizations: [['parent', ORGS]],
  statistics: [
    ['reportedBy.report', ['reports']],
    ['reportedBy.person', ['people']],
    ['reportedBy.organisation', ORGS],
    ['edition', EDITIONS],
  ],
  forums: [
    ['edition', EDITIONS],
    ['hosts.*', ORGS],
    ['organisers.*', ORGS],
  ],
  reports: [
    ['publisher', ORGS],
    ['edition', EDITIONS],
  ],
  works: [
    ['edition', EDITIONS],
    ['by.*', ['people', 'organizations']],
  ],
};

/** The values found at a dotted pattern (`roles.*.organisation`), each with its concrete path. */
export function valuesAt(value: unknown, pattern: string): { path: FieldPath; value: unknown }[] {
  let found: { path: FieldPath; value: unknown }[] = [{ path: [], value }];
  for (const step of pattern.split('.')) {
    const next: typeof found = [];
    for (const { path, value: v } of found) {
      if (step === '*') {
        if (Array.isArray(v))
          v.forEach((item, i) => {
            next.push({ path: [...path, i], value: item });
          });
      } else if (v && typeof v === 'object' && step in v) {
        next.push({ path: [...path, step], value: (v as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found.filter((f) => f.value !== undefined);
}

function sourceLists(value: unknown, path: FieldPath, out: Reference[]): void {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      sourceLists(v, [...path, i], out);
    });
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(v))
        v.forEach((id, i) => {
          if (typeof id === 'string') out.push({ path: [...path, key, i], id, kinds: ['sources'] });
        });
      else sourceLists(v, [...path, key], out);
    }
}

export function referencesOf(kind: Kind, record: object): Reference[] {
  const out: Reference[] = [];
  for (const [pattern, kinds] of FIELDS[kind])
    for (const { path, value } of valuesAt(record, pattern))
      if (typeof value === 'string') out.push({ path, id: value, kinds });
  sourceLists(record, [], out);
  return out;
}
