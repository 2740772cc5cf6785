// Every reply fits Discord's limits however long or numerous the records are, and never pings anyone.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import type { Knowledge } from '../../commands/types';
import { answerClick } from '../../src/components/answer';
import type { Records } from '../../src/knowledge/records';
import { LOCALES } from '../../src/locale';
import { ask, expectSendable, knowledgeOf, seedRecords, textOf } from './knowledge';

const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const PING = '@everyone <@100000000000000002> 视听😀';

function stretched(): Knowledge {
  const r = seedRecords();
  const sources = Array.from({ length: 60 }, (_, i) => ({
    ...r.sources[0]!,
    id: `src-long-${i}`,
    outlet: `${PING} outlet ${long('o', 40)}`,
    title: long('title', 200),
  }));
  const cites = sources.map((s) => s.id);
  // 60 long people: more than a select menu's 25 options and a page's 10 matches; the compile grows with each.
  const people = Array.from({ length: 60 }, (_, i) => ({
    ...r.people[0]!,
    id: `long-person-${i}`,
    name: `${PING} Person ${i} ${long('n', 60)}`,
    aliases: [long('alias', 100)],
    roles: Array.from({ length: 30 }, () => ({
      title: long('role', 100),
      organisation: 'kuaishou',
      sources: cites,
    })),
    appearances: Array.from({ length: 30 }, () => ({
      edition: 'ciac-11',
      as: 'speaker' as const,
      summary: `${PING} ${long('said', 600)}`,
      sources: cites,
    })),
    note: long('note', 500),
    sources: cites,
  }));
  const statistics = Array.from({ length: 120 }, (_, i) => ({
    ...r.statistics[0]!,
    id: `long-stat-${i}`,
    measure: `${PING} longest measure ${long('m', 80)}`,
    series: 'long-series',
    value: i * 1_234_567,
    unit: long('unit', 30),
    asOf: `20${String(i % 30).padStart(2, '0')}`,
    asOfNote: long('asof', 200),
    scope: long('scope', 300),
    summary: long('summary', 2000),
    edition: 'ciac-11',
    sources: cites,
  }));
  const editions = r.editions.map((e) =>
    e.id !== 'ciac-11'
      ? e
      : {
          ...e,
          theme: long('theme', 300),
          summary: `${PING} ${long('summary', 2000)}`,
          hosts: r.organizations.map((o) => o.id),
          firsts: Array.from({ length: 50 }, () => ({ text: long('first', 200), sources: cites })),
          highlights: Array.from({ length: 50 }, () => ({ text: long('high', 200), sources: cites })),
          dates: [
            ...e.dates,
            ...Array.from({ length: 20 }, () => ({ start: '2024-03-27', shown: false, sources: cites })),
          ],
          sources: cites,
        },
  );
  const records: Records = {
    ...r,
    sources: [...r.sources, ...sources],
    people: [...r.people, ...people],
    statistics: [...r.statistics, ...statistics],
    editions,
  };
  return knowledgeOf(records);
}

describe('replies on generated long data', () => {
  const knowledge = stretched();
  const lines: Record<string, Record<string, string>[]> = {
    edition: [{ query: 'ciac-11' }, { query: '11th' }],
    speaker: [{ query: 'long-person-7' }, { query: 'person 7' }],
    stat: [{ query: 'long-stat-3' }, { query: 'longest measure' }],
    search: [{ query: 'long-person-1' }, { query: 'kuaishou' }, { query: 'person' }],
    onthisday: [{ date: '03-28' }, { date: '03-27' }, { date: '01-01' }],
    about: [{}],
  };

  for (const locale of LOCALES) {
    for (const [name, optionSets] of Object.entries(lines)) {
      it(`/${name} in ${locale}`, async () => {
        const command = commands.find((c) => c.definition.name === name)!;
        for (const options of optionSets) {
          const payload = await ask(command, options, locale, knowledge); // checks every limit
          expect(payload.allowed_mentions).toEqual({ parse: [] });
          expect(textOf(payload).length).toBeGreaterThan(0);
          // Each /stat answer is a series of the 120 long-labelled points: its chart is drawn and attached.
          if (name === 'stat') expect(payload.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
        }
      });
    }
  }

  it('cuts nothing: what does not fit one message goes on to further pages, each highlight on one (issue 12)', async () => {
    const edition = commands.find((c) => c.definition.name === 'edition')!;
    let payload = await ask(edition, { query: 'ciac-11' }, 'en-US', knowledge);
    const shown: string[] = [textOf(payload)];
    for (let page = 1; page < 200; page++) {
      const answer = answerClick(knowledge, {
        customId: `s1:c:e:ciac-11:${page}:en-US`,
        locale: 'en-US',
        userId: '1',
        ownerId: '1',
        ephemeral: false,
      });
      if (answer.type !== 'update' || textOf(answer.reply.payload) === shown.at(-1)) break;
      payload = answer.reply.payload;
      expectSendable(payload);
      shown.push(textOf(payload));
    }
    expect(shown.length).toBeGreaterThan(2);
    const all = shown.join('\n');
    expect(all).not.toMatch(/and \d+ more/);
    // The 50 highlights (and 50 firsts) are each shown whole, once: none cut, none twice.
    expect(all.match(/• high0 high1 [\s\S]*?high199/g)).toHaveLength(50);
    expect(all.match(/• first0 first1 [\s\S]*?first199/g)).toHaveLength(50);
  });
});
