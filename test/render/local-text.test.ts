// Free text in the reply's language: zh-CN cards show the Chinese counterpart of every text field when the
// record has one and the English when it has not; en-US cards always show the English.
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../commands/types';
import type { AnyRecord } from '../../src/knowledge/knowledge-base';
import type { Records } from '../../src/knowledge/records';
import type { Locale } from '../../src/locale';
import { localText, renderContext } from '../../src/render/format';
import { renderRecord } from '../../src/render/records';
import { knowledgeOf, realKnowledge, seedRecords } from '../commands/knowledge';

/** Sets an object's English texts and their zh-CN counterparts (`undefined`: no Chinese). */
function write(item: object, english: Record<string, string>, chinese: Record<string, string | undefined>) {
  const target = item as { i18n?: Record<string, Record<string, string | undefined>> };
  Object.assign(item, english);
  target.i18n = { ...target.i18n, 'zh-CN': { ...target.i18n?.['zh-CN'], ...chinese } };
}

/** The seeds compiled once for the file; each variant below is a copy. */
const SEED_RECORDS = seedRecords();

/** Every free-text field of the records below, with a marked text in each language. */
function marked(strip: boolean): Records {
  const records = structuredClone(SEED_RECORDS);
  const zh = (s: string) => (strip ? undefined : `中文${s}`);
  for (const kind of Object.keys(records) as (keyof Records)[]) {
    for (const r of records[kind]) {
      if ('summary' in r && r.summary !== undefined)
        write(r, { summary: `EN ${r.id}` }, { summary: zh(r.id) });
    }
  }
  const edition = records.editions.find((e) => e.id === 'ciac-11');
  const person = records.people.find((p) => p.id === 'zhang-yan');
  const cao = records.people.find((p) => p.id === 'cao-shibo');
  const org = records.organizations.find((o) => o.id === 'kuaishou');
  const stat = records.statistics.find((s) => s.id === 'stat-short-video-daily-minutes-2024');
  const source = records.sources.find((s) => s.id === 'src-003-china-daily-11th');
  if (!edition || !person || !cao || !org || !stat || !source) throw new Error('seed records moved');
  /** Gives each item of a list its marked texts: [field, English, Chinese]. */
  const mark = (list: object[], texts: (i: number) => [string, string, string | undefined]) => {
    for (const [i, item] of list.entries()) {
      const [field, english, chinese] = texts(i);
      write(item, { [field]: english }, { [field]: chinese });
    }
  };
  mark(edition.dates, (i) => ['note', `EN claim ${i}`, zh(`说法${i}`)]);
  for (const [list, name] of [
    [edition.firsts, 'first'],
    [edition.highlights, 'highlight'],
  ] as const) {
    list.push({ text: `EN ${name}`, sources: ['src-003-china-daily-11th'] });
    mark(list, (i) => ['text', `EN ${name} ${i}`, zh(`${name}${i}`)]);
  }
  mark(person.roles, (i) => ['title', `EN role ${i}`, zh(`职务${i}`)]);
  mark(person.appearances, (i) => ['summary', `EN said ${i}`, zh(`发言${i}`)]);
  write(cao, { note: 'EN person note' }, { note: zh('人物备注') });
  write(org, { note: 'EN org note' }, { note: zh('机构备注') });
  write(stat, { scope: 'EN scope', asOfNote: 'EN as of' }, { scope: zh('范围'), asOfNote: zh('截至说明') });
  write(source, { dateNote: 'EN date note' }, { dateNote: zh('日期说明') });
  return records;
}

/** Each variant's knowledge, built on first use: a card is drawn 30 times from two variants. */
const built = new WeakMap<Records, Knowledge>();
function knowledgeFor(records: Records): Knowledge {
  let knowledge = built.get(records);
  if (!knowledge) {
    knowledge = knowledgeOf(records);
    built.set(records, knowledge);
  }
  return knowledge;
}

function cardOf(records: Records, id: string, locale: Locale): string {
  const { kb } = knowledgeFor(records);
  const item: AnyRecord | undefined = kb.find(id);
  if (!item) throw new Error(`no record ${id}`);
  const embed: APIEmbed = renderRecord(renderContext(kb, locale), item);
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].join(
    '\n',
  );
}

const bilingual = marked(false);
const englishOnly = marked(true);

const CASES: [string, string[], string[]][] = [
  [
    'ciac-11',
    ['EN ciac-11', 'EN claim 0', 'EN first 0', 'EN highlight 0', 'EN highlight 6'],
    ['中文ciac-11', '说法0', 'first0', 'highlight0', 'highlight6'],
  ],
  ['zhang-yan', ['EN role 0', 'EN role 1', 'EN said 0'], ['职务0', '职务1', '发言0']],
  ['cao-shibo', ['EN person note'], ['人物备注']],
  ['kuaishou', ['EN kuaishou', 'EN org note'], ['中文kuaishou', '机构备注']],
  [
    'stat-short-video-daily-minutes-2024',
    ['EN stat-', 'EN scope', 'EN as of'],
    ['中文stat-', '范围', '截至说明'],
  ],
  ['src-003-china-daily-11th', ['EN src-003', 'EN date note'], ['中文src-003', '日期说明']],
  ['ciac', ['EN ciac'], ['中文ciac']],
  ['forum-seeing-inspiration-in-china', ['EN forum-'], ['中文forum-']],
  ['report-ciac-2024', ['EN report-'], ['中文report-']],
  ['red-map', ['EN red-map'], ['中文red-map']],
];

describe('free text on cards', () => {
  it.each(CASES)('%s: zh-CN shows the Chinese text, en-US the English', (id, english, chinese) => {
    const zh = cardOf(bilingual, id, 'zh-CN');
    const en = cardOf(bilingual, id, 'en-US');
    for (const text of chinese) expect(zh).toContain(text);
    for (const text of english) {
      expect(en).toContain(text);
      expect(zh).not.toContain(text);
    }
    expect(en).not.toMatch(/中文|说法|职务|发言|备注|范围|截至说明|日期说明/);
  });

  it.each(CASES)('%s: zh-CN falls back to the English where there is no Chinese', (id, english) => {
    const zh = cardOf(englishOnly, id, 'zh-CN');
    for (const text of english) expect(zh).toContain(text);
  });

  it('picks by locale, and an empty Chinese text counts as none', () => {
    const { kb } = realKnowledge();
    const text = (english: string | undefined, chinese: string | undefined) => ({
      note: english,
      i18n: { 'zh-CN': { note: chinese } },
    });
    expect(localText(renderContext(kb, 'zh-CN'), text('English', '中文'), 'note')).toBe('中文');
    expect(localText(renderContext(kb, 'en-US'), text('English', '中文'), 'note')).toBe('English');
    expect(localText(renderContext(kb, 'zh-CN'), text('English', undefined), 'note')).toBe('English');
    expect(localText(renderContext(kb, 'zh-CN'), text('English', ''), 'note')).toBe('English');
    expect(localText(renderContext(kb, 'zh-CN'), text(undefined, undefined), 'note')).toBeUndefined();
  });
});
