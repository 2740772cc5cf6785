// The answers the lookup gives over many queries, as short digests: a refactor of src/search must not change one.
// `npx tsx test/search/characterisation.ts --write` rewrites the snapshot (only when a change is meant).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate, queries } from '../../bench/synthetic';
import type { IndexFile } from '../../src/knowledge/knowledge-base';
import type { Kind } from '../../src/knowledge/schema';
import { createLookup } from '../../src/search/lookup';
import type { Lookup } from '../../src/search/lookup-types';
import { buildSearchTables, type SearchTables } from '../../src/search/tables';
import { shippedCompiled } from '../support/shipped';
import { knowledgeOf, sampleRecords } from './fixtures';

const SNAPSHOT = fileURLToPath(new URL('./lookup-snapshot.json', import.meta.url));

type Records = IndexFile['records'];

/** The queries the hand-written tests ask, plus edge cases around each rule of the lookup. */
const HAND_QUERIES = [
  '9',
  '9th',
  'ninth',
  '第九届',
  '第9届',
  'ninth CIAC',
  'CIAC 9',
  '第九届中国网络视听大会',
  '第二季',
  'season 2',
  'the 9th',
  '9th edition',
  'No. 9',
  'conference number 9',
  '九',
  'nineth',
  '九届大会',
  'edition 11',
  '十一届',
  '十一',
  's2',
  'S2',
  's 2',
  'the second season',
  'the 30th',
  'the 9th CIAC',
  '1091',
  '1091 million',
  '1,091 million users',
  '151 minutes',
  '125',
  '944',
  '944 million',
  '944 million users',
  'Han Zhijei',
  'han zijie',
  'liu zhne',
  'zhang wie',
  'China Netcastng Servics Association',
  'han zhi jie',
  'hanzhijie',
  'Han Zhijie',
  'HAN ZHI-JIE',
  'CNSA',
  'China Network Audiovisual Program Service Association',
  'byte jump',
  '韩志杰',
  '字节',
  '服务协会',
  '成都',
  'daily usage 2024',
  'daily usage 2021',
  '人均单日使用时长 2021年',
  'ciac 2024',
  '2023',
  '2024',
  'march 2024',
  '2024-03',
  '3月',
  'may',
  'may 2024',
  'chengdu august 2022',
  'daily usage',
  'chengdu',
  'zhang',
  'liu-zhen',
  '  10th-ciac ',
  '11th-ciac',
  'china',
  'xyzzy qwv',
  '   ',
  '',
  'liu zhangwenhua',
  'Liu Zhen',
  'liu',
  'han zhi',
  'ciac',
  '刘',
  'cnsa',
  'l',
  'zh',
  'ch',
  'x',
  '网络',
  'short video conference season 2',
  'short video conference season 1',
  '9th china internet audiovisual conference',
  'conference 11',
  'x'.repeat(200),
  'the',
  'season',
  '12 12',
  '2024 2021',
];

const KIND_OPTIONS: readonly (readonly Kind[] | undefined)[] = [
  undefined,
  ['editions'],
  ['people'],
  ['statistics'],
  ['organizations', 'people'],
];

/** One deterministic edit a person might make: swap the 2nd and 3rd letters of the longest word, or drop one. */
function typoOf(text: string, drop: boolean): string {
  const ws = text.split(' ');
  let i = 0;
  for (let j = 1; j < ws.length; j++) if (ws[j]!.length > ws[i]!.length) i = j;
  const w = ws[i]!;
  if (w.length < 4) return text;
  ws[i] = drop ? w.slice(0, 2) + w.slice(3) : w[0]! + w[2]! + w[1]! + w.slice(3);
  return ws.join(' ');
}

/** Queries made from the records' own keys and labels: whole, prefixes, typos and parts. */
function derivedQueries(tables: SearchTables): string[] {
  const out: string[] = [];
  tables.docs.forEach((d, n) => {
    out.push(d.id);
    // Other labels are a name and its Chinese name, already among the keys; these add a year or a value.
    if (d.kind === 'editions' || d.kind === 'statistics') out.push(d.label);
    d.keys.forEach((k, i) => {
      if (i > 1) return;
      out.push(k, k.slice(0, 1 + ((n + i) % 4)), typoOf(k, (n + i) % 2 === 0));
      const chars = Array.from(k);
      if (chars.length >= 4) out.push(chars.slice(1, 1 + Math.ceil(chars.length / 2)).join(''));
    });
  });
  return out;
}

