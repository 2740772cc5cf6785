// The lookup over the real seeds, compiled in memory: the questions the issue names must answer as it says.
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/search/lookup';
import { shippedKnowledgeBase } from '../support/shipped';

const kb = shippedKnowledgeBase();
const lookup = createLookup(kb);

function found(query: string, kinds?: Parameters<typeof lookup.resolve>[1]) {
  const r = lookup.resolve(query, kinds);
  return r.status === 'found' ? r.hit : undefined;
}

describe('lookup on the real seeds', () => {
  it('tells daily usage in 2024 from daily usage in 2021', () => {
    const statValue = (q: string) => {
      const hit = found(q, { kinds: ['statistics'] });
      return hit && kb.get('statistics', hit.id)?.value;
    };
    expect(statValue('daily usage 2024')).toBe(151);
    expect(statValue('daily usage 2021')).toBe(125);
  });

  it('finds people split, joined and typed with typos, and organisations by their Chinese names', () => {
    expect(found('han zhi jie')?.id).toBe('han-zhijie');
    expect(found('hanzhijie')?.id).toBe('han-zhijie');
    expect(found('liu zhne')?.id).toBe('liu-zhen');
    // No source gives a person's name in Chinese, so the Chinese case is an organisation's name (the seeds'
    // people have none: this used to be skipped silently when the name was missing).
    expect(kb.get('people', 'han-zhijie')?.i18n?.['zh-CN']?.name).toBeUndefined();
    const zh = kb.get('organizations', 'tencent-video')?.i18n?.['zh-CN']?.name;
    expect(zh).toBe('腾讯视频');
    expect(found(zh!)?.id).toBe('tencent-video');
  });

  it('never takes one season or ordinal for a typo of another', () => {
    expect(found('short video conference season 2', { kinds: ['editions'] })?.id).toBe('csvc-s2');
    expect(found('short video conference season 1', { kinds: ['editions'] })?.id).toBe('csvc-s1');
    expect(found('9th china internet audiovisual conference', { kinds: ['editions'] })?.id).toBe('ciac-9');
    expect(found('conference 11', { kinds: ['editions'] })?.id).toBe('ciac-11');
  });

  it('finds an edition from its ordinal in English or Chinese', () => {
    const ninth = found('ninth', { kinds: ['editions'] });
    expect(ninth).toBeDefined();
    expect(found('第九届', { kinds: ['editions'] })?.id).toBe(ninth?.id);
    expect(found('9th', { kinds: ['editions'] })?.id).toBe(ninth?.id);
  });

  it('finds an edition from an ordinal in any form, filler words and all', () => {
    const editions = { kinds: ['editions'] as const };
    for (const q of [
      'the 9th',
      '9th edition',
      'No. 9',
      '九',
      'nineth',
      '9th China Internet Audiovisual Conference',
    ])
      expect(found(q, { ...editions })?.id, q).toBe('ciac-9');
    for (const q of ['edition 11', '十一届', '十一'])
      expect(found(q, { ...editions })?.id, q).toBe('ciac-11');
    for (const q of ['s2', 'S2', 's 2']) expect(found(q, { ...editions })?.id, q).toBe('csvc-s2');
  });

  it('finds a statistic by its value as written', () => {
    for (const q of ['944', '944 million', '944 million users'])
      expect(found(q, { kinds: ['statistics'] })?.id, q).toBe('stat-online-audiovisual-users-2020-12');
    expect(found('151 minutes', { kinds: ['statistics'] })?.id).toBe('stat-short-video-daily-minutes-2024');
  });

  it('completes within Discord limits', () => {
    for (const q of ['', 'l', 'liu', 'china', '网络', 'x'.repeat(200)]) {
      const choices = lookup.complete(q);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(Array.from(c.name).length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(lookup.complete('').length).toBeGreaterThan(0);
  });
});
