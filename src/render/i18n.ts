// The renderers' wording comes from the locale catalogues (src/locale/); this path stays for their imports.
export { type Catalogue as Messages, messages } from '../locale/catalogue';
export { chineseNumber, englishOrdinal } from '../locale/numbers';
