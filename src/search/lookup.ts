// Fuzzy lookup over the compiled search tables: a cheap candidate filter picks ~100 records, fuse.js and a word
// matcher rank them (rank.ts), and resolve.ts / complete.ts turn the ranking into answers. This file wires them.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { choices, completionOrder, featuredOrder, MAX_CHOICES } from './complete';
import { KeyIndex } from './key-index';
import type { Choice, Hit, Lookup, Resolution, SearchOptions } from './lookup-types';
import { queryFacts } from './query';
import { Ranker } from './rank';
import { resolveRanked } from './resolve';
import { type Scored, SEARCH_MAX } from './scoring';
import { type SearchTables, SearchTablesSchema } from './tables';
import { timeFit } from './time-fit';

const DEFAULT_LIMIT = 10;
const DID_YOU_MEAN = 5;

export class SearchTablesError extends Error {}

export function createLookup(kb: KnowledgeBase): Lookup {
  const parsed = SearchTablesSchema.safeParse(kb.searchTables);
  if (!parsed.success) {
    throw new SearchTablesError(
      'The index has no valid search tables (it may be from an older version); run `npx shiting compile`.',
    );
  }
  return lookupFromTables(parsed.data);
}

export function lookupFromTables(tables: SearchTables): Lookup {
  const index = new KeyIndex(tables);
  const ranker = new Ranker(index);
  const { docs } = index;

  function hit(s: Scored): Hit {
    const d = docs[s.doc]!;
    return { kind: d.kind, id: d.id, score: Math.min(1, Math.max(0, s.score)), label: d.label };
  }

  // An id (autocomplete sends the chosen record's id) comes first in every answer, exactly.
  function search(query: string, options: SearchOptions = {}): Hit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const byId = index.idDoc(query, options.kinds);
    const ranked = ranker
      .rank(queryFacts(query), options.kinds)
      .filter((s) => s.score <= SEARCH_MAX && s.doc !== byId);
    const head: Scored[] = byId === undefined ? [] : [{ doc: byId, score: 0, exact: true }];
    return [...head, ...ranked].slice(0, limit).map(hit);
  }

  function resolve(query: string, options: SearchOptions = {}): Resolution {
    const limit = options.limit ?? DID_YOU_MEAN;
    const byId = index.idDoc(query, options.kinds);
    if (byId !== undefined)
      return { status: 'found', hit: hit({ doc: byId, score: 0, exact: true }), exact: true, others: [] };
    const q = queryFacts(query);
    return resolveRanked({
      ranked: ranker.rank(q, options.kinds),
      limit,
      timeFit: (doc) => timeFit(docs[doc]!.t, q.time),
      hit,
    });
  }

  function complete(query: string, options: SearchOptions = {}): Choice[] {
    const max = Math.min(options.limit ?? MAX_CHOICES, MAX_CHOICES);
    if (!query.trim()) return choices(index, featuredOrder(index, options.kinds), max);
    const q = queryFacts(query);
    const ranked = ranker.rank(q, options.kinds).filter((s) => s.score <= SEARCH_MAX);
    return choices(index, completionOrder(index, ranked, q, index.idDoc(query, options.kinds)), max);
  }

  return { search, resolve, complete };
}
