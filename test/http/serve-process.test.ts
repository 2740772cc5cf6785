// `shiting serve` as the process a user starts: its start-up checks (in-process through main, as the console's
// tests run it), then one real `node bin/shiting.mjs serve` answering signed requests from the fake Discord,
// refusing an unsigned one, and stopping cleanly on SIGTERM: new requests 503, the one in flight finished.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, spawnShiting, tempDir } from '../discord/helpers';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { type HttpDiscord, startHttpMode } from '../fake-discord/http-mode';
import { listeningPort } from '../ops/scrape';
import { logLine } from '../scale/processes';
import { runMain } from '../support/in-process';
import { realIndex } from '../support/real-index';

const real = realIndex('shiting-serve-process-');
let fake: FakeDiscord;
let discord: HttpDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = await startHttpMode(fake);
});
afterAll(async () => {
  await discord?.close();
  await fake?.close();
  removeTempDirs();
});

/** An environment with nothing of this machine's in it: what serve reads, and no .env (cwd is a temp dir). */
function env(more: Record<string, string>): Record<string, string> {
  const dir = tempDir('shiting-serve-');
  return {
    DISCORD_TOKEN: '',
    DISCORD_PUBLIC_KEY: '',
    DATABASE_URL: '',
    SHITING_HTTP_PORT: '0',
    SHITING_HTTP_HOST: '127.0.0.1',
    SHITING_INDEX: real.index,
    SHITING_DB: path.join(dir, 'shiting.db'),
    DISCORD_API_URL: discord.apiUrl,
    ...more,
  };
}

describe('shiting serve start-up checks', () => {
  it('without DISCORD_PUBLIC_KEY: one line saying where to find it, exit 1', async () => {
    const ran = await runMain(['serve'], { env: env({}), cwd: tempDir('shiting-serve-cwd-') });
    expect(ran.code).toBe(1);
    expect(ran.err).toBe(
      "shiting serve: DISCORD_PUBLIC_KEY is not set. Set it to the application's public key (Developer Portal → General Information → Public Key, 64 hex characters).\n",
    );
  });

  it.each([
    ['too short', 'abcd'],
    ['not hex', 'g'.repeat(64)],
    ['one character too many', 'a'.repeat(65)],
  ])('with a DISCORD_PUBLIC_KEY %s: the configuration error, exit 1', async (_label, key) => {
    const ran = await runMain(['serve'], {
      env: env({ DISCORD_PUBLIC_KEY: key }),
      cwd: tempDir('shiting-serve-cwd-'),
    });
    expect(ran.code).toBe(1);
    expect(ran.err).toContain(
      "DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key).",
    );
    expect(ran.err).not.toContain(key);
  });

  it('a --port that is not a number is a usage mistake, exit 2', async () => {
    const ran = await runMain(['serve', '--port', 'eighty'], {
      env: env({ DISCORD_PUBLIC_KEY: discord.publicKey }),
    });
    expect(ran.code).toBe(2);
    expect(ran.err.split('\n')[0]).toBe('shiting serve: --port needs a port number: eighty');
  });

  it('a port already taken: one line naming it, exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const ran = await runMain(['serve', '--port', String(port)], {
        env: env({ DISCORD_PUBLIC_KEY: discord.publicKey }),
        cwd: tempDir('shiting-serve-cwd-'),
      });
      expect(ran.code).toBe(1);
      expect(ran.err).toMatch(
        new RegExp(`^shiting serve: SHITING_HTTP_PORT \\(or --port\\) ${port}: .*EADDRINUSE.*\n$`),
      );
    } finally {
      taken.close();
    }
  });

  it('is listed in the usage', async () => {
    const ran = await runMain(['--help']);
    expect(ran.out).toMatch(/^ {2}serve +answer interactions over HTTP/m);
  });
});

describe('node bin/shiting.mjs serve', () => {
  it('answers a signed PING and a command, refuses an unsigned request, stops on SIGTERM', async () => {
    const spawned = spawnShiting(['serve'], {
      ...env({ DISCORD_PUBLIC_KEY: discord.publicKey, LOG_LEVEL: 'info' }),
      PATH: process.env.PATH ?? '',
    });
    let signalled = false;
    try {
      const port = await listeningPort(spawned);
      discord.endpoint = `http://127.0.0.1:${port}/interactions`;
      const ping = await discord.post(JSON.stringify({ id: '1', application_id: '1', token: 't', type: 1 }));
      expect(ping.json).toEqual({ type: 1 });
      const reply = await discord.sendCommand({ name: 'edition', options: { query: '11th' } });
      expect(reply.data.embeds?.[0]?.title).toMatch(/11th/);
      const unsigned = await discord.post(JSON.stringify({ type: 1 }), { signature: null, timestamp: null });
      expect(unsigned.status).toBe(401);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('shiting_interaction_requests_total{outcome="missing-signature"} 1');
      expect(metrics).toContain('shiting_interactions_total{command="edition",outcome="ok"} 1');

      // SIGTERM with a chart in flight (its edit held at Discord): a request after it gets 503, so that a load
      // balancer tries another replica; the chart's edit still lands, and only then does the process exit.
      const edit = fake.hold({ method: 'PATCH', path: '/webhooks/:app/:token/messages/@original' });
      const chart = await discord.send(
        discord.commandInteraction({ name: 'edition', options: { query: '11th', compare: true } }),
      );
      expect(chart.answer.json).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
      await edit.held;
      const stopping = logLine(spawned, (r) => r.msg === 'shutting down');
      spawned.child.kill('SIGTERM');
      signalled = true;
      await stopping;
      const late = await discord.post(JSON.stringify({ id: '2', application_id: '1', token: 't', type: 1 }));
      expect(late.status).toBe(503);
      expect(spawned.child.exitCode).toBeNull();
      edit.release();
      const shown = await chart.reply;
      expect(shown.files.map((f) => f.name)).toEqual(['chart.png']);
    } finally {
      // A second SIGTERM means "now" (exit 143), not a clean stop.
      if (!signalled) spawned.child.kill('SIGTERM');
    }
    const exit = await spawned.exit;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('"msg":"stopped"');
  }, 60_000);
  it('a second SIGTERM while it drains exits at once with 143, as a second Ctrl-C would', async () => {
    const spawned = spawnShiting(['serve'], {
      ...env({ DISCORD_PUBLIC_KEY: discord.publicKey, LOG_LEVEL: 'info' }),
      PATH: process.env.PATH ?? '',
    });
    const port = await listeningPort(spawned);
    discord.endpoint = `http://127.0.0.1:${port}/interactions`;
    // A chart's edit held at Discord keeps the drain from finishing.
    const edit = fake.hold({ method: 'PATCH', path: '/webhooks/:app/:token/messages/@original' });
    await discord.send(
      discord.commandInteraction({ name: 'edition', options: { query: '11th', compare: true } }),
    );
    await edit.held;
    const stopping = logLine(spawned, (r) => r.msg === 'shutting down');
    spawned.child.kill('SIGTERM');
    await stopping;
    spawned.child.kill('SIGTERM');
    const exit = await spawned.exit;
    edit.release();
    expect(exit.code).toBe(143);
    expect(exit.stdout).not.toContain('"msg":"stopped"');
  }, 60_000);
});
