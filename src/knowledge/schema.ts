// The seed schemas: what people write in seeds/*.yaml. Every TypeScript type of a record comes from here.
import { z } from 'zod';
import { TRANSLATED_LOCALES, type TranslatedLocale } from '../locale/locales';

/** A stable, kebab-case record id: `11th-ciac`, `liu-zhen`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/**
 * A date as precise as the source allows: `2024`, `2024-03` or `2024-03-28`.
 * The compiler checks that the day exists (no 2023-02-30).
 */
const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD');

/** The source documents a fact comes from (ids of `sources` records). */
const Cites = z.array(Id).min(1, 'every fact needs at least one source');

/** How a figure was stated: "more than 300", "nearly 10,000". */
export const Qualifier = z.enum(['exactly', 'more-than', 'nearly', 'about', 'at-least', 'up-to']);

/** Names by which a record can be found: spelling and transliteration variants, machine translations, Chinese names. */
const Aliases = z.array(z.string().min(1)).default([]);

const Text = z.string().min(1);

/**
 * `i18n: { zh-CN: { summary: …, note: … } }`: the texts of an object's fields in other locales, our own
 * words like the English. A locale or field left out reads in English (src/locale/local-text.ts); zh-TW
 * is converted from zh-CN when the index is compiled, and a zh-TW text written here wins over that.
 */
function i18n<S extends z.ZodRawShape>(fields: S) {
  const texts = z.object(fields).partial();
  const locales = Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, texts.optional()])) as {
    [L in TranslatedLocale]: z.ZodOptional<typeof texts>;
  };
  return z.object(locales).optional();
}

/** Aliases as a card in a locale lists them (the search finds a record by every one). */
const LocalAliases = z.array(Text);

/**
 * What a claim rests on: the source text (the default, when `basis` is left out), an inference from the
 * sources, or background knowledge. An inference or background claim needs a `note` giving the reasoning
 * or the knowledge (the compiler refuses it without one), and replies mark it ("inferred", "not from the
 * sources") with that note.
 */
export const Basis = z.enum(['source', 'inference', 'background']);

/** What one field of a record rests on, when that is not the source text (see `basisOf`). */
const FieldBasis = z.object({ basis: Basis, note: Text.optional(), i18n: i18n({ note: Text }) });

/**
 * `basisOf: { summary: { basis: background, note: … } }`: the fields of a record that rest on our inference or
 * on background knowledge, each with its note. A field left out rests on the source text; the card marks each
 * one listed, as it marks a date claim or a role.
 */
function basisOf<const F extends string>(...fields: F[]) {
  const shape = Object.fromEntries(fields.map((f) => [f, FieldBasis.optional()])) as {
    [K in F]: z.ZodOptional<typeof FieldBasis>;
  };
  return z.object(shape).optional();
}

/** A fact in a sentence of our own, with its sources, and (with a note) what it rests on when not their text. */
export const Note = z.object({
  text: Text,
  basis: Basis.optional(),
  note: Text.optional(),
  i18n: i18n({ text: Text, note: Text }),
  sources: Cites,
});

export const SourceSchema = z.object({
  id: Id,
  /** The document's file name in the collection (000_….txt). */
  file: z
    .string()
    .regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be the document file name, like 000_ff2a6dcaf15f3bfc.txt'),
  outlet: z.string().min(1),
  /** Where the text was found when it is a re-post on another site. */
  repostedBy: z.string().optional(),
  title: z.string().min(1),
  published: PartialDate.optional(),
  /** Why the date is uncertain or how it was worked out. */
  dateNote: z.string().optional(),
  language: z.enum(['en', 'zh', 'en+zh']),
  machineTranslated: z.boolean().default(false),
  author: z.string().optional(),
  summary: z.string().min(1),
  i18n: i18n({ dateNote: Text, summary: Text }),
  basisOf: basisOf('published', 'summary'),
});