/** Everything a query's three answers say, as a digest, with the gist readable beside it. */
function answer(lookup: Lookup, query: string, kinds: readonly Kind[] | undefined): string {
  const options = kinds ? { kinds } : {};
  const search = lookup.search(query, options);
  const resolve = lookup.resolve(query, options);
  const complete = lookup.complete(query, options);
  const digest = createHash('sha256')
    .update(JSON.stringify({ search, resolve, complete }))
    .digest('hex')
    .slice(0, 8);
  const top = resolve.status === 'found' ? resolve.hit.id : (resolve.candidates[0]?.id ?? '-');
  return `${resolve.status} ${top} ${digest}`;
}

interface Corpus {
  name: string;
  lookup: Lookup;
  queries: string[];
  /** The kinds filters each query is asked with (every filter for the hand queries, fewer for the many made ones). */
  kinds: readonly (readonly Kind[] | undefined)[];
}

function corpora(): Corpus[] {
  const sample = sampleRecords();
  const real: Records = shippedCompiled().index.records;
  // 10k records, so that the filter's caps (common grams, PRESELECT, the short-query cap) all come into play.
  const synthetic = generate(10_000, 42);
  const lookupOf = (records: Records) => createLookup(knowledgeOf(records, buildSearchTables(records)));
  const mix = (records: Records, seeds: number[]) =>
    seeds.flatMap((s) => queries(records, s).map((q) => q.text));
  const sampleLookup = lookupOf(sample);
  const realLookup = lookupOf(real);
  return [
    { name: 'sample', lookup: sampleLookup, queries: HAND_QUERIES, kinds: KIND_OPTIONS },
    {
      name: 'sample-made',
      lookup: sampleLookup,
      queries: derivedQueries(buildSearchTables(sample)),
      kinds: [undefined],
    },
    { name: 'seeds', lookup: realLookup, queries: HAND_QUERIES, kinds: KIND_OPTIONS },
    { name: 'seeds-mix', lookup: realLookup, queries: mix(real, [7]), kinds: [undefined, ['people']] },
    {
      name: 'seeds-made',
      lookup: realLookup,
      queries: derivedQueries(buildSearchTables(real)),
      kinds: [undefined],
    },
    {
      name: 'synthetic-10k',
      lookup: lookupOf(synthetic),
      queries: mix(synthetic, [7, 99]),
      kinds: [undefined],
    },
  ];
}

/** Case → answer, for every corpus, query and kinds filter; `searchFirst` gets each case's first search hit. */
export function characterise(searchFirst?: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of corpora()) {
    for (const q of c.queries) {
      for (const kinds of c.kinds) {
        const key = `${c.name}|${kinds?.join(',') ?? '*'}|${q}`;
        out[key] = answer(c.lookup, q, kinds);
        searchFirst?.set(key, c.lookup.search(q, kinds ? { kinds } : {})[0]?.id ?? '-');
      }
    }
  }
  return out;
}

export function savedAnswers(): Record<string, string> {
  return JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
}

/**
 * How an answer changed: a digest only (same status and first record), a near tie settled on the record that was
 * first and is search's first ("ambiguous X → found X"), or anything else, which a change to resolve must not do.
 */
function changeOf(before: string, after: string, searchFirst: string): string {
  const [s0, top0] = before.split(' ');
  const [s1, top1] = after.split(' ');
  if (s0 === s1 && top0 === top1) return 'digest only';
  if (s0 === 'ambiguous' && s1 === 'found' && top0 === top1 && top1 === searchFirst)
    return 'ambiguous → found, search first';
  return 'NOT ALLOWED';
}

if (process.argv.includes('--diff')) {
  // The changes against the saved snapshot, one a line, classified (see changeOf); a count of each class last.
  const saved = savedAnswers();
  const first = new Map<string, string>();
  const now = characterise(first);
  const counts = new Map<string, number>();
  for (const [key, before] of Object.entries(saved)) {
    const after = now[key] ?? '(missing)';
    if (after === before) continue;
    const change = changeOf(before, after, first.get(key) ?? '-');
    counts.set(change, (counts.get(change) ?? 0) + 1);
    console.log(`${change}\t${key}\t${before} -> ${after}`);
  }
  for (const [change, n] of counts) console.log(`# ${change}: ${n}`);
}

if (process.argv.includes('--write')) {
  writeFileSync(SNAPSHOT, `${JSON.stringify(characterise(), null, 2)}\n`);
}
