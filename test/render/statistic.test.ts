// The statistic card: who reported a figure, or that the source does not say.
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/locale';
import { renderContext } from '../../src/render/format';
import { renderStatistic } from '../../src/render/records/statistic';
import { realKnowledge } from '../commands/knowledge';

function card(id: string, locale: Locale): APIEmbed {
  const { kb } = realKnowledge();
  const statistic = kb.get('statistics', id);
  if (!statistic) throw new Error(`no statistic ${id}`);
  return renderStatistic(renderContext(kb, locale), statistic);
}

function field(embed: APIEmbed, name: string): string | undefined {
  return embed.fields?.find((f) => f.name === name)?.value;
}

describe('the statistic card', () => {
  it('says the source does not name who gave a figure, in both locales', () => {
    for (const id of ['stat-plays-eleven-books', 'stat-chengdu-check-in-points']) {
      expect(field(card(id, 'en-US'), 'Reported by')).toBe('not stated in the source');
      expect(field(card(id, 'zh-CN'), '发布方')).toBe('来源未说明');
    }
  });

  it('names the reporters the source gives', () => {
    expect(field(card('stat-short-video-daily-minutes-2021', 'en-US'), 'Reported by')).toBe(
      'Zhou Jie\nChina Network Audiovisual Program Service Association',
    );
  });
});
