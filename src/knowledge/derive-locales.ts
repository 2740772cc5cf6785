// Fills in the text of derived locales (zh-TW) when the index is compiled: each `i18n` gets the converted
// text of its source locale (zh-CN, else the English), unless the seed wrote that locale's text itself.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { type Convert, converterFor } from '../locale/convert';
import { type Locale, TRANSLATED_LOCALES, type TranslatedLocale } from '../locale/locales';
import type { Records } from './records';
import { KINDS, SeedSchemas } from './schema';

interface Derivation {
  locale: TranslatedLocale;
  from: Locale;
  convert: Convert;
}

type Texts = Record<string, unknown>;
type Plain = Record<string, unknown>;

const HAN = /\p{Script=Han}/u;

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
    inner = inner.def.innerType as z.ZodType;
  return inner;
}

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const fieldCache = new WeakMap<z.ZodType, string[]>();

/** The fields an `i18n` schema translates (the same for every locale). */
function translatedFields(i18n: z.ZodType): string[] {
  let fields = fieldCache.get(i18n);
  if (!fields) {
    const locales = unwrap(i18n);
    const first = locales instanceof z.ZodObject ? Object.values(locales.shape)[0] : undefined;
    const texts = first ? unwrap(first as z.ZodType) : undefined;
    fields = texts instanceof z.ZodObject ? Object.keys(texts.shape) : [];
    fieldCache.set(i18n, fields);
  }
  return fields;
}

/** A text or list converted; the same value when it has no Chinese to convert. */
function converted(value: unknown, convert: Convert): unknown {
  if (typeof value === 'string') return HAN.test(value) ? convert(value) : value;
  if (Array.isArray(value)) return [...new Set(value.map((v) => converted(v, convert)))];
  return value;
}

function deriveTexts(item: Plain, fields: readonly string[], derivations: readonly Derivation[]): unknown {
  const i18n: Record<string, Texts> = { ...(item.i18n as Record<string, Texts> | undefined) };
  for (const { locale, from, convert } of derivations) {
    const written = i18n[locale] ?? {};
    const texts: Texts = { ...written };
    for (const field of fields) {
      if (written[field] !== undefined) continue;
      const source = i18n[from]?.[field] ?? item[field];
      const text = converted(source, convert);
      // Only what differs from the English is stored: the English is what a missing text reads as.
      if (text !== undefined && !isDeepStrictEqual(text, item[field])) texts[field] = text;
    }
    if (Object.keys(texts).length > 0) i18n[locale] = texts;
  }
  return Object.keys(i18n).length > 0 ? i18n : undefined;
}

function derive(schema: z.ZodType, value: unknown, derivations: readonly Derivation[]): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray && Array.isArray(value))
    return value.map((v) => derive(inner.element as z.ZodType, v, derivations));
  if (!(inner instanceof z.ZodObject) || !isPlain(value)) return value;
  const shape = inner.shape as Record<string, z.ZodType>;
  const out: Plain = {};
  for (const [key, v] of Object.entries(value)) {
    const field = shape[key];
    out[key] = field && key !== 'i18n' ? derive(field, v, derivations) : v;
  }
  if (shape.i18n) {
    const i18n = deriveTexts(value, translatedFields(shape.i18n), derivations);
    if (i18n) out.i18n = i18n;
  }
  return out;
}

/** The records with every derived locale's texts filled in. */
export function deriveLocales(records: Records): Records {
  const derivations = TRANSLATED_LOCALES.flatMap((locale) => {
    const converter = converterFor(locale);
    return converter ? [{ locale, ...converter }] : [];
  });
  if (derivations.length === 0) return records;
  return Object.fromEntries(
    KINDS.map((kind) => [kind, records[kind].map((r) => derive(SeedSchemas[kind], r, derivations))]),
  ) as Records;
}
