// A command's handler takes options typed from its own definition; one parser checks the raw options against
// that definition at the edge, for the router and the console alike (both call `Command.handle`).
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { echo } from '../src/render/echo';
import { messages } from '../src/render/i18n';
import { ephemeralReply } from '../src/render/reply';
import type { Command, Context, Knowledge, Options, Reply } from './types';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionType = ApplicationCommandOptionType;

/** What each option type arrives as: Discord sends users, channels, roles and attachments as snowflake ids. */
interface ValueOfType {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  [ApplicationCommandOptionType.User]: string;
  [ApplicationCommandOptionType.Channel]: string;
  [ApplicationCommandOptionType.Role]: string;
  [ApplicationCommandOptionType.Mentionable]: string;
  [ApplicationCommandOptionType.Attachment]: string;
}

/** One option's value: the union of its choices' values where it has choices, else its type's value. */
type ValueOf<O> = O extends { choices: readonly { value: infer V }[] }
  ? V
  : O extends { type: infer T extends keyof ValueOfType }
    ? ValueOfType[T]
    : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type NameOf<O> = O extends { name: infer N extends string } ? N : never;

/** The options of one level (a command without subcommands, or one subcommand): required ones always there. */
type FieldsOf<List> = List extends readonly (infer O)[]
  ? Simplify<
      { [K in O as K extends { required: true } ? NameOf<K> : never]: ValueOf<K> } & {
        [K in O as K extends { required: true } ? never : NameOf<K>]?: ValueOf<K> | undefined;
      }
    >
  : Record<never, never>;

type SubcommandOf<O> = Extract<O, { type: ApplicationCommandOptionType.Subcommand }>;

/** One subcommand's options, tagged with its name so that a `switch (options.subcommand)` narrows them. */
type SubcommandFields<S> = S extends { name: infer N }
  ? Simplify<{ subcommand: N } & FieldsOf<S extends { options: infer List } ? List : []>>
  : never;

/**
 * The options a command's handler takes, from its `as const` definition: each option by name with its type's
 * value (`T` when required, else `T | undefined`), or for a command with subcommands a union by `subcommand`.
 * Subcommand groups are not modelled: no command has one.
 */
export type OptionsOf<D extends Definition> = D extends { options: readonly (infer O)[] }
  ? [SubcommandOf<O>] extends [never]
    ? FieldsOf<D['options']>
    : SubcommandFields<SubcommandOf<O>>
  : Record<never, never>;

/** The options of one subcommand of `D`. */
export type SubcommandOptions<D extends Definition, Name extends string> = Extract<
  OptionsOf<D>,
  { subcommand: Name }
>;

/**
 * Why raw options do not fit a definition, in the order they are looked for. Each is something a user can
 * cause (a console typo, a definition deployed before this one); a value of the wrong type is not, and throws.
 */
export type OptionProblem =
  | { kind: 'subcommand'; given: string | undefined }
  | { kind: 'unknown'; name: string; known: string[]; subcommand?: string }
  | { kind: 'missing'; name: string; subcommand?: string }
  | { kind: 'choice'; name: string; value: string | number; subcommand?: string };

export type ReadResult<D extends Definition> =
  | { ok: true; options: OptionsOf<D> }
  | { ok: false; problem: OptionProblem };

/** A value whose type is not its option's: Discord and the console never send one, so it is a bug. */
export class OptionTypeError extends Error {
  override name = 'OptionTypeError';
}

const isSubcommand = (o: APIApplicationCommandOption) =>
  o.type === ApplicationCommandOptionType.Subcommand ||
  o.type === ApplicationCommandOptionType.SubcommandGroup;

const TYPEOF: Partial<Record<OptionType, 'number' | 'boolean'>> = {
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
};

