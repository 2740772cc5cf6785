// The README's sample reply must be what the console really prints, so a new user is never shown a stale card.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/console/ask';
import { messages } from '../../src/render/i18n';
import { replyText } from '../../src/render/text';
import { realKnowledge } from '../commands/knowledge';

describe('README sample reply', () => {
  it('matches the console output for its command', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const match = /<!-- sample: (.+?) -->\n```text\n([\s\S]*?)\n```/.exec(readme);
    if (!match) throw new Error('README has no sample block');
    const [, line, sample] = match as unknown as [string, string, string];
    const flags = {
      json: false,
      locale: 'en-US',
      now: new Date('2026-03-28T09:00:00Z'),
      timeZone: 'Asia/Shanghai',
    } as const;
    // The real seeds' knowledge, built once per test worker.
    const result = await answer(realKnowledge(), line, flags);
    if (!result.ok) throw new Error(result.message);
    expect(replyText(result.reply, messages('en-US')).trimEnd()).toBe(sample);
  });
});
