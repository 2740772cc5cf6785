// Locale-aware wording of the pieces every renderer shares: names, dates, numbers, sources.
import type { AnyRecord, KnowledgeBase } from '../knowledge/knowledge-base';
import type { BasisT, FieldBasisT, Kind, RecordOf, Statistic } from '../knowledge/schema';
import type { Locale } from '../locale';
import { localText, ownText, partnerText } from '../locale/local-text';
import { type Messages, messages } from './i18n';

/** What a renderer needs besides the record: the knowledge base for cross-references and the locale. */
export interface RenderContext {
  kb: KnowledgeBase;
  locale: Locale;
  t: Messages;
}

export function renderContext(kb: KnowledgeBase, locale: Locale): RenderContext {
  return { kb, locale, t: messages(locale) };
}

// Data text goes through one helper, shared with the other layers; renderers import it from here.
export { localAliases, localText, ownText, partnerText } from '../locale/local-text';

/** A record's name in the locale: Chinese names where the data has them. */
export function nameOf(ctx: RenderContext, item: AnyRecord): string {
  switch (item.kind) {
    case 'editions':
      return editionName(ctx, item.record);
    case 'statistics':
      return measureOf(ctx, item.record);
    case 'works':
      return localText(ctx, item.record, 'title');
    case 'sources':
      return `${item.record.outlet}: ${item.record.title}`;
    default:
      return localText(ctx, item.record, 'name');
  }
}

/** The name in the partner locale (English on a Chinese card, Chinese on an English one), when it differs. */
export function otherName(ctx: RenderContext, item: AnyRecord): string | undefined {
  if (item.kind === 'sources' || item.kind === 'editions' || item.kind === 'statistics') return undefined;
  const [mine, other] =
    item.kind === 'works'
      ? [localText(ctx, item.record, 'title'), partnerText(ctx, item.record, 'title')]
      : [localText(ctx, item.record, 'name'), partnerText(ctx, item.record, 'name')];
  return mine === other ? undefined : other;
}

export function editionName(ctx: RenderContext, edition: RecordOf['editions']): string {
  const series = ctx.kb.get('series', edition.series);
  const seriesName = series ? localText(ctx, series, 'name') : edition.series;
  if (edition.ordinal !== undefined) return ctx.t.edition.title(edition.ordinal, seriesName);
  if (edition.season !== undefined) return ctx.t.edition.season(edition.season, seriesName);
  return `${seriesName} ${edition.year}`;
}

/** The display name of a referenced record by id; the id itself when the record is missing. */
export function nameById(ctx: RenderContext, id: string): string {
  const item = ctx.kb.find(id);
  return item ? nameOf(ctx, item) : id;
}

/**
 * A record as one line of a list, with what tells it apart from its neighbours:
 * an edition's year, a statistic's value and date.
 */
export function listName(ctx: RenderContext, item: AnyRecord): string {
  if (item.kind === 'editions') return ctx.t.aside(nameOf(ctx, item), String(item.record.year));
  if (item.kind === 'statistics') {
    const s = item.record;
    const line = `${measureOf(ctx, s)}: ${formatStatistic(ctx, s)}`;
    return s.asOf ? ctx.t.aside(line, formatDate(ctx, s.asOf)) : line;
  }
  return nameOf(ctx, item);
}

/** List lines for referenced records (see `listName`). */
export function namesOf(ctx: RenderContext, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const item = ctx.kb.find(id);
    return item ? listName(ctx, item) : id;
  });
}

export function kindName(ctx: RenderContext, kind: Kind, plural = false): string {
  return ctx.t.kinds[kind][plural ? 1 : 0];
}

