// The locales Shiting replies in, and which one a Discord locale gets. Adding a language starts here.
export const LOCALES = ['en-US', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/** The seeds' own language: every text is written in it, and every other locale falls back to it. */
export const BASE_LOCALE = 'en-US' as const satisfies Locale;
export type TranslatedLocale = Exclude<Locale, typeof BASE_LOCALE>;
export const TRANSLATED_LOCALES = LOCALES.filter((l): l is TranslatedLocale => l !== BASE_LOCALE);

interface LocaleInfo {
  /** Other Discord locales and language tags (and tags under them) that read this one. */
  readonly serves: readonly string[];
  /** The locale of the second name a card shows beside its title (the English name on a Chinese card). */
  readonly partner: Locale;
}

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  'en-US': { serves: ['en'], partner: 'zh-CN' },
  'zh-CN': { serves: ['zh'], partner: 'en-US' },
  // Traditional Chinese: Taiwan, Hong Kong and Macau, and any tag that asks for the Traditional script.
  'zh-TW': { serves: ['zh-HK', 'zh-MO', 'zh-Hant'], partner: 'en-US' },
};

/** Lower-cased tags, longest first, so that `zh-HK` is matched before `zh`. */
const SERVED = Object.entries(LOCALE_INFO)
  .flatMap(([locale, info]) =>
    [locale, ...info.serves].map((tag) => [tag.toLowerCase(), locale as Locale] as const),
  )
  .sort(([a], [b]) => b.length - a.length);

/** Map a Discord locale (`zh-CN`, `zh-TW`, `en-GB`, …) to one we have text for; English for the rest. */
export function toLocale(discordLocale: string | undefined): Locale {
  const tag = discordLocale?.toLowerCase() ?? '';
  const hit = SERVED.find(([served]) => tag === served || tag.startsWith(`${served}-`));
  return hit ? hit[1] : BASE_LOCALE;
}

/** The locale of the second name a card shows beside its title. */
export function partnerLocale(locale: Locale): Locale {
  return LOCALE_INFO[locale].partner;
}
