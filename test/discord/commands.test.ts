// Every command in commands/index.ts, sent as a gateway INTERACTION_CREATE: the reply at the callback route is
// exactly the payload its handler returns (the console shows the same), in a server and in a DM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import type { Knowledge } from '../../commands/types';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { openKnowledge } from '../../src/knowledge/open';
import { FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { expectHandlerPayload, lookupCommands, sampleOptions } from '../support/sample-options';
import { writeShippedIndex } from '../support/shipped';
import { captureLogger } from './helpers';

const NOW = new Date('2024-03-28T08:00:00Z');
let fake: FakeDiscord;
let bot: BotHandle;
let dir: string;
let knowledge: Knowledge;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-commands-'));
  const indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  knowledge = openKnowledge(indexPath);
  fake = await startFakeDiscord();
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: captureLogger('warn').logger,
    clock: () => NOW,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(lookupCommands.map((c) => [c.definition.name, c] as const))(
  '/%s through the gateway',
  (_name, command) => {
    it.each([
      ['in a server, en-US', FAKE_GUILD_ID, 'en-US'],
      ['in a DM, zh-CN', null, 'zh-CN'],
    ] as const)('answers %s with exactly the handler payload', async (_label, guildId, locale) => {
      const options = await sampleOptions(fake, command, guildId);
      const required = (command.definition.options ?? []).filter((o) => 'required' in o && o.required);
      expect(Object.keys(options)).toEqual(expect.arrayContaining(required.map((o) => o.name)));
      const reply = await fake.sendCommand({
        name: command.definition.name,
        options: options as Record<string, string>,
        guildId,
        locale,
      });
      await expectHandlerPayload(knowledge, command, options, { guildId, locale, now: NOW }, reply);
    });
  },
);

it('deployed every command with its localisations', () => {
  const deployed = fake.commands.global as { name: string; contexts?: number[] }[];
  expect(deployed.map((c) => c.name)).toEqual(commands.map((c) => c.definition.name));
});