// Intl formatters are costly to build and a card may format hundreds of dates and numbers: build each once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: Locale, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${compact}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      notation: compact ? 'compact' : 'standard',
      compactDisplay: 'long',
      maximumFractionDigits: 2,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function utcDate(year: number, month = 1, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function parts(partial: string): { year: number; month?: number; day?: number } {
  const [y, m, d] = partial.split('-').map(Number);
  return { year: y ?? 0, month: m, day: d };
}

/** `2024`, `2024-03`, `2024-03-28` in words of the locale. */
export function formatDate(ctx: RenderContext, partial: string): string {
  const { year, month, day } = parts(partial);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric' };
  if (month) options.month = 'long';
  if (month && day) options.day = 'numeric';
  return dateFormat(ctx.locale, options).format(utcDate(year, month, day));
}

/** A span of days (`March 28 – 29, 2024`), or one date when there is no end or both are equally precise. */
export function formatRange(ctx: RenderContext, start: string, endDate?: string): string {
  if (!endDate || endDate === start) return formatDate(ctx, start);
  const a = parts(start);
  const b = parts(endDate);
  const days = a.day && b.day && a.month && b.month;
  if (days) {
    const end = { full: formatDate(ctx, endDate), month: b.month!, day: b.day!, sameYear: a.year === b.year };
    const own = ctx.t.format.dayRange(formatDate(ctx, start), {
      ...end,
      sameMonth: end.sameYear && a.month === b.month,
    });
    if (own) return own;
    const format = dateFormat(ctx.locale, { year: 'numeric', month: 'long', day: 'numeric' });
    return format.formatRange(utcDate(a.year, a.month, a.day), utcDate(b.year, b.month, b.day));
  }
  return `${formatDate(ctx, start)}${ctx.t.format.rangeJoin}${formatDate(ctx, endDate)}`;
}

/** A month-day (`03-28`) in words: March 28 / 3月28日. */
export function formatMonthDay(ctx: RenderContext, monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  return dateFormat(ctx.locale, { month: 'long', day: 'numeric' }).format(utcDate(2000, m, d));
}

/** Numbers as people say them: 151, 5,000, 270 million / 2.7亿, 12,000 / 1.2万 (Chinese counts in 万 and 亿). */
export function formatNumber(ctx: RenderContext, value: number): string {
  return numberFormat(ctx.locale, Math.abs(value) >= ctx.t.format.compactFrom).format(value);
}

export function formatQuantity(
  ctx: RenderContext,
  value: number,
  qualifier: keyof Messages['qualifiers'],
  unit?: string,
): string {
  const number = ctx.t.qualifiers[qualifier] + formatNumber(ctx, value);
  if (!unit) return number;
  if (unit === '%' || unit === 'percent') return `${number}%`;
  return ctx.t.format.quantity(number, unit);
}

/** The scale words a statistic's `unit` may open with (`million downloads`), as multipliers of its value. */
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * A statistic's value in the reply's language: "more than 300 million downloads" / "超过3亿次下载".
 * Chinese counts in 万 and 亿, not millions, so zh-CN applies the English unit's scale word to the value
 * and names what is counted with its translated `unit`; without one it falls back to the English unit.
 */
export function formatStatistic(
  ctx: RenderContext,
  s: Pick<Statistic, 'value' | 'qualifier' | 'unit' | 'i18n'>,
): string {
  const unit = ownText(ctx, s, 'unit');
  if (unit) return formatQuantity(ctx, statisticAmount(s), s.qualifier, unit);
  return formatQuantity(ctx, s.value, s.qualifier, s.unit);
}

/** The value with the unit's scale word applied: 300 `million downloads` → 300,000,000. */
export function statisticAmount(s: Pick<Statistic, 'value' | 'unit'>): number {
  const scale = SCALES[s.unit.split(' ', 1)[0]!.toLowerCase()];
  return scale ? s.value * scale : s.value;
}

/** What a statistic measures, in the reply's language where the data has it. */
export function measureOf(ctx: RenderContext, s: Pick<Statistic, 'measure' | 'i18n'>): string {
  return localText(ctx, s, 'measure');
}

/** "Cover News, 2024-03-28": a source as the footer names it. */
export function sourceLabel(ctx: RenderContext, id: string): string {
  const source = ctx.kb.get('sources', id);
  if (!source) return id;
  return source.published ? `${source.outlet}, ${formatDate(ctx, source.published)}` : source.outlet;
}

/** The distinct sources of a record and its parts, in order of first citation. */
export function collectSources(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

/**
 * `text` marked as our inference or background knowledge, with the note that explains it: "… (inferred: …)".
 * A claim on the source text (no `basis`, or `source`) is returned as it is.
 */
export function withBasis(
  ctx: RenderContext,
  text: string,
  basis: BasisT | undefined,
  note: string | undefined,
): string {
  if (basis === undefined || basis === 'source') return text;
  const mark = ctx.t.basis[basis];
  return ctx.t.aside(text, note ? ctx.t.basisNote(mark, note) : mark);
}

/** A record (or part) whose `basisOf` may mark fields F as our inference or background knowledge. */
type Marked<F extends string> = { basisOf?: { readonly [K in F]?: FieldBasisT } };

function fieldMark<F extends string>(
  ctx: RenderContext,
  record: Marked<F>,
  field: F,
): { basis: BasisT; note: string | undefined } | undefined {
  const mark: FieldBasisT | undefined = record.basisOf?.[field];
  return mark && { basis: mark.basis, note: mark.note && localText(ctx, mark, 'note') };
}

/** A record's field as a card shows it, marked as `withBasis` does when its `basisOf` lists the field. */
export function withFieldBasis<F extends string>(
  ctx: RenderContext,
  record: Marked<F>,
  field: F,
  text: string | undefined,
): string | undefined {
  const mark = text ? fieldMark(ctx, record, field) : undefined;
  return mark && text ? withBasis(ctx, text, mark.basis, mark.note) : text;
}

/**
 * The items of a list field, the last followed by the mark its `basisOf` gives the field on a line of its own,
 * so the mark reads as the list's whether the list is one item a line or joined ("A、B").
 */
export function itemsWithBasis<F extends string>(
  ctx: RenderContext,
  record: Marked<F>,
  field: F,
  items: readonly string[],
): readonly string[] {
  const mark = fieldMark(ctx, record, field);
  if (!mark || items.length === 0) return items;
  const last = `${items.at(-1)}\n${withBasis(ctx, '', mark.basis, mark.note).trim()}`;
  return [...items.slice(0, -1), last];
}
