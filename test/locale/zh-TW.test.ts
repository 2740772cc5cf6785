// Traditional Chinese is made from the Simplified through OpenCC: the catalogue file is current, every reply
// over the real index reads in Traditional characters, and a seed's own zh-TW text wins over the conversion.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { about } from '../../commands/about';
import { edition } from '../../commands/edition';
import { onthisday } from '../../commands/onthisday';
import { search } from '../../commands/search';
import { speaker } from '../../commands/speaker';
import { stat } from '../../commands/stat';
import { digestFor } from '../../src/digest/service';
import { deriveLocales } from '../../src/knowledge/derive-locales';
import { messages } from '../../src/locale/catalogue';
import { converterFor } from '../../src/locale/convert';
import { derivedCatalogue } from '../../src/locale/derive-catalogue';
import { localText } from '../../src/locale/local-text';
import { LOCALES, toLocale } from '../../src/locale/locales';
import { listName, renderContext } from '../../src/render/format';
import { ask, realKnowledge, seedRecords, textOf } from '../commands/knowledge';

const converter = converterFor('zh-TW');
if (!converter) throw new Error('zh-TW has no converter');
const { convert } = converter;

/** The CJK characters of a text that OpenCC would still change: Simplified forms leaking into zh-TW. */
function simplified(text: string): string[] {
  const chars = new Set(text.match(/\p{Script=Han}/gu) ?? []);
  return [...chars].filter((c) => convert(c) !== c);
}

describe('the zh-TW catalogue', () => {
  it('is the zh-CN catalogue converted, as `npm run locales` writes it', () => {
    const dir = new URL('../../src/locale/catalogues/', import.meta.url);
    const source = readFileSync(new URL('zh-CN.ts', dir), 'utf8');
    const expected = derivedCatalogue('zh-TW', 'zh-CN', source, convert);
    expect(readFileSync(new URL('zh-TW.ts', dir), 'utf8'), 'run `npm run locales`').toBe(expected);
  });

  it('has no Simplified character in any string it can produce', () => {
    const file = readFileSync(new URL('../../src/locale/catalogues/zh-TW.ts', import.meta.url), 'utf8');
    expect(simplified(file)).toEqual([]);
  });

  it('localises every command and option for zh-TW as for zh-CN', () => {
    const walk = (item: { name_localizations?: unknown; options?: readonly unknown[] }): string[] => [
      JSON.stringify(item.name_localizations ?? {}),
      ...((item.options ?? []) as { name_localizations?: unknown; options?: readonly unknown[] }[]).flatMap(
        walk,
      ),
    ];
    for (const { definition } of commands) {
      const all = walk(definition).map((s) => JSON.parse(s) as Record<string, string>);
      for (const localisations of all) {
        expect(localisations['zh-TW'], definition.name).toBe(convert(localisations['zh-CN'] ?? ''));
        expect(simplified(localisations['zh-TW'] ?? '')).toEqual([]);
      }
      expect(definition.name).toBe(messages('en-US').commands[definition.name as 'about'].name);
    }
  });
});

describe('zh-TW replies over the real index', () => {
  const knowledge = realKnowledge();
  const { kb } = knowledge;
  const commandFor = { editions: edition, people: speaker, statistics: stat } as const;

  it('read in Traditional characters: /edition 9th', async () => {
    const text = textOf(await ask(edition, { query: '9th' }, 'zh-TW'));
    for (const word of ['第九屆', '中國網路視聽大會', '視聽', '舉行']) expect(text).toContain(word);
    expect(simplified(text)).toEqual([]);
  });

  it('leak no Simplified character on any record’s card or autocomplete name', async () => {
    const leaks: string[] = [];
    const ctx = renderContext(kb, 'zh-TW');
    for (const kind of Object.keys(kb.records) as (keyof typeof kb.records)[]) {
      for (const record of kb.records[kind]) {
        const command = commandFor[kind as keyof typeof commandFor] ?? search;
        const options = kind === 'editions' ? { query: record.id, compare: true } : { query: record.id };
        const payload = await ask(command, options, 'zh-TW', knowledge);
        const item = kb.find(record.id);
        const text = `${textOf(payload)}\n${item ? listName(ctx, item) : ''}`;
        const found = simplified(text);
        if (found.length > 0) leaks.push(`${record.id}: ${found.join('')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('leak none in /about, /onthisday or the digest on any calendar day', async () => {
    const texts = [textOf(await ask(about, {}, 'zh-TW'))];
    for (const day of kb.calendarDays) {
      texts.push(textOf(await ask(onthisday, { date: day }, 'zh-TW')));
      const digest = digestFor(kb, `2026-${day}`, 'zh-TW');
      texts.push(textOf(digest));
    }
    // A day with nothing names the next anniversary.
    texts.push(textOf(digestFor(kb, '2026-01-01', 'zh-TW')));
    expect(texts.flatMap(simplified)).toEqual([]);
  });
});

describe('zh-TW data text', () => {
  it('is converted from zh-CN at compile time, and a seed’s own zh-TW text wins', () => {
    // Compiled once: each case below replaces only the series.
    const records = seedRecords();
    const [series] = records.series;
    if (!series) throw new Error('no series');
    const written = {
      ...series,
      i18n: { 'zh-CN': { name: '中国网络视听大会' }, 'zh-TW': { summary: '自訂' } },
    };
    const derived = deriveLocales({ ...records, series: [written] }).series[0];
    if (!derived) throw new Error('no derived series');
    expect(localText({ locale: 'zh-TW' }, derived, 'name')).toBe('中國網路視聽大會');
    expect(localText({ locale: 'zh-TW' }, derived, 'summary')).toBe('自訂');
    // Aliases are converted for the card's list; English ones stay as they are.
    expect(derived.i18n?.['zh-TW']?.aliases).toContain('中國網路視聽大會');
    expect(derived.i18n?.['zh-TW']?.aliases).toContain('China Network Audio-visual Conference');
    // A record in English only gets no zh-TW text (nothing to convert, nothing stored).
    const english = { ...series, aliases: ['CIAC'], i18n: undefined };
    expect(deriveLocales({ ...records, series: [english] }).series[0]?.i18n).toBeUndefined();
  });
});

describe('which interactions get zh-TW', () => {
  it('maps Discord and console locales', () => {
    expect(LOCALES).toContain('zh-TW');
    expect(toLocale('zh-TW')).toBe('zh-TW');
    expect(toLocale('zh-HK')).toBe('zh-TW');
    expect(toLocale('zh-Hant-TW')).toBe('zh-TW');
    expect(toLocale('zh-CN')).toBe('zh-CN');
    expect(toLocale('zh-SG')).toBe('zh-CN');
    expect(toLocale('zh')).toBe('zh-CN');
    expect(toLocale('en-GB')).toBe('en-US');
    expect(toLocale('fr')).toBe('en-US');
    expect(toLocale(undefined)).toBe('en-US');
  });
});
