// Data text in the reply's locale. A record (or a part of one) writes its fields in English and may carry
// `i18n: { <locale>: { <field>: text } }`; every reader goes through here, so a missing text reads in English.
import { BASE_LOCALE, LOCALE_INFO, type Locale, type TranslatedLocale } from './locales';

/** What a record's `i18n` holds: for some locales, texts of some of its fields. */
type Translations = { readonly [L in TranslatedLocale]?: object };

type TextsOf<T> = T extends { i18n?: infer I } ? NonNullable<NonNullable<I>[keyof NonNullable<I>]> : never;

/** The fields of `T` that have a translation of type string. */
export type TextField<T> = {
  [K in keyof TextsOf<T> & keyof T]: TextsOf<T>[K] extends string | undefined ? K : never;
}[keyof TextsOf<T> & keyof T];

function translation(item: { i18n?: Translations }, locale: Locale, field: PropertyKey): unknown {
  if (locale === BASE_LOCALE) return undefined;
  const texts = item.i18n?.[locale] as Readonly<Record<PropertyKey, unknown>> | undefined;
  return texts?.[field];
}

/**
 * The field in the locale: its translation when the record has one (an empty text counts as none), else
 * the English. Every renderer shows data text through this.
 */
export function localText<T extends { i18n?: Translations }, K extends TextField<T>>(
  ctx: { locale: Locale },
  item: T,
  field: K,
): T[K] {
  const text = translation(item, ctx.locale, field);
  return typeof text === 'string' && text ? (text as T[K]) : item[field];
}

/** Only the locale's own translation of a field, without falling back (a Chinese unit is not the English one). */
export function ownText<T extends { i18n?: Translations }, K extends TextField<T>>(
  ctx: { locale: Locale },
  item: T,
  field: K,
): string | undefined {
  const text = translation(item, ctx.locale, field);
  return typeof text === 'string' && text ? text : undefined;
}

/** The field in the locale a card shows beside the reply's (its English name on a Chinese card). */
export function partnerText<T extends { i18n?: Translations }, K extends TextField<T>>(
  ctx: { locale: Locale },
  item: T,
  field: K,
): T[K] {
  return localText({ locale: LOCALE_INFO[ctx.locale].partner }, item, field);
}

/** The field in every locale that has it, English first: what a search can find the record by. */
export function allTexts<T extends { i18n?: Translations }, K extends TextField<T>>(
  item: T,
  field: K,
): T[K][] {
  const texts = Object.values(item.i18n ?? {}).map((t) => (t as Record<PropertyKey, unknown>)[field]);
  return [item[field], ...texts.filter((t): t is T[K] => typeof t === 'string' && t !== '')];
}

function ownAliases(item: { i18n?: Translations }, locale: Locale): readonly string[] {
  const list = translation(item, locale, 'aliases');
  return Array.isArray(list) ? (list as string[]) : [];
}

/**
 * The aliases a card lists: the locale's own list when it has one (converted script), else those written and
 * the partner locale's own (the Chinese names a record is known by, on its English card, as its subtitle gives
 * its Chinese name), so that a card shows every name it was found by.
 */
export function localAliases(
  ctx: { locale: Locale },
  item: { aliases: readonly string[]; i18n?: Translations },
): readonly string[] {
  const own = ownAliases(item, ctx.locale);
  if (own.length > 0) return own;
  const partner = ownAliases(item, LOCALE_INFO[ctx.locale].partner);
  return partner.length > 0 ? [...new Set([...item.aliases, ...partner])] : item.aliases;
}

/** Every alias of the record, written and every locale's own: what a search can find the record by. */
export function allAliases(item: { aliases: readonly string[]; i18n?: Translations }): string[] {
  const local = Object.values(item.i18n ?? {}).flatMap((t) => {
    const list = (t as Record<PropertyKey, unknown>).aliases;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string' && a !== '') : [];
  });
  return [...new Set([...item.aliases, ...local])];
}
