// `npm run locales`: writes the catalogue of each derived locale (zh-TW) from its source locale's file.
import { readFileSync, writeFileSync } from 'node:fs';
import { converterFor } from '../src/locale/convert';
import { derivedCatalogue } from '../src/locale/derive-catalogue';
import { TRANSLATED_LOCALES } from '../src/locale/locales';

const dir = new URL('../src/locale/catalogues/', import.meta.url);
for (const locale of TRANSLATED_LOCALES) {
  const derived = converterFor(locale);
  if (!derived) continue;
  const source = readFileSync(new URL(`${derived.from}.ts`, dir), 'utf8');
  writeFileSync(
    new URL(`${locale}.ts`, dir),
    derivedCatalogue(locale, derived.from, source, derived.convert),
  );
  console.log(`src/locale/catalogues/${locale}.ts ← ${derived.from}.ts`);
}
