// The console quotes what was typed exactly as the bot does: inert (escaped, mentions broken), shortened first.
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process';
import { realIndex } from '../support/real-index';

const real = realIndex('shiting-echo-');

function ask(...args: string[]) {
  return runMain(['ask', ...args], { env: { SHITING_INDEX: real.index } });
}

describe('shiting ask quotes user text inert', () => {
  it('a date that is not one: link, mention and formatting escaped, the explanation kept', async () => {
    const run = await ask('/onthisday date:[x](https://e.co) <@140000000000000001> @everyone **b**');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '“\\[x\\](https://e.co) <\u200b@140000000000000001> @\u200beveryone \\*\\*b\\*\\*” is not a date. Write it as MM-DD',
    );
  });

  it('the exact payload of "nothing found" carries the escaped query', async () => {
    const run = await ask('--json', '/stat query:zzqx <@&120000000000000001> [y](https://e.co)');
    expect(run.code).toBe(0);
    const payload = JSON.parse(run.out) as { content: string };
    expect(payload.content).toBe(
      'Nothing found for “zzqx <\u200b@&120000000000000001> \\[y\\](https://e.co)” among statistics. Try other words, or browse with /search.',
    );
  });
});
