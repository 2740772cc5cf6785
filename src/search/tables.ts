// The search tables the compiler writes into the index: one search doc per record and a cheap candidate filter.
import { z } from 'zod';
import type { IndexFile } from '../knowledge/knowledge-base';
import type { Edition, Series, Statistic } from '../knowledge/schema';
import { allAliases, allTexts, partnerText } from '../locale/local-text';
import { BASE_LOCALE } from '../locale/locales';
import { grams, hasCjk, joined, normalise, sortedUnique, words } from './normalise';
import { textDocs } from './text-docs';
import { buildTextTables, TextTablesSchema } from './text-tables';

/** Bump when the layout below changes. */
export const SEARCH_TABLES_VERSION = 2;

/** The kinds that are looked up (sources are cited, not searched), in tie-break priority order. */
export const SEARCH_KINDS = [
  'editions',
  'series',
  'people',
  'organizations',
  'statistics',
  'reports',
  'forums',
  'works',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchDocSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string().min(1),
  /** Display name for lists and autocomplete. */
  label: z.string().min(1),
  /** Normalised names the record is found by (see normalise.ts). */
  keys: z.array(z.string().min(1)).min(1),
  /** The times the record is about: YYYY or YYYYMM. Absent when none. */
  t: z.array(z.number().int().positive()).optional(),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

/** Sorted, distinct non-negative integers as base-36 deltas joined by commas: compact in JSON, cheap to validate. */
const Postings = z.string().regex(/^[0-9a-z]+(?:,[0-9a-z]+)*$/);

export const SearchTablesSchema = z.object({
  version: z.literal(SEARCH_TABLES_VERSION),
  /** Ordered by kind priority, then latest edition first, then seed order: doc order breaks ties. */
  docs: z.array(SearchDocSchema),
  /** Gram (see `grams`) → postings of key numbers (keys numbered across docs in order). */
  grams: z.record(z.string(), Postings),
  /** First 1–3 characters of each Latin word and joined key → postings of doc numbers (short queries). */
  prefixes: z.record(z.string(), Postings),
  /** Doc numbers shown for an empty autocomplete query: latest editions, then people who appeared at editions. */
  featured: z.array(z.number().int().nonnegative()),
  /** Full text: every text a record shows, weighted by field (text-tables.ts). */
  text: TextTablesSchema.default({ terms: [], postings: [], figures: [] }),
  /** Edition doc number → postings of the doc numbers of the statistics announced there (/stat 9th). */
  editionStats: z.record(z.string(), Postings).default({}),
});
export type SearchTables = z.infer<typeof SearchTablesSchema>;

export function encodePostings(sorted: readonly number[]): string {
  let prev = 0;
  return sorted
    .map((n, i) => {
      const d = i === 0 ? n : n - prev;
      prev = n;
      return d.toString(36);
    })
    .join(',');
}

export function decodePostings(encoded: string): Int32Array {
  const parts = encoded.split(',');
  const out = new Int32Array(parts.length);
  let acc = 0;
  for (let i = 0; i < parts.length; i++) {
    acc += Number.parseInt(parts[i]!, 36);
    out[i] = acc;
  }
  return out;
}

const PREFIX_LENGTH = 3;
const FEATURED_EDITIONS = 5;
/** As many as an empty query shows, so that /speaker lists only people who appeared (see lookup.ts). */
const FEATURED_PEOPLE = 10;

type Records = IndexFile['records'];

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** YYYY and YYYYMM of a partial date. */
function timesOf(date: string | undefined): number[] {
  if (!date) return [];
  const [y, m] = date.split('-');
  return m ? [Number(y), Number(y) * 100 + Number(m)] : [Number(y)];
}

function seriesNames(series: Series | undefined): string[] {
  if (!series) return [];
  return [...allTexts(series, 'name'), series.short, ...allAliases(series)].filter((s): s is string => !!s);
}

function editionLabel(edition: Edition, series: Series | undefined): string {
  const name = series?.name ?? edition.series;
  if (edition.ordinal !== undefined) return `${ordinalSuffix(edition.ordinal)} ${name} (${edition.year})`;
  if (edition.season !== undefined) return `${name} season ${edition.season} (${edition.year})`;
  return `${name} (${edition.year})`;
}

/** Labels are English, with the name in English's partner locale (Chinese) beside it. */
const SEARCH_LOCALE = { locale: BASE_LOCALE };

function withZh(name: string, zh: string | undefined): string {
  return zh && zh !== name ? `${name} (${zh})` : name;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/**
 * A statistic's value as people write it, alone and with each leading part of its unit: 944, 944 million,
 * 944 million users; 151, 151 minutes. Plain digits (String), never locale grouping, so the keys are stable.
 */
export function valueNames(st: Statistic): string[] {
  const value = String(st.value);
  const unit = st.unit.split(/\s+/).filter(Boolean);
  return [value, ...unit.map((_, i) => `${value} ${unit.slice(0, i + 1).join(' ')}`)];
}

interface DraftDoc {
  kind: SearchKind;
  id: string;
  label: string;
  names: (string | undefined)[];
  times: number[];
  /** The statistic's edition, for editionStats. */
  edition?: string;
}

function draftDocs(records: Records): DraftDoc[] {
  const series = new Map(records.series.map((s) => [s.id, s]));
  const editionYear = new Map(records.editions.map((e) => [e.id, e.year]));
  const yearOf = (editionId: string | undefined) =>
    editionId !== undefined && editionYear.has(editionId) ? [editionYear.get(editionId)!] : [];
  const editions = [...records.editions]
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        b.e.year - a.e.year ||
        (b.e.ordinal ?? b.e.season ?? 0) - (a.e.ordinal ?? a.e.season ?? 0) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
  const docs: DraftDoc[] = [];
  for (const e of editions) {
    const s = series.get(e.series);
    const forms = seriesNames(s);
    const ordinalKeys =
      e.ordinal !== undefined
        ? [String(e.ordinal), ...forms.map((f) => `${e.ordinal} ${f}`)]
        : e.season !== undefined
          ? [`season ${e.season}`, ...forms.map((f) => `${f} season ${e.season}`)]
          : forms;
    docs.push({
      kind: 'editions',
      id: e.id,
      label: editionLabel(e, s),
      names: [...e.aliases, ...ordinalKeys, ...allTexts(e, 'city'), ...allTexts(e, 'theme')],
      times: [e.year, ...e.dates.flatMap((d) => [...timesOf(d.start), ...timesOf(d.end)])],
    });
  }
  for (const s of records.series) {
    docs.push({
      kind: 'series',
      id: s.id,
      label: withZh(s.name, partnerText(SEARCH_LOCALE, s, 'name')),
      names: seriesNames(s),
      times: [],
    });
  }
  for (const p of records.people) {
    docs.push({
      kind: 'people',
      id: p.id,
      label: withZh(p.name, partnerText(SEARCH_LOCALE, p, 'name')),
      names: [...allTexts(p, 'name'), ...allAliases(p)],
      times: p.appearances.flatMap((a) => yearOf(a.edition)),
    });
  }
  for (const o of records.organizations) {
    docs.push({
      kind: 'organizations',
      id: o.id,
      label: withZh(o.name, partnerText(SEARCH_LOCALE, o, 'name')),
      names: [...allTexts(o, 'name'), ...allAliases(o)],
      times: [],
    });
  }
  for (const st of records.statistics) {
    const asOf = st.asOf ? ` (${st.asOf})` : '';
    docs.push({
      kind: 'statistics',
      id: st.id,
      label: `${st.measure}: ${formatNumber(st.value)} ${st.unit}${asOf}`,
      names: [...allTexts(st, 'measure'), ...st.aliases, st.scope, st.unit, ...valueNames(st)],
      times: timesOf(st.asOf),
      ...(st.edition ? { edition: st.edition } : {}),
    });
  }
  for (const r of records.reports) {
    docs.push({
      kind: 'reports',
      id: r.id,
      label: withZh(r.name, partnerText(SEARCH_LOCALE, r, 'name')),
      names: [...allTexts(r, 'name'), ...allAliases(r)],
      times: [...(r.year !== undefined ? [r.year] : []), ...timesOf(r.released)],
    });
  }
  for (const f of records.forums) {
    docs.push({
      kind: 'forums',
      id: f.id,
      label: withZh(f.name, partnerText(SEARCH_LOCALE, f, 'name')),
      names: [...allTexts(f, 'name'), ...allAliases(f)],
      times: f.date ? timesOf(f.date) : yearOf(f.edition),
    });
  }
  for (const w of records.works) {
    docs.push({
      kind: 'works',
      id: w.id,
      label: withZh(w.title, partnerText(SEARCH_LOCALE, w, 'title')),
      names: [...allTexts(w, 'title'), ...allAliases(w)],
      times: yearOf(w.edition),
    });
  }
  return docs;
}

function encodeMap(map: Map<string, number[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...map.keys()].sort()) out[key] = encodePostings(sortedUnique(map.get(key)!));
  return out;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** The prefix-map entries of one normalised key: each Latin word's first characters, and the joined key's. */
function prefixesOf(key: string): string[] {
  const out = new Set<string>();
  for (const w of [...words(key), joined(key)]) {
    if (!hasCjk(w)) out.add(w.slice(0, PREFIX_LENGTH));
  }
  return [...out];
}

/** Deterministic: the same records give the same tables (and the same JSON). */
export function buildSearchTables(records: Records): SearchTables {
  const drafts = draftDocs(records);
  const docs: SearchDoc[] = [];
  const gramMap = new Map<string, number[]>();
  const prefixMap = new Map<string, number[]>();
  let keyNumber = 0;
  for (const draft of drafts) {
    const keys = [...new Set(draft.names.filter((n): n is string => !!n).map(normalise))].filter(Boolean);
    // A record whose names all normalise away (pure punctuation) is still found by its id.
    if (keys.length === 0) keys.push(normalise(draft.id.replace(/-/g, ' ')));
    const docNumber = docs.length;
    for (const key of keys) {
      for (const g of grams(key)) push(gramMap, g, keyNumber);
      for (const p of prefixesOf(key)) push(prefixMap, p, docNumber);
      keyNumber++;
    }
    const t = sortedUnique(draft.times);
    docs.push({ kind: draft.kind, id: draft.id, label: draft.label, keys, ...(t.length ? { t } : {}) });
  }
  const editions = docs.flatMap((d, i) => (d.kind === 'editions' ? [i] : [])).slice(0, FEATURED_EDITIONS);
  const appearances = new Map(records.people.map((p) => [p.id, p.appearances.length]));
  // Only people who appeared at an edition: a reporter quoted in a source is no speaker to suggest.
  const people = docs
    .flatMap((d, i) => (d.kind === 'people' && (appearances.get(d.id) ?? 0) > 0 ? [i] : []))
    .sort((a, b) => (appearances.get(docs[b]!.id) ?? 0) - (appearances.get(docs[a]!.id) ?? 0) || a - b)
    .slice(0, FEATURED_PEOPLE);
  const named = drafts.map((d) => ({
    kind: d.kind,
    id: d.id,
    names: d.names.filter((n): n is string => !!n),
  }));
  const text = textDocs(records, named);
  const docNumber = new Map(docs.map((d, i) => [d.id, i]));
  const statsMap = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    const edition = d.edition !== undefined ? docNumber.get(d.edition) : undefined;
    if (edition !== undefined) push(statsMap, String(edition), i);
  });
  return {
    version: SEARCH_TABLES_VERSION,
    docs,
    grams: encodeMap(gramMap),
    prefixes: encodeMap(prefixMap),
    featured: [...editions, ...people],
    text: buildTextTables(text.fields, text.figures),
    editionStats: encodeMap(statsMap),
  };
}
