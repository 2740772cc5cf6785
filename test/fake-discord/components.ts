/**
 * Message components in the fake Discord: the checks Discord makes of a message's buttons and select menus
 * (answered 400 with code 50035 "Invalid Form Body" and an `errors` tree naming the part, as Discord does), and
 * the interactions a user's clicks make — MESSAGE_COMPONENT (type 3) for a button or a string select, and a
 * message context-menu command (type 2, `data.type` 3) — built on the fake's own slash-command interactions.
 *
 *   const clicks = componentsOf(fake);
 *   const reply = await fake.sendCommand({ name: 'edition', options: { query: '9th' } });
 *   let message = clicks.messageOf(reply);                 // the message Discord would show
 *   const next = await clicks.click({ message, customId: 's1:c:e:ciac-9:1:en-US' });
 *   next.type;      // 7 (UPDATE_MESSAGE) or 4 (a new message), next.message: the message after it
 *
 * The limits checked are the classic ones: at most 5 action rows; a row holds 1–5 buttons or one select menu; a
 * custom_id 1–100 characters and unique in the message; a button label ≤ 80; a select 1–25 options, option
 * label/value 1–100, description ≤ 100, placeholder ≤ 150, values unique; min_values ≤ max_values ≤ options.
 */
import {
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { FakeDiscord, InteractionCallback, InteractionReply, InteractionSpec } from './index';

/** The fields of a Discord message object that the fake's messages leave at their empty values. */
const MESSAGE_FIELDS = {
  attachments: [],
  timestamp: new Date(0).toISOString(),
  edited_timestamp: null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  pinned: false,
} as const;

const len = (s: unknown) => (typeof s === 'string' ? [...s].length : 0);

type Problems = Record<string, { _errors: { code: string; message: string }[] }>;

function problem(problems: Problems, path: string, code: string, message: string): void {
  problems[path] ??= { _errors: [] };
  problems[path]._errors.push({ code, message });
}

function checkLength(problems: Problems, path: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string' || len(value) < min || len(value) > max)
    problem(problems, path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
}

/** What Discord would say is wrong with a message's components, by path; empty when nothing is. */
export function componentProblems(body: unknown): Problems {
  const problems: Problems = {};
  const rows = (body as { components?: unknown } | undefined)?.components;
  if (rows === undefined || rows === null) return problems;
  if (!Array.isArray(rows)) {
    problem(problems, 'components', 'LIST_TYPE_CONVERT', 'Must be an array.');
    return problems;
  }
  if (rows.length > 5)
    problem(problems, 'components', 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  const ids = new Set<string>();
  rows.forEach((row: { type?: number; components?: unknown[] }, r) => {
    const at = `components.${r}`;
    if (row?.type !== ComponentType.ActionRow || !Array.isArray(row.components)) {
      problem(problems, at, 'COMPONENT_LAYOUT_INVALID', 'Expected an action row.');
      return;
    }
    const items = row.components as Record<string, unknown>[];
    const selects = items.filter((c) => c.type === ComponentType.StringSelect).length;
    if (items.length === 0 || items.length > 5 || (selects > 0 && items.length > 1))
      problem(
        problems,
        `${at}.components`,
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'A row holds 1–5 buttons or one select menu.',
      );
    items.forEach((c, i) => {
      const path = `${at}.components.${i}`;
      if (c.type !== ComponentType.Button && c.type !== ComponentType.StringSelect) {
        problem(problems, `${path}.type`, 'COMPONENT_TYPE_INVALID', 'Unknown component type.');
        return;
      }
      if (c.type === ComponentType.Button && c.style === 5) {
        checkLength(problems, `${path}.url`, c.url, 1, 512);
      } else {
        checkLength(problems, `${path}.custom_id`, c.custom_id, 1, 100);
        if (typeof c.custom_id === 'string') {
          if (ids.has(c.custom_id))
            problem(
              problems,
              `${path}.custom_id`,
              'COMPONENT_CUSTOM_ID_DUPLICATED',
              'Component custom id cannot be duplicated',
            );
          ids.add(c.custom_id);
        }
      }
      if (c.type === ComponentType.Button) {
        if (c.label !== undefined) checkLength(problems, `${path}.label`, c.label, 1, 80);
        if (typeof c.style !== 'number' || c.style < 1 || c.style > 6)
          problem(problems, `${path}.style`, 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4, 5, 6).');
        return;
      }
      if (c.placeholder !== undefined) checkLength(problems, `${path}.placeholder`, c.placeholder, 0, 150);
      const options = c.options as Record<string, unknown>[] | undefined;
      if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
        problem(problems, `${path}.options`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
        return;
      }
      const values = new Set<unknown>();
      options.forEach((o, k) => {
        checkLength(problems, `${path}.options.${k}.label`, o.label, 1, 100);
        checkLength(problems, `${path}.options.${k}.value`, o.value, 1, 100);
        if (o.description !== undefined)
          checkLength(problems, `${path}.options.${k}.description`, o.description, 0, 100);
        if (values.has(o.value))
          problem(
            problems,
            `${path}.options.${k}.value`,
            'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
            'Duplicate value',
          );
        values.add(o.value);
      });
      const min = (c.min_values as number | undefined) ?? 1;
      const max = (c.max_values as number | undefined) ?? 1;
      if (min < 0 || min > 25 || max < 1 || max > options.length || min > max)
        problem(
          problems,
          `${path}.max_values`,
          'BASE_TYPE_BAD_INT',
          'min_values ≤ max_values ≤ the options.',
        );
    });
  });
  return problems;
}

/** Discord's 400 answer for components that break its limits, or undefined when they are fine. */
export function invalidComponents(
  body: unknown,
): { code: number; message: string; errors: unknown } | undefined {
  const problems = componentProblems(body);
  if (Object.keys(problems).length === 0) return undefined;
  return { code: 50035, message: 'Invalid Form Body', errors: problems };
}

/** Who and where a click comes from: the same fields as a slash command's (guild, DM, user install, locale…). */
export interface ClickSpec
  extends Omit<InteractionSpec, 'name' | 'options' | 'subcommand' | 'subcommandGroup'> {
  /** The message clicked (see `messageOf`). */
  message: APIMessage;
  customId: string;
  /** A select menu's chosen values; makes it a string select (component type 3), else a button (2). */
  values?: string[];
  /** The app's permissions in the channel (`app_permissions`); default the fake's. */
  appPermissions?: bigint;
}

/** The answer to a click: an update of the clicked message (7), or a new message (4), with the message after it. */
export interface ClickReply {
  type: InteractionResponseType;
  data: APIInteractionResponseCallbackData;
  ephemeral: boolean;
  /** The clicked message updated (7), or the new message (4), ready to be clicked in turn. */
  message: APIMessage;
  callback: InteractionCallback;
}

export interface MessageCommandSpec
  extends Omit<InteractionSpec, 'options' | 'subcommand' | 'subcommandGroup'> {
  /** The message the command is run on: its content arrives in `data.resolved.messages`. */
  target: { id?: string; content: string; authorId?: string };
}

let messageCounter = 0n;
function messageId(): string {
  messageCounter += 1n;
  return (1600000000000000000n + BigInt(process.pid) * 1_000_000n + messageCounter).toString();
}

export interface FakeComponents {
  /** The message a reply (of a command or of a click) shows, as a click would carry it. */
  messageOf(reply: InteractionReply | ClickReply, by?: { id: string; username?: string }): APIMessage;
  click(spec: ClickSpec): Promise<ClickReply>;
  sendMessageCommand(spec: MessageCommandSpec): Promise<InteractionReply>;
}

export function componentsOf(fake: FakeDiscord): FakeComponents {
  const userOf = (raw: APIInteraction) => {
    const r = raw as {
      member?: { user: { id: string; username: string } };
      user?: { id: string; username: string };
    };
    return (r.member?.user ?? r.user) as { id: string; username: string };
  };
  /** A message as Discord sends it in a component interaction: the interaction that made it in its metadata. */
  function message(
    data: APIInteractionResponseCallbackData,
    user: { id: string; username?: string },
    made: APIInteraction,
  ): APIMessage {
    const apiUser = {
      id: user.id,
      username: user.username ?? 'tester',
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    return {
      id: messageId(),
      channel_id: made.channel?.id ?? made.channel_id ?? '0',
      type: 20,
      author: { ...fake.botUser, discriminator: '0', global_name: null, avatar: null, bot: true },
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      ...MESSAGE_FIELDS,
      flags: data.flags ?? 0,
      interaction_metadata: {
        id: made.id,
        type: made.type,
        user: apiUser,
        authorizing_integration_owners: made.authorizing_integration_owners,
      },
      interaction: { id: made.id, type: made.type, name: 'command', user: apiUser },
    } as unknown as APIMessage;
  }

  return {
    messageOf(reply, by) {
      if ('message' in reply) return reply.message;
      const made = {
        id: reply.callback.interactionId,
        type: InteractionType.ApplicationCommand,
      } as APIInteraction;
      return message(reply.data, by ?? { id: '1400000000000000001', username: 'tester' }, made);
    },
    async click(spec) {
      const base = fake.commandInteraction({ ...spec, name: 'component' }) as unknown as Record<
        string,
        unknown
      >;
      const select = spec.values !== undefined;
      const raw = {
        ...base,
        type: InteractionType.MessageComponent,
        data: {
          custom_id: spec.customId,
          component_type: select ? ComponentType.StringSelect : ComponentType.Button,
          ...(select ? { values: spec.values } : {}),
        },
        message: spec.message,
        ...(spec.appPermissions !== undefined ? { app_permissions: spec.appPermissions.toString() } : {}),
      } as unknown as APIInteraction;
      const callback = await fake.sendInteraction(raw).callback;
      const data = callback.data ?? {};
      const ephemeral =
        (Number(data.flags ?? 0) & 64) !== 0 ||
        (callback.type === InteractionResponseType.UpdateMessage &&
          (Number(spec.message.flags ?? 0) & 64) !== 0);
      const after =
        callback.type === InteractionResponseType.UpdateMessage
          ? ({
              ...spec.message,
              content: data.content ?? '',
              embeds: data.embeds ?? spec.message.embeds,
              components: data.components ?? [],
            } as APIMessage)
          : message(data, userOf(raw), raw);
      return { type: callback.type, data, ephemeral, message: after, callback };
    },
    sendMessageCommand(spec) {
      const base = fake.commandInteraction(spec) as unknown as Record<string, unknown> & {
        data: Record<string, unknown>;
      };
      const id = spec.target.id ?? messageId();
      const target = {
        id,
        channel_id: (base.channel_id as string) ?? '0',
        type: 0,
        author: {
          id: spec.target.authorId ?? '1400000000000000002',
          username: 'someone',
          discriminator: '0',
          global_name: null,
          avatar: null,
        },
        content: spec.target.content,
        embeds: [],
        components: [],
        ...MESSAGE_FIELDS,
        flags: 0,
      };
      const { options: _options, ...data } = base.data;
      const raw = {
        ...base,
        data: {
          ...data,
          type: ApplicationCommandType.Message,
          target_id: id,
          resolved: { messages: { [id]: target } },
        },
      } as unknown as APIInteraction;
      return fake.sendInteraction(raw).reply;
    },
  };
}
