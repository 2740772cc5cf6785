// Handlers take options typed from their own definitions (checked by `tsc --noEmit`, which covers test/), and
// readOptions makes raw options that shape at run time, or says why it cannot.
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { about } from '../../commands/about';
import {
  defineCommand,
  type OptionsOf,
  OptionTypeError,
  readOptions,
  type SubcommandOptions,
} from '../../commands/define';
import { digest } from '../../commands/digest';
import type { edition } from '../../commands/edition';
import { lookupHandlers } from '../../commands/lookup-command';
import type { onthisday } from '../../commands/onthisday';
import { search } from '../../commands/search';

/** Every kind of option, to pin the mapping from `type`, `required` and `choices`. */
const sample = {
  name: 'sample',
  description: 'Sample',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'd', required: true },
    { type: ApplicationCommandOptionType.String, name: 'maybe', description: 'd' },
    {
      type: ApplicationCommandOptionType.String,
      name: 'pick',
      description: 'd',
      choices: [
        { name: 'a', value: 'a' },
        { name: 'b', value: 'b' },
      ],
    },
    { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'd', required: true },
    { type: ApplicationCommandOptionType.Number, name: 'ratio', description: 'd' },
    { type: ApplicationCommandOptionType.Boolean, name: 'flag', description: 'd', required: false },
    { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'd' },
    { type: ApplicationCommandOptionType.Role, name: 'role', description: 'd' },
    { type: ApplicationCommandOptionType.User, name: 'user', description: 'd' },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

describe('OptionsOf (types, checked by tsc)', () => {
  it('maps type, required and choices', () => {
    type Sample = OptionsOf<typeof sample>;
    expectTypeOf<Sample['text']>().toEqualTypeOf<string>();
    expectTypeOf<Sample['maybe']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Sample['pick']>().toEqualTypeOf<'a' | 'b' | undefined>();
    expectTypeOf<Sample['count']>().toEqualTypeOf<number>();
    expectTypeOf<Sample['ratio']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Sample['flag']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Sample['channel']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Sample['role']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Sample['user']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof Sample>().toEqualTypeOf<
      'text' | 'maybe' | 'pick' | 'count' | 'ratio' | 'flag' | 'channel' | 'role' | 'user'
    >();
  });

  it('types each command from its own definition', () => {
    expectTypeOf<OptionsOf<typeof edition.definition>>().toEqualTypeOf<{
      query: string;
      compare?: boolean | undefined;
      private?: boolean | undefined;
    }>();
    expectTypeOf<OptionsOf<typeof search.definition>>().toEqualTypeOf<{
      query: string;
      private?: boolean | undefined;
    }>();
    expectTypeOf<OptionsOf<typeof onthisday.definition>>().toEqualTypeOf<{ date?: string | undefined }>();
    expectTypeOf<keyof OptionsOf<typeof about.definition>>().toEqualTypeOf<never>();
  });

  it('types /digest per subcommand, as a union tagged by `subcommand`', () => {
    type Digest = typeof digest.definition;
    expectTypeOf<OptionsOf<Digest>['subcommand']>().toEqualTypeOf<
      'set' | 'off' | 'status' | 'preview' | 'check' | 'test'
    >();
    expectTypeOf<SubcommandOptions<Digest, 'set'>>().toEqualTypeOf<{
      subcommand: 'set';
      channel: string;
      time?: string | undefined;
      timezone?: string | undefined;
      empty_days?: 'skip' | 'post' | undefined;
      language?: 'en-US' | 'zh-CN' | 'zh-TW' | undefined;
      role?: string | undefined;
      clear_role?: boolean | undefined;
      thread?: boolean | undefined;
      publish?: boolean | undefined;
    }>();
    expectTypeOf<SubcommandOptions<Digest, 'off'>>().toEqualTypeOf<{
      subcommand: 'off';
      channel?: string | undefined;
    }>();
    expectTypeOf<SubcommandOptions<Digest, 'status'>>().toEqualTypeOf<{ subcommand: 'status' }>();
  });

  it('refuses an option a definition lacks', () => {
    const read = (
      onDay: OptionsOf<typeof onthisday.definition>,
      lookup: OptionsOf<typeof edition.definition>,
      aboutOptions: OptionsOf<typeof about.definition>,
      set: SubcommandOptions<typeof digest.definition, 'set'>,
      off: SubcommandOptions<typeof digest.definition, 'off'>,
    ) => [
      // @ts-expect-error: /onthisday takes no query
      onDay.query,
      // @ts-expect-error: /edition takes no date
      lookup.date,
      // @ts-expect-error: /about takes no options at all
      aboutOptions.query,
      // @ts-expect-error: /digest set takes no date (preview does)
      set.date,
      // @ts-expect-error: /digest off takes no time
      off.time,
    ];
    expectTypeOf(read).returns.toBeArray();
  });

  it('does not take a value of the wrong type or outside the choices', () => {
    type Set = SubcommandOptions<typeof digest.definition, 'set'>;
    // @ts-expect-error: empty_days is skip or post
    const wrongChoice: Set = { subcommand: 'set', channel: '1', empty_days: 'sometimes' };
    // @ts-expect-error: channel is required
    const noChannel: Set = { subcommand: 'set' };
    // @ts-expect-error: compare is a boolean
    const wrongType: OptionsOf<typeof edition.definition> = { query: 'x', compare: 'yes' };
    expect([wrongChoice, noChannel, wrongType]).toHaveLength(3);
  });

  it('gives the lookup handlers only definitions with a required string query', () => {
    const noQuery = {
      name: 'x',
      description: 'x',
      options: [{ type: ApplicationCommandOptionType.String, name: 'date', description: 'd' }],
    } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
    const optionalQuery = {
      name: 'y',
      description: 'y',
      options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'd' }],
    } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
    const made = [
      // @ts-expect-error: no query option
      defineCommand(noQuery, lookupHandlers(['people'])),
      // @ts-expect-error: query is optional, so it may be undefined
      defineCommand(optionalQuery, lookupHandlers(['people'])),
      defineCommand(search.definition, lookupHandlers(['people'])),
    ];
    expect(made).toHaveLength(3);
  });
});

