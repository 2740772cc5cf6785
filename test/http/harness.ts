// `shiting serve` in-process against the fake Discord's HTTP mode: the real endpoint, router, store and REST
// client, on a fixed clock (the handlers' `now` and the signature timestamps alike).
import path from 'node:path';
import type { Knowledge } from '../../commands/types';
import { parseConfig } from '../../src/config';
import { type ServeHandle, startServe } from '../../src/http/serve';
import { captureLogger } from '../discord/helpers';
import type { FakeDiscord } from '../fake-discord';
import type { HttpDiscord } from '../fake-discord/http-mode';

export const NOW = new Date('2026-03-28T09:00:00Z');

export interface ServeSetup {
  knowledge: Knowledge;
  dir: string;
  /** More of the environment (DATABASE_URL, …). */
  env?: Record<string, string>;
  level?: string;
  /** The handlers' time; NOW by default. */
  clock?: () => Date;
  /** Milliseconds for the signature check; NOW's by default (give Date.now with a fake Discord on real time). */
  now?: () => number;
}

/** One serve replica, answering `discord`'s signed requests, its REST through `discord.apiUrl`. */
export async function serveFor(
  fake: FakeDiscord,
  discord: HttpDiscord,
  setup: ServeSetup,
): Promise<ServeHandle & { url: string }> {
  const config = parseConfig(
    {
      DISCORD_PUBLIC_KEY: discord.publicKey,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APPLICATION_ID: fake.applicationId,
      SHITING_HTTP_PORT: '0',
      SHITING_HTTP_HOST: '127.0.0.1',
      SHITING_DB: path.join(setup.dir, 'shiting.db'),
      ...setup.env,
    },
    { token: false },
  );
  const serving = await startServe({
    config,
    logger: captureLogger(setup.level ?? 'warn').logger,
    clock: setup.clock ?? (() => NOW),
    now: setup.now ?? (() => NOW.getTime()),
    knowledge: setup.knowledge,
    charts: false,
  });
  return Object.assign(serving, { url: `http://127.0.0.1:${serving.port}` });
}