/** Reads raw options (Discord's, flattened, or the console's) as `OptionsOf<D>`; `ignoreUnknown` drops unknown names. */
export function readOptions<D extends Definition>(
  definition: D,
  raw: Options,
  { ignoreUnknown = false }: { ignoreUnknown?: boolean } = {},
): ReadResult<D> {
  let declared: readonly APIApplicationCommandOption[] = definition.options ?? [];
  const read: Record<string, string | number | boolean> = {};
  let subcommand: string | undefined;
  if (declared.some(isSubcommand)) {
    const given = raw.subcommand === undefined ? undefined : String(raw.subcommand);
    const sub = declared.find((o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === given);
    if (!sub) return { ok: false, problem: { kind: 'subcommand', given } };
    subcommand = sub.name;
    read.subcommand = sub.name;
    declared = 'options' in sub ? (sub.options ?? []) : [];
  }
  const at = subcommand === undefined ? {} : { subcommand };
  const known = declared.map((o) => o.name);
  const names = Object.keys(raw).filter((name) => raw[name] !== undefined);
  const unknown = names.find((name) => !known.includes(name) && !(subcommand && name === 'subcommand'));
  if (unknown !== undefined && !ignoreUnknown)
    return { ok: false, problem: { kind: 'unknown', name: unknown, known, ...at } };
  for (const option of declared) {
    const value = raw[option.name];
    if (value === undefined) {
      if ('required' in option && option.required)
        return { ok: false, problem: { kind: 'missing', name: option.name, ...at } };
      continue;
    }
    const expected = TYPEOF[option.type] ?? 'string';
    const fractional = option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value);
    if (typeof value !== expected || fractional)
      throw new OptionTypeError(
        `option "${option.name}" should be a ${fractional ? 'whole number' : expected}, not ${typeof value}`,
      );
    const choices = 'choices' in option ? option.choices : undefined;
    if (choices && typeof value !== 'boolean' && !choices.some((c) => c.value === value))
      return { ok: false, problem: { kind: 'choice', name: option.name, value, ...at } };
    read[option.name] = value;
  }
  // The checks above are what `OptionsOf<D>` states; TypeScript cannot follow them through a loop.
  return { ok: true, options: read as OptionsOf<D> };
}

/** The reply to an unknown option, the same for every command that refuses one. */
export function unknownOptionReply(context: Pick<Context, 'locale'>, name: string, known: readonly string[]) {
  return ephemeralReply(messages(context.locale).errors.unknownOption(echo(name), known.join(', ') || '—'));
}

export interface CommandSpec<O> {
  /** Defer before handling (the reply may take more than Discord's 3 s, e.g. charts or REST calls). */
  defer?: boolean;
  /** Drop options the definition lacks instead of refusing them (see `/digest`). */
  ignoreUnknownOptions?: boolean;
  // Property, not method, syntax: a method's parameters are checked bivariantly, which would let a handler
  // of other options in.
  handle: (knowledge: Knowledge, options: O, context: Context) => Reply | Promise<Reply>;
  /**
   * The reply when the options do not fit the definition. Without it an unknown option gets the usual
   * "Unknown option" reply and any other problem throws (the error boundary's reply): a command with a
   * required option, a subcommand or choices says what its users are told.
   */
  invalid?(
    problem: OptionProblem,
    knowledge: Knowledge,
    raw: Options,
    context: Context,
  ): Reply | Promise<Reply>;
  autocomplete?: Command['autocomplete'];
}

/** A `Command` that keeps its definition's literal type, so `OptionsOf<typeof command.definition>` is its handler's. */
export type TypedCommand<D extends Definition> = Command & { readonly definition: D };

/**
 * A command whose handler takes `OptionsOf<D>`. The `Command` it makes takes raw options, as the router and
 * the console have them, and reads them with `readOptions` before the handler runs. A synchronous handler
 * stays synchronous: the router can only defer a pending one.
 */
export function defineCommand<D extends Definition>(
  definition: D,
  spec: CommandSpec<NoInfer<OptionsOf<D>>>,
): TypedCommand<D> {
  const command: TypedCommand<D> = {
    definition,
    handle(knowledge, raw, context) {
      const read = readOptions(definition, raw, { ignoreUnknown: spec.ignoreUnknownOptions });
      if (read.ok) return spec.handle(knowledge, read.options, context);
      if (spec.invalid) return spec.invalid(read.problem, knowledge, raw, context);
      const { problem } = read;
      if (problem.kind === 'unknown') return unknownOptionReply(context, problem.name, problem.known);
      throw new Error(`/${definition.name}: options do not fit its definition: ${JSON.stringify(problem)}`);
    },
  };
  if (spec.defer !== undefined) command.defer = spec.defer;
  if (spec.autocomplete) command.autocomplete = spec.autocomplete;
  return command;
}
