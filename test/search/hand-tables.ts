// Search tables written by hand for the module tests: docs with normalised keys, indexed the way tables.ts
// indexes them (grams per key number, 3-character prefixes per doc number).
import { KeyIndex } from '../../src/search/key-index';
import { grams, hasCjk, joined, words } from '../../src/search/normalise';
import {
  encodePostings,
  SEARCH_TABLES_VERSION,
  type SearchDoc,
  type SearchTables,
  SearchTablesSchema,
} from '../../src/search/tables';

function add(map: Map<string, Set<number>>, key: string, value: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(value);
  map.set(key, set);
}

function encode(map: Map<string, Set<number>>): Record<string, string> {
  return Object.fromEntries(
    [...map].map(([key, set]) => [key, encodePostings([...set].sort((a, b) => a - b))]),
  );
}

function handTables(docs: SearchDoc[], featured: number[] = []): SearchTables {
  const gramMap = new Map<string, Set<number>>();
  const prefixMap = new Map<string, Set<number>>();
  let k = 0;
  docs.forEach((d, doc) => {
    for (const key of d.keys) {
      for (const g of grams(key)) add(gramMap, g, k);
      for (const w of [...words(key), joined(key)]) if (!hasCjk(w)) add(prefixMap, w.slice(0, 3), doc);
      k++;
    }
  });
  return SearchTablesSchema.parse({
    version: SEARCH_TABLES_VERSION,
    docs,
    grams: encode(gramMap),
    prefixes: encode(prefixMap),
    featured,
  });
}

/** A doc of `kind` with `keys`; its label is its first key, its id the label with dashes. */
export function doc(kind: SearchDoc['kind'], keys: string[], t?: number[]): SearchDoc {
  return { kind, id: keys[0]!.replace(/ /g, '-'), label: keys[0]!, keys, ...(t ? { t } : {}) };
}

export function handIndex(docs: SearchDoc[], featured: number[] = []): KeyIndex {
  return new KeyIndex(handTables(docs, featured));
}
