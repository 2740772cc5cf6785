// Charts through the fake Discord: /stat and /edition … compare:true answer with the PNG uploaded as a
// multipart attachment and the embed's image pointing at it, on the callback and on a deferred edit alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { stat } from '../../commands/stat';
import type { Command } from '../../commands/types';
import { type BotHandle, startBot } from '../../src/discord/bot';
import type { DeferTimer } from '../../src/discord/router';
import { openKnowledge } from '../../src/knowledge/open';
import { type ChartPool, createChartPool } from '../../src/render/chart/pool';
import { pngSize } from '../chart/fixtures';
import {
  type FakeDiscord,
  type InteractionReply,
  type RecordedRequest,
  startFakeDiscord,
} from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';
import { captureLogger } from './helpers';

/** /stat as a command that always defers, so its chart travels on the edit of the original response. */
const deferredStat: Command = {
  ...stat,
  definition: { ...stat.definition, name: 'stat-later' },
  defer: true,
};

let fake: FakeDiscord;
let bot: BotHandle;
let dir: string;
let pool: ChartPool;

/**
 * The router's deferral clock, fired by the test instead of by time: unless a test sets `lateNow`, nothing is
 * ever late, so a reply goes on the callback however long the chart takes on a loaded machine.
 */
let lateNow: Promise<void> | undefined;
const never = new Promise<void>(() => {});
const deferTimer: DeferTimer = () => ({ late: lateNow ?? never, cancel: () => {} });

/** When set, a chart render waits for it: the handler stays pending while the test makes it late. */
let holdCharts: Promise<void> | undefined;
let chartStarted: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-charts-'));
  const indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  fake = await startFakeDiscord();
  pool = createChartPool({ logger: captureLogger('warn').logger });
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands: [stat, edition, deferredStat],
    knowledge: openKnowledge(indexPath),
    logger: captureLogger('warn').logger,
    clock: () => new Date('2026-03-28T09:00:00Z'),
    deferTimer,
    // The bot's own renderer, the worker pool, behind a gate the deferred test closes.
    charts: {
      async render(spec, locale) {
        chartStarted();
        await holdCharts;
        return pool.render(spec, locale);
      },
    },
  });
});

afterAll(async () => {
  await bot?.stop();
  await pool?.destroy();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The request that carried the reply: the callback, or the PATCH of @original after a deferral. */
function replyRequest(reply: InteractionReply): RecordedRequest {
  const found = fake.requests.findLast((r) =>
    reply.deferred
      ? r.method === 'PATCH' && r.path.endsWith('/messages/@original')
      : r.method === 'POST' && r.path.startsWith(`/interactions/${reply.callback.interactionId}/`),
  );
  if (!found) throw new Error('no request carried the reply');
  return found;
}

function expectChartReply(reply: InteractionReply): void {
  expect(reply.ephemeral).toBe(false);
  expect(reply.data.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
  expect(reply.files).toHaveLength(1);
  const [file] = reply.files;
  expect(file?.name).toBe('chart.png');
  expect(pngSize(file?.data ?? Buffer.alloc(0)).width).toBe(800);
  expect(reply.data.attachments).toEqual([expect.objectContaining({ id: 0, filename: 'chart.png' })]);
  const request = replyRequest(reply);
  expect(request.status).toBeLessThan(300);
  expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data/);
}

describe('charts through the gateway', () => {
  it('/stat on a series answers on the callback with the chart attached', async () => {
    const reply = await fake.sendCommand({ name: 'stat', options: { query: 'short video users' } });
    expect(reply.deferred).toBe(false);
    expect(reply.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.data.embeds?.[0]?.title).toBe('number of short-video users in China');
    expectChartReply(reply);
  });

  it('/stat on a single value sends no file', async () => {
    const reply = await fake.sendCommand({ name: 'stat', options: { query: 'online audiovisual users' } });
    expect(reply.data.embeds?.[0]?.image).toBeUndefined();
    expect(reply.files).toEqual([]);
  });

  it('/edition compare:true attaches the comparison chart, in zh-CN', async () => {
    const reply = await fake.sendCommand({
      name: 'edition',
      options: { query: '11th', compare: true },
      locale: 'zh-CN',
      guildId: null,
    });
    expect(reply.data.embeds?.[0]?.title).toMatch(/^第十一届中国网络视听大会/);
    expectChartReply(reply);
  });

  it('/edition without compare sends no file', async () => {
    const reply = await fake.sendCommand({ name: 'edition', options: { query: '11th', compare: false } });
    expect(reply.data.embeds?.[0]?.image).toBeUndefined();
    expect(reply.files).toEqual([]);
  });

  it('/stat whose chart is still drawing when the deferral is due is deferred, the chart on the edit', async () => {
    let release = () => {};
    holdCharts = new Promise((resolve) => {
      release = resolve;
    });
    const started = new Promise<void>((resolve) => {
      chartStarted = resolve;
    });
    let fire = () => {};
    lateNow = new Promise((resolve) => {
      fire = resolve;
    });
    try {
      const answered = fake.sendCommand({ name: 'stat', options: { query: 'short video users' } });
      await started;
      fire();
      // The router sees it late before the chart can finish: it is released only a turn of the loop later.
      await new Promise(setImmediate);
      release();
      const reply = await answered;
      expect(reply.deferred).toBe(true);
      expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(reply.data.embeds?.[0]?.title).toBe('number of short-video users in China');
      expectChartReply(reply);
    } finally {
      release();
      holdCharts = undefined;
      lateNow = undefined;
      chartStarted = () => {};
    }
  });

  it('a deferred reply carries the chart on the edit of the original response', async () => {
    const reply = await fake.sendCommand({
      name: 'stat-later',
      options: { query: 'daily short video time' },
    });
    expect(reply.deferred).toBe(true);
    expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.data.content).toMatch(/matches one measure at several dates/);
    expectChartReply(reply);
  });
});
