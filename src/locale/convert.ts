// Locales made from another locale's text by a converter: zh-TW from zh-CN through OpenCC (Simplified →
// Traditional, Taiwan phrasing). Used when the index is compiled and by `npm run locales`, never per reply.
import * as OpenCC from 'opencc-js/cn2t';
import type { Locale, TranslatedLocale } from './locales';

export type Convert = (text: string) => string;

/**
 * Where OpenCC's Taiwan phrasing reads wrong for this subject, applied after it. Proper names keep the
 * words their owners use (the conference is 短視頻大會 in Traditional too, not 短影片大會); OpenCC takes
 * some words for computing terms: 釋出 (a software release) for 發布 (to announce), 型別 (a data type) for
 * 類型 (a kind), 許可權 for 權限 (Discord's own word for a permission), 併發 (concurrent) in 並發布
 * ("and announced").
 */
const ZH_TW_FIXES: readonly (readonly [string, string])[] = [
  ['短影片大會', '短視頻大會'],
  ['釋出', '發布'],
  ['型別', '類型'],
  ['許可權', '權限'],
  ['併發布', '並發布'],
];

interface Derivation {
  /** The locale whose text is converted. */
  readonly from: Locale;
  readonly build: () => Convert;
}

const DERIVED: Readonly<Partial<Record<TranslatedLocale, Derivation>>> = {
  'zh-TW': {
    from: 'zh-CN',
    build: () => {
      const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' });
      // The same text recurs across records (a role, a title, a name quoted in summaries): convert each once.
      const done = new Map<string, string>();
      return (text) => {
        let out = done.get(text);
        if (out === undefined) {
          out = ZH_TW_FIXES.reduce((acc, [wrong, right]) => acc.replaceAll(wrong, right), opencc(text));
          done.set(text, out);
        }
        return out;
      };
    },
  },
};

// Building OpenCC's dictionaries takes ~250 ms and holds tens of MB: share one while anything uses it, but
// hold it weakly so that a bot which compiled its index at start does not keep it.
const built = new Map<TranslatedLocale, WeakRef<Convert>>();

/** The converter that makes `locale`'s text, or undefined when the locale is translated by hand. */
export function converterFor(locale: TranslatedLocale): { from: Locale; convert: Convert } | undefined {
  const derivation = DERIVED[locale];
  if (!derivation) return undefined;
  let convert = built.get(locale)?.deref();
  if (!convert) {
    convert = derivation.build();
    built.set(locale, new WeakRef(convert));
  }
  return { from: derivation.from, convert };
}
