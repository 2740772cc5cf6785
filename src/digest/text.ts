// The sentences only the digest feature shows: the `digest` part of each locale's catalogue (src/locale/).
import { type Catalogue, messages } from '../locale/catalogue';
import type { Locale } from '../locale/locales';

export type DigestText = Catalogue['digest'];

export function digestText(locale: Locale): DigestText {
  return messages(locale).digest;
}