describe('readOptions (run time)', () => {
  it('reads well-formed options as they are', () => {
    const read = readOptions(sample, { text: 'hi', count: 2, pick: 'b', flag: false });
    expect(read).toEqual({ ok: true, options: { text: 'hi', count: 2, pick: 'b', flag: false } });
  });

  it('names the first unknown option, a missing required one, a value outside the choices', () => {
    expect(readOptions(sample, { text: 'hi', count: 1, colour: 'red' })).toEqual({
      ok: false,
      problem: { kind: 'unknown', name: 'colour', known: sample.options.map((o) => o.name) },
    });
    expect(readOptions(sample, { text: 'hi' })).toEqual({
      ok: false,
      problem: { kind: 'missing', name: 'count' },
    });
    expect(readOptions(sample, { text: 'hi', count: 1, pick: 'c' })).toEqual({
      ok: false,
      problem: { kind: 'choice', name: 'pick', value: 'c' },
    });
    expect(readOptions(sample, { text: 'hi', count: 1, colour: 'red' }, { ignoreUnknown: true })).toEqual({
      ok: true,
      options: { text: 'hi', count: 1 },
    });
  });

  it('throws on a value of the wrong type: neither Discord nor the console sends one', () => {
    expect(() => readOptions(sample, { text: 'hi', count: '1' })).toThrow(OptionTypeError);
    expect(() => readOptions(sample, { text: 1, count: 1 })).toThrow(OptionTypeError);
    expect(() => readOptions(sample, { text: 'hi', count: 1, flag: 'true' })).toThrow(OptionTypeError);
    expect(() => readOptions(sample, { text: 'hi', count: 1.5 })).toThrow(OptionTypeError);
  });

  it('reads a subcommand and its options, or says which subcommand is unknown', () => {
    const def = digest.definition;
    expect(readOptions(def, { subcommand: 'off', channel: '5' })).toEqual({
      ok: true,
      options: { subcommand: 'off', channel: '5' },
    });
    expect(readOptions(def, { subcommand: 'set' })).toEqual({
      ok: false,
      problem: { kind: 'missing', name: 'channel', subcommand: 'set' },
    });
    expect(readOptions(def, { subcommand: 'nope' })).toEqual({
      ok: false,
      problem: { kind: 'subcommand', given: 'nope' },
    });
    expect(readOptions(def, {})).toEqual({ ok: false, problem: { kind: 'subcommand', given: undefined } });
    // A command without subcommands has no `subcommand` option either.
    expect(readOptions(about.definition, { subcommand: 'x' })).toMatchObject({
      ok: false,
      problem: { kind: 'unknown', name: 'subcommand' },
    });
  });
});
