// The README's sample reply must be what the console really prints, so a new user is never shown a stale card.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/console/ask';
import { compileSeeds } from '../../src/knowledge/compile';
import { knowledgeFromIndex } from '../../src/knowledge/load';
import { messages } from '../../src/render/i18n';
import { replyText } from '../../src/render/text';
import { createLookup } from '../../src/search/lookup';

describe('README sample reply', () => {
  it('matches the console output for its command', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const match = /<!-- sample: (.+?) -->\n```text\n([\s\S]*?)\n```/.exec(readme);
    if (!match) throw new Error('README has no sample block');
    const [, line, sample] = match as unknown as [string, string, string];
    const compiled = compileSeeds('seeds');
    if (!compiled.ok) throw new Error('the seeds do not compile');
    const kb = knowledgeFromIndex(compiled.index);
    const flags = {
      json: false,
      locale: 'en-US',
      now: new Date('2026-03-28T09:00:00Z'),
      timeZone: 'Asia/Shanghai',
    } as const;
    const result = await answer({ kb, lookup: createLookup(kb) }, line, flags);
    if (!result.ok) throw new Error(result.message);
    expect(replyText(result.reply, messages('en-US')).trimEnd()).toBe(sample);
  });
});
