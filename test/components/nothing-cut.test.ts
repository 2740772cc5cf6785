// Issue 12, "nothing is cut": every page of every record's card, in every locale, over the real seeds, and each
// fact of the seeds (highlight, first, quote, what was spoken about, note, date note, summary, figure) must be on
// one of them, whole. Every page and its buttons and menus fit Discord's limits; ▶ reaches every page.
import type { APIInteractionResponseCallbackData, APIMessageComponent } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { hitCard } from '../../commands/lookup-command';
import { answerClick } from '../../src/components/answer';
import type { Kind } from '../../src/knowledge/schema';
import { LOCALES, type Locale } from '../../src/locale';
import { formatQuantity, renderContext } from '../../src/render/format';
import { expectSendable, realKnowledge, textOf } from '../commands/knowledge';
import { componentProblems } from '../fake-discord/components';

/** The keys whose texts are facts a card must show (in any nested part of a record). */
const FACT_KEYS = ['text', 'summary', 'note', 'dateNote', 'quote', 'spokeAbout', 'asOfNote'];

interface Fact {
  path: string;
  text: string;
}

function localised(item: Record<string, unknown>, key: string, locale: Locale): unknown {
  const i18n = item.i18n as Record<string, Record<string, unknown>> | undefined;
  const own = i18n?.[locale]?.[key];
  return typeof own === 'string' && own ? own : item[key];
}

/** Every fact text of a record, in the locale, with where it is. */
function factsOf(record: unknown, locale: Locale, path = ''): Fact[] {
  if (Array.isArray(record)) return record.flatMap((r, i) => factsOf(r, locale, `${path}[${i}]`));
  if (!record || typeof record !== 'object') return [];
  const item = record as Record<string, unknown>;
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (key === 'i18n') continue;
    if (FACT_KEYS.includes(key) && typeof value === 'string') {
      const text = localised(item, key, locale);
      if (typeof text === 'string' && text.trim()) facts.push({ path: `${path}.${key}`, text });
    } else if (typeof value === 'object') facts.push(...factsOf(value, locale, `${path}.${key}`));
  }
  return facts;
}

/** Without whitespace, so a line break between two fields of one long text does not hide it. */
const squash = (text: string) => text.replace(/\s+/g, '');

function customIds(payload: APIInteractionResponseCallbackData): string[] {
  return (payload.components ?? []).flatMap((row) =>
    ((row as { components?: APIMessageComponent[] }).components ?? []).flatMap((c) =>
      'custom_id' in c && typeof c.custom_id === 'string' && !('disabled' in c && c.disabled)
        ? [c.custom_id]
        : [],
    ),
  );
}

/** Every page of a record's card, from its first reply, by clicking ▶ until it is disabled. */
function everyPage(id: string, kind: Kind, locale: Locale): APIInteractionResponseCallbackData[] {
  const knowledge = realKnowledge();
  const ctx = renderContext(knowledge.kb, locale);
  const first = hitCard(knowledge, ctx, { kind, id, score: 0, label: id }, []).payload;
  const pages = [first];
  for (let page = 1; page < 50; page++) {
    const next = customIds(pages.at(-1)!).find(
      (c) => c === `s1:c:${c.split(':')[2]}:${id}:${page}:${locale}`,
    );
    if (!next) break;
    const answer = answerClick(knowledge, {
      customId: next,
      locale,
      userId: '1',
      ownerId: '1',
      ephemeral: false,
    });
    expect(answer.type).toBe('update');
    pages.push(answer.reply.payload);
  }
  return pages;
}

describe('every fact of the seeds is on a page of its record’s card (issue 12)', () => {
  const { kb } = realKnowledge();
  for (const locale of LOCALES) {
    it(`in ${locale}`, () => {
      const ctx = renderContext(kb, locale);
      const missing: string[] = [];
      let pagesSeen = 0;
      for (const [kind, list] of Object.entries(kb.records) as [Kind, readonly { id: string }[]][]) {
        for (const record of list) {
          const pages = everyPage(record.id, kind, locale);
          pagesSeen += pages.length;
          for (const page of pages) {
            expectSendable(page);
            expect(componentProblems(page)).toEqual({});
          }
          const shown = squash(pages.map(textOf).join('\n'));
          const facts = factsOf(record, locale);
          if (kind === 'editions') {
            const figures = (
              record as unknown as {
                figures: { value: number; qualifier: Parameters<typeof formatQuantity>[2] }[];
              }
            ).figures;
            for (const [i, f] of figures.entries())
              facts.push({ path: `.figures[${i}]`, text: formatQuantity(ctx, f.value, f.qualifier) });
          }
          for (const fact of facts)
            if (!shown.includes(squash(fact.text)))
              missing.push(`${record.id}${fact.path}: ${fact.text.slice(0, 60)}`);
          // Nothing on any page says a part was left out.
          expect(shown).not.toMatch(new RegExp(squash(ctx.t.andMore(9)).replace('9', '\\d+')));
        }
      }
      expect(missing).toEqual([]);
      expect(pagesSeen).toBeGreaterThanOrEqual(Object.values(kb.records).flat().length);
    });
  }
});
