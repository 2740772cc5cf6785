// The names a record can be found by (its name fields and aliases), and the normal form two names clash in.

import { TRANSLATED_LOCALES } from '../locale/locales';
import type { FieldPath } from './read-seeds';
import { valuesAt } from './references';
import { KINDS, type Kind } from './schema';

const NAME_FIELDS = [
  'name',
  'title',
  'short',
  'aliases.*',
  ...TRANSLATED_LOCALES.flatMap((l) => [`i18n.${l}.name`, `i18n.${l}.title`, `i18n.${l}.aliases.*`]),
];

/** Case, full/half width and spacing do not make two names different. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function namesOf(record: object): { path: FieldPath; name: string }[] {
  return NAME_FIELDS.flatMap((pattern) => valuesAt(record, pattern)).flatMap(({ path, value }) =>
    typeof value === 'string' ? [{ path, name: value }] : [],
  );
}

/** How messages call one record of a kind. */
export const NOUN: Readonly<Record<Kind, string>> = {
  sources: 'source',
  series: 'series',
  editions: 'edition',
  people: 'person',
  organizations: 'organisation',
  statistics: 'statistic',
  forums: 'forum',
  reports: 'report',
  works: 'work',
};

export function nounList(kinds: readonly Kind[]): string {
  return kinds.map((k) => NOUN[k]).join(' or ');
}

export const KIND_ORDER: ReadonlyMap<Kind, number> = new Map(KINDS.map((k, i) => [k, i]));
