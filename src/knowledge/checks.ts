// Checks across records, after each passed its schema: ids, references, names, dates, the shown date claim.
import { endsBeforeStart, impossibleDate } from './dates';
import { dotted, recordLabel } from './field-path';
import { NOUN, namesOf, normaliseName, nounList } from './names';
import type { SeedFile } from './read-seeds';
import { referencesOf, valuesAt } from './references';
import type { Kind } from './schema';
import type { SeedError } from './seed-error';
import { closest } from './suggest';

/** A written record (valid or not): the checks below read it defensively, so one run reports everything. */
interface Entry {
  kind: Kind;
  index: number;
  file: SeedFile;
  label: string;
  item: Record<string, unknown>;
}

interface Owner {
  kind: Kind;
  label: string;
  where: string;
}

/** Where each kind writes dates; all are checked for days that do not exist. */
const DATE_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  sources: ['published'],
  series: [],
  editions: ['dates.*.start', 'dates.*.end'],
  people: [],
  organizations: [],
  statistics: ['asOf'],
  forums: ['date'],
  reports: ['released'],
  works: [],
};

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function entriesOf(files: readonly SeedFile[]): Entry[] {
  return files.flatMap((file) =>
    file.items.flatMap((item, index) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? [
            {
              kind: file.kind,
              index,
              file,
              label: recordLabel(file.kind, index, item),
              item: item as Record<string, unknown>,
            },
          ]
        : [],
    ),
  );
}

function objectsAt(
  item: unknown,
  pattern: string,
): { path: readonly (string | number)[]; value: Record<string, unknown> }[] {
  return valuesAt(item, pattern).flatMap((f) =>
    f.value && typeof f.value === 'object'
      ? [{ path: f.path, value: f.value as Record<string, unknown> }]
      : [],
  );
}

