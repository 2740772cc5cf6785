import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../commands';
import { LIMITS } from '../../src/discord-limits';

// Discord's rule for command and option names (lower case where the script has case).
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const len = (s: string) => [...s].length;

function checkNamed(item: {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
}) {
  expect(item.name).toMatch(NAME);
  expect(item.name).toBe(item.name.toLowerCase());
  expect(len(item.description)).toBeGreaterThan(0);
  expect(len(item.description)).toBeLessThanOrEqual(LIMITS.command.description);
  const zhName = item.name_localizations?.['zh-CN'];
  const zhDescription = item.description_localizations?.['zh-CN'];
  expect(zhName, `${item.name} has a zh-CN name`).toBeTruthy();
  expect(zhName ?? '').toMatch(NAME);
  expect(len(zhDescription ?? '')).toBeGreaterThan(0);
  expect(len(zhDescription ?? '')).toBeLessThanOrEqual(LIMITS.command.description);
}

function checkOptions(options: readonly APIApplicationCommandOption[] | undefined) {
  for (const option of options ?? []) {
    checkNamed(option);
    if ('options' in option) checkOptions(option.options);
  }
}

describe('command definitions', () => {
  it('are the commands of the issue, in one list, found by name', () => {
    expect(commands.map((c) => c.definition.name).sort()).toEqual(
      ['about', 'digest', 'edition', 'onthisday', 'search', 'speaker', 'stat'].sort(),
    );
    for (const command of commands) expect(findCommand(command.definition.name)).toBe(command);
    expect(findCommand('nope')).toBeUndefined();
  });

  it('fit Discord and carry zh-CN localisations', () => {
    for (const { definition } of commands) {
      checkNamed(definition);
      checkOptions(definition.options);
    }
  });

  it('work in servers, DMs and private channels, installed to a server or a user', () => {
    for (const name of ['edition', 'speaker', 'stat', 'search', 'onthisday', 'about']) {
      const definition = findCommand(name)?.definition;
      expect(definition?.contexts).toEqual([0, 1, 2]);
      expect(definition?.integration_types).toEqual([0, 1]);
    }
  });

  it('give every lookup a required query with autocomplete', () => {
    for (const name of ['edition', 'speaker', 'stat', 'search']) {
      const command = findCommand(name);
      expect(command?.definition.options?.[0]).toEqual(
        expect.objectContaining({
          name: 'query',
          type: 3,
          required: true,
          autocomplete: true,
          max_length: 100,
        }),
      );
      expect(command?.autocomplete).toBeTypeOf('function');
    }
    // /edition also takes compare (a boolean, localised); every lookup ends with private (issue 13).
    const isPrivate = expect.objectContaining({ name: 'private', type: 5 });
    expect(findCommand('edition')?.definition.options?.slice(1)).toEqual([
      expect.objectContaining({
        name: 'compare',
        type: 5,
        name_localizations: { 'zh-CN': '对比', 'zh-TW': '對比' },
      }),
      isPrivate,
    ]);
    for (const name of ['speaker', 'stat', 'search'])
      expect(findCommand(name)?.definition.options?.slice(1)).toEqual([isPrivate]);
    expect(findCommand('onthisday')?.definition.options).toEqual([
      expect.objectContaining({ name: 'date', required: false, autocomplete: true }),
    ]);
    expect(findCommand('about')?.definition.options).toBeUndefined();
  });
});
