import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process';
import { realIndex } from '../support/real-index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const real = realIndex('shiting-click-');

function shiting(args: string[]) {
  return runMain(args, { cwd: ROOT, env: { SHITING_INDEX: real.index } });
}

describe('shiting ask and click: the components without Discord', () => {
  it('ask --json prints the components with the custom_ids to click', async () => {
    const json = await shiting(['ask', '--json', '/edition query:ciac-11']);
    expect(json.code).toBe(0);
    const payload = JSON.parse(json.out);
    const ids = JSON.stringify(payload.components);
    expect(ids).toContain('"custom_id":"s1:o:1:en-US"');
    expect(ids).toContain('"value":"liu-zhen"');
  });

  it('click answers a select menu with the chosen record’s card, as an update, in the locale given', async () => {
    const { code, out } = await shiting(['click', 's1:o:1:zh-CN', '--value', 'liu-zhen', '--json']);
    expect(code).toBe(0);
    const response = JSON.parse(out);
    expect(response.type).toBe(7);
    expect(response.data.embeds[0].title).toMatch(/^Liu Zhen/);
    expect(response.data.embeds[0].fields.map((f: { name: string }) => f.name)).toContain('出席 · /edition');
  });

  it('click pages a card and tells a stale custom_id that it is out of date', async () => {
    const page = await shiting(['click', 's1:c:e:ciac-9:0:en-US']);
    expect(page.out).toMatch(/^# 9th China Internet Audiovisual Conference/);
    const stale = await shiting(['click', 's0:c:e:ciac-9:0:en-US', '--locale', 'zh-CN']);
    expect(stale.code).toBe(0);
    expect(stale.out).toMatch(/（仅你可见）\n\n此菜单已过期，请重新运行命令。/);
  });

  it('says what is wrong with the command line', async () => {
    const none = await shiting(['click']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^shiting click: give a component's custom_id/);
    const locale = await shiting(['click', 's1:o:1:en-US', '--locale', 'fr']);
    expect(locale.code).toBe(2);
    expect(locale.err).toMatch(/unknown locale "fr"/);
  });
});
