// The message catalogue of each locale. en-US is the reference: every catalogue `satisfies Catalogue`,
// so a key missing from (or added to) one fails the typecheck.
import { enUS } from './catalogues/en-US';
import { zhCN } from './catalogues/zh-CN';
import { zhTW } from './catalogues/zh-TW';
import type { Locale } from './locales';

/** en-US's shape: strings as strings, functions as their signatures (it is written without `as const`). */
export type Catalogue = typeof enUS;

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { 'en-US': enUS, 'zh-CN': zhCN, 'zh-TW': zhTW };

export function messages(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}
