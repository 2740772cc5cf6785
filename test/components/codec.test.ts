import { describe, expect, it } from 'vitest';
import { hitCard } from '../../commands/lookup-command';
import { CODEC_VERSION, type ComponentAction, decode, encode } from '../../src/components/codec';
import type { Kind } from '../../src/knowledge/schema';
import { LOCALES } from '../../src/locale';
import { renderContext } from '../../src/render/format';
import { realKnowledge } from '../commands/knowledge';
import { componentProblems } from '../fake-discord/components';

describe('the custom_id codec', () => {
  const actions: ComponentAction[] = [
    { action: 'card', kind: 'editions', id: 'ciac-9', page: 3, locale: 'zh-TW' },
    { action: 'share', kind: 'people', id: 'liu-zhen', page: 0, locale: 'en-US' },
    { action: 'open', slot: 2, locale: 'zh-CN' },
    { action: 'matches', query: 'micro: drama 2024', page: 1, locale: 'en-US' },
    { action: 'label', page: 4 },
  ];

  it.each(actions)('reads back what it writes: %o', (action) => {
    const id = encode(action);
    expect(id?.startsWith(`${CODEC_VERSION}:`)).toBe(true);
    expect(decode(id!)).toEqual({ ok: true, value: action });
  });

  it('refuses other versions and anything it did not write, without throwing', () => {
    expect(decode('s0:c:e:ciac-9:0:en-US')).toEqual({ ok: false, reason: 'version' });
    expect(decode('')).toEqual({ ok: false, reason: 'version' });
    for (const bad of [
      's1',
      's1:c:e:ciac-9:x:en-US',
      's1:c:q:ciac-9:0:en-US',
      's1:c:e:ciac-9:0:fr',
      's1:o:1',
      's1:m:0:en-US:',
      's1:i:1:2',
      's1:?',
    ])
      expect(decode(bad)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('gives no custom_id longer than Discord takes (a 100-character /search query has no "All matches")', () => {
    expect(encode({ action: 'matches', query: 'x'.repeat(100), page: 0, locale: 'en-US' })).toBeUndefined();
    expect(
      encode({ action: 'matches', query: 'x'.repeat(80), page: 0, locale: 'en-US' })?.length,
    ).toBeLessThanOrEqual(100);
  });

  it('fits every record’s first card, its buttons and menus, in every locale, private or not', () => {
    const knowledge = realKnowledge();
    for (const locale of LOCALES) {
      const ctx = renderContext(knowledge.kb, locale);
      for (const [kind, list] of Object.entries(knowledge.kb.records) as [Kind, readonly { id: string }[]][])
        for (const { id } of list) {
          const payload = hitCard(knowledge, ctx, { kind, id, score: 0, label: id }, [], {
            ephemeral: true,
            query: id,
          }).payload;
          expect(componentProblems(payload), id).toEqual({});
        }
    }
  });
});
