// Knowledge for handler tests: the real seeds compiled in memory, or records made up to stress the limits.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { Context, Knowledge, Options, Reply } from '../../commands/types';
import { embedLength, LIMITS, length } from '../../src/discord-limits';
import { indexFromRecords } from '../../src/knowledge/compile';
import { knowledgeFromIndex } from '../../src/knowledge/load';
import type { Records } from '../../src/knowledge/records';
import type { Locale } from '../../src/locale';
import { createLookup } from '../../src/search/lookup';
import { shippedCompiled, shippedKnowledgeBase } from '../support/shipped';

/**
 * The real seeds' records, compiled once per test worker (shared with realIndex); each call gets its own copy,
 * so a test that builds stretched records from them cannot change another's.
 */
export function seedRecords(): Records {
  return structuredClone(shippedCompiled().index.records);
}

export function knowledgeOf(records: Records): Knowledge {
  const kb = knowledgeFromIndex(indexFromRecords(records).index);
  return { kb, lookup: createLookup(kb) };
}

let real: Knowledge | undefined;
/** The shipped index's knowledge, as the bot loads it. */
export function realKnowledge(): Knowledge {
  if (!real) {
    const kb = shippedKnowledgeBase();
    real = { kb, lookup: createLookup(kb) };
  }
  return real;
}

const NOW = new Date('2026-03-28T09:00:00Z');

export function context(locale: Locale = 'en-US', now = NOW): Context {
  return { locale, now, user: { id: '100000000000000001' } };
}

interface Handles {
  handle(knowledge: Knowledge, options: Options, context: Context): Reply | Promise<Reply>;
}

export async function ask(
  command: Handles,
  options: Options,
  locale: Locale = 'en-US',
  knowledge = realKnowledge(),
) {
  const reply = await command.handle(knowledge, options, context(locale));
  expectSendable(reply.payload);
  return reply.payload;
}

/** What Discord would reject or what could ping someone. */
export function expectSendable(payload: APIInteractionResponseCallbackData): void {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect(length(payload.content ?? '')).toBeLessThanOrEqual(LIMITS.content);
  const embeds = payload.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const e of embeds) {
    expect(length(e.title ?? '')).toBeLessThanOrEqual(LIMITS.embed.title);
    expect(length(e.description ?? '')).toBeLessThanOrEqual(LIMITS.embed.description);
    expect(length(e.footer?.text ?? '')).toBeLessThanOrEqual(LIMITS.embed.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embed.fields);
    for (const f of e.fields ?? []) {
      expect(length(f.name)).toBeGreaterThan(0);
      expect(length(f.value)).toBeGreaterThan(0);
      expect(length(f.name)).toBeLessThanOrEqual(LIMITS.embed.fieldName);
      expect(length(f.value)).toBeLessThanOrEqual(LIMITS.embed.fieldValue);
    }
  }
  expect(embeds.length > 0 || Boolean(payload.content)).toBe(true);
}

/** Everything a payload says, as one string, for `toContain`. */
export function textOf(payload: APIInteractionResponseCallbackData): string {
  const parts = [payload.content ?? ''];
  for (const e of payload.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

export function isEphemeral(payload: APIInteractionResponseCallbackData): boolean {
  return (Number(payload.flags ?? 0) & 64) === 64;
}
