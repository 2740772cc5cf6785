// The console quotes what was typed exactly as the bot does: inert (escaped, mentions broken), shortened first.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../support/real-index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const real = realIndex('shiting-echo-');

function ask(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/shiting.mjs'), 'ask', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SHITING_INDEX: real.index },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('shiting ask quotes user text inert', () => {
  it('a date that is not one: link, mention and formatting escaped, the explanation kept', () => {
    const run = ask('/onthisday date:[x](https://e.co) <@140000000000000001> @everyone **b**');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '“\\[x\\](https://e.co) <\u200b@140000000000000001> @\u200beveryone \\*\\*b\\*\\*” is not a date. Write it as MM-DD',
    );
  });

  it('the exact payload of "nothing found" carries the escaped query', () => {
    const run = ask('--json', '/stat query:zzqx <@&120000000000000001> [y](https://e.co)');
    expect(run.code).toBe(0);
    const payload = JSON.parse(run.out) as { content: string };
    expect(payload.content).toBe(
      'Nothing found for “zzqx <\u200b@&120000000000000001> \\[y\\](https://e.co)” among statistics. Try other words, or browse with /search.',
    );
  });
});
