// `shiting start` and `shiting deploy`: the missing-token message, serving against the fake Discord, and a clean
// exit on SIGTERM. One real process serves (it ends with process.exit); the refusals and deploy run in this
// process through the same entry point (test/support/in-process.ts).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, messageCommands } from '../../commands';
import { ASK_HINT } from '../../src/config';
import { pngSize } from '../chart/fixtures';
import { FAKE_GUILD_ID, type FakeDiscord, faults, startFakeDiscord } from '../fake-discord';
import { shitingInProcess as shiting } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';
import { removeTempDirs, type Spawned, spawnShiting, tempDir } from './helpers';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
afterAll(removeTempDirs);

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('shiting start', () => {
  it('without a token exits 1, says what to set and that `npx shiting ask` works, with no stack trace', async () => {
    const { code, stdout, stderr } = await shiting(['start'], {});
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_TOKEN is not set');
    expect(stderr).toContain('.env.example');
    expect(stderr).toContain('npx shiting ask');
    expect(stdout + stderr).not.toMatch(STACK_LINE);
  });

  it('hints at a console command, the same for start and deploy, that answers with an embed', async () => {
    const start = await shiting(['start'], {});
    const deploy = await shiting(['deploy'], {});
    expect(start.stderr).toContain(ASK_HINT);
    expect(deploy.stderr).toContain(ASK_HINT);
    const line = /npx shiting ask "([^"]+)"/.exec(start.stderr)?.[1];
    expect(line).toBe('/edition query:11th');
    const dir = tempDir('shiting-hint-');
    const index = path.join(dir, 'index.json');
    writeFileSync(index, shippedIndexJson());
    const asked = await shiting(['ask', '--json', line!], { SHITING_INDEX: index });
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).embeds[0].title).toMatch(/Conference/);
  });

  it('with a malformed token exits 1 without echoing it', async () => {
    const secret = 'definitely-not-a-token-value';
    const { code, stderr } = await shiting(['start'], { DISCORD_TOKEN: secret });
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_TOKEN does not look like a bot token');
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('refuses an unknown argument with exit 2 and the usage', async () => {
    const { code, stderr } = await shiting(['start', '--verbose'], {});
    expect(code).toBe(2);
    expect(stderr).toContain('unknown flag --verbose');
    expect(stderr).toContain('usage: shiting start [--shards auto|N] [--index FILE]');
  });

  it('exits 1 with a one-line reason when Discord rejects the token', async () => {
    fake = await startFakeDiscord({ checkToken: true });
    const dir = tempDir('shiting-run-');
    const wrong = `${fake.token.slice(0, -4)}AAAA`;
    writeFileSync(path.join(dir, 'index.json'), shippedIndexJson());
    const { code, stderr } = await shiting(['start'], {
      DISCORD_TOKEN: wrong,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_INDEX: path.join(dir, 'index.json'),
      SHITING_DB: path.join(dir, 'shiting.db'),
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('did not accept DISCORD_TOKEN');
    expect(stderr).not.toContain(wrong);
  });
});

describe('shiting start serving, as a real process', () => {
  // One bot for these tests: started with --index naming a missing file, so it compiles the index there.
  let discord: FakeDiscord;
  let bot: Spawned;
  let index: string;
  beforeAll(async () => {
    discord = await startFakeDiscord();
    const fake = discord;
    const dir = tempDir('shiting-run-');
    index = path.join(dir, 'custom-index.json');
    const deployed = fake.nextRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    bot = spawnShiting(['start', '--index', index], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_DB: path.join(dir, 'shiting.db'),
      LOG_LEVEL: 'info',
    });
    await deployed;
  });
  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await discord.close();
  });

  it('answers from the index named by --index, compiling it there when missing', async () => {
    expect(existsSync(index)).toBe(true);
    const reply = await discord.sendCommand({ name: 'about' });
    expect(reply.data.embeds?.[0]?.title).toBe('About Shiting');
  });

  it('draws a chart in the compiled bot’s worker thread (dist/chart-worker.mjs), not on its main thread', async () => {
    const reply = await discord.sendCommand({ name: 'stat', options: { query: 'daily usage 2021' } });
    expect(reply.data.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
    expect(pngSize(reply.files[0]?.data ?? Buffer.alloc(0))).toEqual({ width: 800, height: 450 });
  });

  it('connects, deploys, answers, and exits 0 on SIGTERM without logging the token', async () => {
    const reply = await discord.sendCommand({ name: 'about' });
    expect(reply.data.embeds?.[0]?.title).toBe('About Shiting');
    bot.child.kill('SIGTERM');
    const { code, stdout, stderr, output } = await bot.exit;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    expect(stdout + stderr).not.toContain(discord.token);
    // The chart pool's fallbacks (a worker that cannot load, a render timed out) are logged; none happened.
    expect(output).not.toMatch(/chart worker|chart render/);
  });

  // Runs after the bot stopped (above), on everything it logged.
  it('without SHITING_HTTP_PORT opens no port and logs no server', async () => {
    const { code, stdout } = await bot.exit;
    expect(code).toBe(0);
    expect(stdout).not.toContain('health and metrics listening');
  });
});

describe('shiting deploy', () => {
  it('deploys the commands to one server with --guild', async () => {
    fake = await startFakeDiscord();
    const { code, stdout } = await shiting(['deploy', '--guild', FAKE_GUILD_ID], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`to server ${FAKE_GUILD_ID}`);
    const deployed = fake.commands.guild.get(FAKE_GUILD_ID) as { name: string }[] | undefined;
    expect(deployed?.map((c) => c.name)).toEqual(
      [...commands, ...messageCommands].map((c) => c.definition.name),
    );
    expect(fake.commands.global).toEqual([]);
  });

  it('says what to check when Discord refuses the server with 403, as discord.js’s own REST throws it', async () => {
    fake = await startFakeDiscord();
    // The CJS build's DiscordAPIError: `instanceof` the ESM class was false for it, and the user got only
    // "Missing Access".
    fake.fail({ method: 'PUT', path: '/applications/:id/guilds/:id/commands' }, faults.missingAccess);
    const { code, stderr } = await shiting(['deploy', '--guild', FAKE_GUILD_ID], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(1);
    expect(stderr.trimEnd()).toBe(
      'shiting deploy: Discord refused (403, code 50001): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited to that server with the applications.commands scope.',
    );
  });

  it('refuses a malformed --guild', async () => {
    const { code, stderr } = await shiting(['deploy', '--guild', 'abc'], {});
    expect(code).toBe(2);
    expect(stderr).toContain('--guild needs a server id');
  });
});
