// The statistic card: who reported a figure, or that the source does not say.
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/locale';
import { renderContext } from '../../src/render/format';
import { renderStatistic } from '../../src/render/records/statistic';
import { statisticChart } from '../../src/render/records/statistic-chart';
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

  it('titles and values the card in Chinese for zh-CN', () => {
    const zh = card('stat-long-video-apps-overseas-downloads-2023', 'zh-CN');
    expect(zh.title).toBe('中国主要长视频应用的海外下载量');
    expect(field(zh, '数值')).toBe('超过3亿次下载');
    const en = card('stat-long-video-apps-overseas-downloads-2023', 'en-US');
    expect(en.title).toBe('overseas downloads of major Chinese long-video apps');
    expect(field(en, 'Value')).toBe('more than 300 million downloads');
  });

  it('charts a series in Chinese on the counted thing, the values scaled for 亿', () => {
    const { kb } = realKnowledge();
    const statistic = kb.get('statistics', 'stat-short-video-users-2020-12');
    if (!statistic) throw new Error('seed missing');
    const spec = statisticChart(renderContext(kb, 'zh-CN'), statistic);
    if (spec?.kind !== 'series') throw new Error('expected a series chart');
    expect(spec.input.title).toBe('短视频用户规模');
    expect(spec.input.unit).toBe('人');
    expect(spec.input.points.map((p) => p.value)).toEqual([817_000_000, 873_000_000]);
  });
});
