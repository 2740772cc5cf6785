// The locales Shiting replies in. Discord sends many; everything that is not Chinese falls back to English.
export const LOCALES = ['en-US', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Map a Discord locale (`zh-CN`, `zh-TW`, `en-GB`, …) to one we have text for. */
export function toLocale(discordLocale: string | undefined): Locale {
  return discordLocale?.startsWith('zh') ? 'zh-CN' : 'en-US';
}
