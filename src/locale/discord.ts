// Command definitions' localisations, read from the catalogues: Discord shows each user the name and
// description in their client's language.
import type { LocalizationMap } from 'discord-api-types/v10';
import { type Catalogue, messages } from './catalogue';
import { BASE_LOCALE, TRANSLATED_LOCALES } from './locales';

/** One text in every locale but English (Discord's locale ids are ours). */
export function localized(pick: (t: Catalogue) => string): LocalizationMap {
  return Object.fromEntries(TRANSLATED_LOCALES.map((locale) => [locale, pick(messages(locale))]));
}

/** A command's or option's localised names and its description in every locale, from one catalogue entry. */
export function described(pick: (t: Catalogue) => { name: string; description: string }): {
  name_localizations: LocalizationMap;
  description: string;
  description_localizations: LocalizationMap;
} {
  return {
    name_localizations: localized((t) => pick(t).name),
    description: pick(messages(BASE_LOCALE)).description,
    description_localizations: localized((t) => pick(t).description),
  };
}

/** A description in English and its localisations. */
export function description(pick: (t: Catalogue) => string): {
  description: string;
  description_localizations: LocalizationMap;
} {
  return { description: pick(messages(BASE_LOCALE)), description_localizations: localized(pick) };
}