export const SeriesSchema = z.object({
  id: Id,
  name: z.string().min(1),
  /** Short label: CIAC, CSVC. */
  short: z.string().optional(),
  aliases: Aliases,
  /** "edition" (ordinal: 9th) or "season" (season 2). */
  unit: z.enum(['edition', 'season']),
  summary: z.string().min(1),
  i18n: i18n({ name: Text, summary: Text, aliases: LocalAliases }),
  basisOf: basisOf('summary', 'aliases'),
  sources: Cites,
});

/** One claim about when something happened; an edition may carry several that disagree. */
export const DateClaim = z.object({
  start: PartialDate,
  end: PartialDate.optional(),
  sources: Cites,
  /** Exactly one claim of a list is shown; the others are reported as "sources differ". */
  shown: z.boolean().default(false),
  basis: Basis.optional(),
  note: z.string().optional(),
  i18n: i18n({ note: Text }),
});

export const Figure = z.object({
  measure: z.enum(['guests', 'attendees', 'events', 'organisations', 'forums']),
  value: z.number().nonnegative(),
  qualifier: Qualifier.default('exactly'),
  /** What exactly was counted, in our words ("speakers and guests who shared views"). */
  label: z.string().optional(),
  sources: Cites,
});

export const EditionSchema = z.object({
  id: Id,
  series: Id,
  /** The 9th edition → 9; absent for seasons. */
  ordinal: z.number().int().positive().optional(),
  season: z.number().int().positive().optional(),
  year: z.number().int().min(1990).max(2100),
  dates: z.array(DateClaim).min(1),
  city: z.string().optional(),
  province: z.string().optional(),
  theme: z.string().optional(),
  aliases: Aliases,
  hosts: z.array(Id).default([]),
  organisers: z.array(Id).default([]),
  guidedBy: z.array(Id).default([]),
  /**
   * The name this edition's source gives one of its hosts, organisers or guiding bodies, where that is not
   * the body's own name (the 9th's "Central Network Information Office", 中央网信办): the card shows it.
   */
  namedAs: z
    .array(
      z.object({
        organisation: Id,
        name: Text,
        basis: Basis.optional(),
        note: Text.optional(),
        i18n: i18n({ name: Text, note: Text }),
        sources: Cites,
      }),
    )
    .optional(),
  figures: z.array(Figure).default([]),
  firsts: z.array(Note).default([]),
  highlights: z.array(Note).default([]),
  summary: z.string().min(1),
  i18n: i18n({ city: Text, theme: Text, summary: Text }),
  basisOf: basisOf('summary'),
  sources: Cites,
});

const RoleSchema = z.object({
  title: z.string().min(1),
  organisation: Id.optional(),
  /** The edition at which the person held this role, when the source ties it to one. */
  edition: Id.optional(),
  basis: Basis.optional(),
  note: Text.optional(),
  i18n: i18n({ title: Text, note: Text }),
  sources: Cites,
});

const AppearanceSchema = z.object({
  edition: Id,
  forum: Id.optional(),
  as: z.enum(['speaker', 'guest', 'honouree', 'organiser', 'performer', 'interviewee']).default('speaker'),
  /** What they spoke about, in our own words. */
  summary: z.string().min(1),
  basis: Basis.optional(),
  note: Text.optional(),
  i18n: i18n({ summary: Text, note: Text }),
  sources: Cites,
});

export const PersonSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  roles: z.array(RoleSchema).min(1),
  appearances: z.array(AppearanceSchema).default([]),
  /** Reconstructed names, uncertain spellings. */
  note: z.string().optional(),
  i18n: i18n({ name: Text, note: Text, aliases: LocalAliases }),
  basisOf: basisOf('note', 'aliases'),
  sources: Cites,
});

export const OrganizationSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  kind: z.enum(['government', 'association', 'company', 'media', 'academic', 'initiative', 'other']),
  parent: Id.optional(),
  summary: z.string().min(1),
  note: z.string().optional(),
  i18n: i18n({ name: Text, summary: Text, note: Text, aliases: LocalAliases }),
  basisOf: basisOf('summary', 'note', 'kind', 'parent', 'aliases'),
  sources: Cites,
});