export function checkRecords(files: readonly SeedFile[], unreadable: ReadonlySet<Kind>): SeedError[] {
  const errors: SeedError[] = [];
  const entries = entriesOf(files);
  const fail = (at: Entry, path: readonly (string | number)[], message: string) =>
    errors.push({
      file: at.file.file,
      line: at.file.lineOf([at.index, ...path]),
      path: dotted(at.label, path),
      message,
    });

  // Ids, from every written record (also those that failed their schema, so one typo does not cascade).
  const ids = new Map<string, Owner>();
  for (const at of entries) {
    const id = at.item.id;
    if (typeof id !== 'string') continue;
    const first = ids.get(id);
    if (!first)
      ids.set(id, {
        kind: at.kind,
        label: at.label,
        where: `${at.file.file}:${at.file.lineOf([at.index, 'id'])}`,
      });
    else fail(at, ['id'], `duplicate id \`${id}\`: already used by ${first.label} (${first.where})`);
  }

  // Names and aliases: each normal form finds one record.
  const nameOwner = new Map<string, Owner & { id: string }>();
  for (const at of entries)
    for (const { path, name } of namesOf(at.item)) {
      const key = normaliseName(name);
      const first = nameOwner.get(key);
      if (!first) {
        nameOwner.set(key, {
          kind: at.kind,
          id: String(at.item.id),
          label: at.label,
          where: `${at.file.file}:${at.file.lineOf([at.index, ...path])}`,
        });
      } else if (first.label !== at.label || first.kind !== at.kind) {
        fail(
          at,
          path,
          `name \`${name}\` is also claimed by ${first.label} (${first.where}); a name finds one record`,
        );
      }
    }

  // References: the id exists and is of a kind the field allows.
  for (const at of entries)
    for (const ref of referencesOf(at.kind, at.item)) {
      const target = ids.get(ref.id);
      if (target && ref.kinds.includes(target.kind)) continue;
      if (ref.kinds.some((k) => unreadable.has(k))) continue;
      const wanted = nounList(ref.kinds);
      if (target) {
        fail(at, ref.path, `\`${ref.id}\` is ${article(NOUN[target.kind])}, not ${article(wanted)}`);
        continue;
      }
      const candidates = [...ids].filter(([, o]) => ref.kinds.includes(o.kind)).map(([id]) => id);
      const byName = nameOwner.get(normaliseName(ref.id.replace(/-/g, ' ')));
      const near =
        closest(ref.id, candidates) ?? (byName && ref.kinds.includes(byName.kind) ? byName.id : undefined);
      fail(at, ref.path, `unknown ${wanted} \`${ref.id}\`${near ? `; did you mean \`${near}\`?` : ''}`);
    }

  // Dates: each day exists; a span does not end before it starts.
  for (const at of entries)
    for (const pattern of DATE_FIELDS[at.kind])
      for (const { path, value } of valuesAt(at.item, pattern)) {
        const why = typeof value === 'string' && PARTIAL_DATE.test(value) ? impossibleDate(value) : undefined;
        if (why) fail(at, path, `impossible date ${value}: ${why}`);
      }
  for (const at of entries.filter((e) => e.kind === 'editions')) {
    const claims = objectsAt(at.item, 'dates.*');
    for (const { path, value: claim } of claims) {
      const { start, end } = claim;
      if (typeof start === 'string' && typeof end === 'string' && endsBeforeStart(start, end))
        fail(at, [...path, 'end'], `ends (${end}) before it starts (${start})`);
    }
    const shown = claims.flatMap((c, i) => (c.value.shown === true ? [i] : []));
    if (claims.length > 1 && shown.length === 0)
      fail(
        at,
        ['dates'],
        `${claims.length} date claims and none has \`shown: true\`: mark the one the bot shows`,
      );
    for (const i of shown.slice(1))
      fail(at, ['dates', i, 'shown'], `only one date claim can be shown, and dates[${shown[0]}] already is`);
    // A name "as the source gives it" is for a body the edition lists.
    const listed = new Set(
      ['hosts.*', 'organisers.*', 'guidedBy.*'].flatMap((p) => valuesAt(at.item, p).map((v) => v.value)),
    );
    for (const { path, value: named } of objectsAt(at.item, 'namedAs.*'))
      if (typeof named.organisation === 'string' && !listed.has(named.organisation))
        fail(
          at,
          [...path, 'organisation'],
          `\`${named.organisation}\` is not among this edition's hosts, organisers or guiding bodies`,
        );
  }

  // An inference or background claim says what it rests on.
  for (const at of entries)
    for (const { path, value } of claimsWithBasis(at.item))
      if ((value.basis === 'inference' || value.basis === 'background') && !nonEmpty(value.note))
        fail(
          at,
          [...path, 'basis'],
          `\`basis: ${value.basis}\` needs a \`note\` saying what the ${value.basis === 'inference' ? 'inference rests on' : 'background knowledge is'}`,
        );

  // `basisOf` marks fields the record has: a mark on a missing field would explain nothing a reply shows.
  for (const at of entries) {
    const marks = at.item.basisOf;
    if (!marks || typeof marks !== 'object') continue;
    for (const field of Object.keys(marks)) {
      const has = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
      // A list may be the locale's own (`i18n.zh-CN.aliases`) where the English has none.
      const texts = Object.values(
        (at.item.i18n ?? {}) as Record<string, Record<string, unknown> | undefined>,
      );
      if (!has(at.item[field]) && !texts.some((t) => has(t?.[field])))
        fail(at, ['basisOf', field], `\`basisOf.${field}\` marks a \`${field}\` this record does not have`);
    }
  }

  // An appearance at a forum is at that forum's edition.
  const forumEdition = new Map(
    entries.filter((e) => e.kind === 'forums').map((f) => [f.item.id, f.item.edition]),
  );
  for (const at of entries.filter((e) => e.kind === 'people'))
    for (const { path, value: a } of objectsAt(at.item, 'appearances.*')) {
      const edition = forumEdition.get(a.forum);
      if (typeof edition === 'string' && edition !== a.edition)
        fail(at, [...path, 'forum'], `forum \`${a.forum}\` belongs to \`${edition}\`, not \`${a.edition}\``);
    }

  return errors;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Every object at any depth of a record that has a `basis`, with its path. */
function claimsWithBasis(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => claimsWithBasis(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = 'basis' in object ? [{ path, value: object }] : [];
  return [
    ...own,
    ...Object.entries(object).flatMap(([k, v]) => (k === 'i18n' ? [] : claimsWithBasis(v, [...path, k]))),
  ];
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