export const StatisticSchema = z.object({
  id: Id,
  /** What is measured, in words a user would type: "average daily short-video viewing time per user". */
  measure: z.string().min(1),
  /** Statistics measuring the same thing at different dates share a series key. */
  series: Id.optional(),
  value: z.number(),
  /** What the value counts; it may open with its scale (`million downloads`: the value is 300, not 300,000,000). */
  unit: z.string().min(1),
  qualifier: Qualifier.default('exactly'),
  asOf: PartialDate.optional(),
  asOfNote: z.string().optional(),
  scope: z.string().optional(),
  /** Who gave the figure; left out when the source does not say (the card then says so, rather than guess). */
  reportedBy: z
    .object({ report: Id.optional(), person: Id.optional(), organisation: Id.optional() })
    .refine((r) => r.report ?? r.person ?? r.organisation, 'name a report, a person or an organisation')
    .optional(),
  edition: Id.optional(),
  aliases: Aliases,
  summary: z.string().optional(),
  /**
   * A translated `unit` names what is counted without a scale (`次下载`, `人`, `美元`): a reply with one
   * restates the value in its own words for large numbers (万 and 亿), so a scale word of `unit` is applied
   * to the value first.
   */
  i18n: i18n({ measure: Text, unit: Text, asOfNote: Text, scope: Text, summary: Text }),
  basisOf: basisOf('summary', 'asOf', 'scope'),
  sources: Cites,
});

export const ForumSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  edition: Id,
  date: PartialDate.optional(),
  hosts: z.array(Id).default([]),
  organisers: z.array(Id).default([]),
  summary: z.string().min(1),
  i18n: i18n({ name: Text, summary: Text, aliases: LocalAliases }),
  basisOf: basisOf('summary', 'date', 'hosts', 'organisers', 'aliases'),
  sources: Cites,
});

export const ReportSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  /** The year in the report's title. */
  year: z.number().int().optional(),
  publisher: Id.optional(),
  released: PartialDate.optional(),
  edition: Id.optional(),
  summary: z.string().min(1),
  i18n: i18n({ name: Text, summary: Text, aliases: LocalAliases }),
  basisOf: basisOf('summary', 'released', 'edition'),
  sources: Cites,
});

export const WorkSchema = z.object({
  id: Id,
  title: z.string().min(1),
  aliases: Aliases,
  kind: z.enum(['documentary', 'drama', 'film', 'series', 'short-video', 'programme', 'exhibition', 'other']),
  edition: Id.optional(),
  by: z.array(Id).default([]),
  summary: z.string().min(1),
  i18n: i18n({ title: Text, summary: Text, aliases: LocalAliases }),
  basisOf: basisOf('summary', 'kind', 'by', 'aliases'),
  sources: Cites,
});

/** The seed files, one per kind: seeds/<kind>.yaml holds a YAML list of records. */
export const SeedSchemas = {
  sources: SourceSchema,
  series: SeriesSchema,
  editions: EditionSchema,
  people: PersonSchema,
  organizations: OrganizationSchema,
  statistics: StatisticSchema,
  forums: ForumSchema,
  reports: ReportSchema,
  works: WorkSchema,
} as const;

export type Kind = keyof typeof SeedSchemas;
export const KINDS = Object.keys(SeedSchemas) as Kind[];

export type BasisT = z.infer<typeof Basis>;
export type FieldBasisT = z.infer<typeof FieldBasis>;
export type Source = z.infer<typeof SourceSchema>;
export type Series = z.infer<typeof SeriesSchema>;
export type Edition = z.infer<typeof EditionSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Statistic = z.infer<typeof StatisticSchema>;
export type Forum = z.infer<typeof ForumSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Work = z.infer<typeof WorkSchema>;
export type DateClaimT = z.infer<typeof DateClaim>;
export type FigureT = z.infer<typeof Figure>;
export type NoteT = z.infer<typeof Note>;

export interface RecordOf {
  sources: Source;
  series: Series;
  editions: Edition;
  people: Person;
  organizations: Organization;
  statistics: Statistic;
  forums: Forum;
  reports: Report;
  works: Work;
}
