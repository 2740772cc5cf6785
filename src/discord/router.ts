// Routes each interaction to its command's handler, inside the one error boundary: nothing escapes it.
import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { Command, Knowledge, MessageCommand, Options, Reply } from '../../commands/types';
import { answerClick, type Click } from '../components/answer';
import { fitChoice, LIMITS, length } from '../discord-limits';
import { type Locale, toLocale } from '../locale';
import { messages } from '../locale/catalogue';
import type { Logger } from '../logger';
import { ephemeralReply, isEphemeral } from '../render/reply';
import { buildContext, type CommandInteraction, type RuntimeContext } from './context';
import { parseOptions } from './options';
import type { InteractionRef, InteractionTransport } from './transport';

/**
 * Discord wants a first response within 3 s; an async handler still pending at this point gets a deferral.
 * Synchronous handlers cannot be deferred this way (see `command` below): they must stay fast.
 */
const DEFER_AFTER_MS = 2000;

/** Past this many interactions waiting for their turn, the next one is deferred on arrival (see deferBeyond). */
const DEFER_BEYOND = 100;

/** How an interaction ended, as counted: a command answered or failed, or an autocomplete answered. */
export type InteractionOutcome = 'ok' | 'error' | 'autocomplete';

/** What the router tells a metrics sink (src/ops/metrics.ts); the router knows nothing of what it does with it. */
export interface RouterMetrics {
  /** `command` is a registered command's name, or `(unknown)`: a name Discord sent that none has. */
  interaction(command: string, outcome: InteractionOutcome): void;
  /** Seconds from arrival to the first callback (reply, deferral or choices) being accepted. */
  firstResponse(command: string, seconds: number): void;
}

export interface RouterOptions {
  commands: readonly Command[];
  /** Message context-menu commands ("Look up in Shiting"), by name; none when absent. */
  messageCommands?: readonly MessageCommand[];
  knowledge: Knowledge;
  transport: InteractionTransport;
  logger: Logger;
  /** The time handlers see as `now`; injected so tests and digests agree on the date. */
  clock?: () => Date;
  services?: RuntimeContext['services'];
  /** The zone handlers take "today" in (config.digestTimezone). */
  timeZone?: string;
  deferAfterMs?: number;
  /**
   * Starts one interaction's deferral clock: `late` settles when, still unanswered, it is to be deferred, and
   * `cancel` stops the clock once it is answered. By default a timer of `deferAfterMs`; tests give one they
   * fire themselves, so whether a reply is deferred never depends on how fast the machine is.
   */
  deferTimer?: DeferTimer;
  /**
   * Run handlers one per turn of the event loop, in arrival order (default true), so that under a burst each
   * reply goes out as its handler finishes. False is the old behaviour, kept as the benchmark's baseline: every
   * interaction waits one `setImmediate`, so a burst's handlers all run in the same turn, before any reply leaves.
   */
  queue?: boolean;
  /**
   * An interaction that arrives with more than this many waiting ahead of it is deferred at once: under a burst
   * it could not be answered in time anyway, and deferrals sent as interactions arrive reach Discord well within
   * its 3 s, where a wave of them at the 2 s mark would queue behind the replies.
   */
  deferBeyond?: number;
  metrics?: RouterMetrics;
}

export type DeferTimer = () => { late: Promise<void>; cancel(): void };

function timerOf(ms: number): DeferTimer {
  return () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return { late, cancel: () => clearTimeout(timer) };
  };
}

/** The label of an unknown command: Discord's name is not used, so a stray name cannot grow a new series. */
const UNKNOWN_COMMAND = '(unknown)';

/** The label clicks on buttons and select menus are counted under. */
const COMPONENT = '(component)';

/** Who ran the command whose reply was clicked, as the clicked message says. */
function ownerOf(interaction: APIMessageComponentInteraction): string | undefined {
  const message = interaction.message as
    | { interaction_metadata?: { user?: { id?: string } }; interaction?: { user?: { id?: string } } }
    | undefined;
  return message?.interaction_metadata?.user?.id ?? message?.interaction?.user?.id;
}

/** A click as answerClick takes it, from the raw interaction. */
function clickOf(interaction: APIMessageComponentInteraction): Click {
  const data = interaction.data as { custom_id?: string; values?: string[] } | undefined;
  const user = interaction.member?.user ?? interaction.user;
  return {
    customId: String(data?.custom_id ?? ''),
    values: Array.isArray(data?.values) ? data.values.map(String) : undefined,
    locale: toLocale(interaction.locale),
    userId: user?.id ?? '0',
    ownerId: ownerOf(interaction),
    ephemeral: ((interaction.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    appPermissions: interaction.app_permissions ? BigInt(interaction.app_permissions) : undefined,
  };
}

export interface InteractionRouter {
  /** Answers one interaction. Never rejects: every failure is logged and, where possible, told to the user. */
  handle(interaction: APIInteraction): Promise<void>;
  /** Resolves when every interaction being answered has been answered. */
  idle(): Promise<void>;
}

/**
 * Choices Discord accepts: at most 25, names and values of 1–100 characters. A long name is shortened; a
 * value too long is dropped with its choice, since a shortened value would name something else.
 */
function validChoices(
  choices: readonly { name: string; value: string }[],
): APIApplicationCommandOptionChoice[] {
  const { choices: most, max } = LIMITS.autocomplete;
  return choices
    .filter((c) => c.name.trim() !== '' && c.value !== '' && length(c.value) <= max)
    .slice(0, most)
    .map((c) => ({ name: fitChoice(c.name), value: c.value }));
}

type Outcome = { ok: true; reply: Reply } | { ok: false; error: unknown };

/** The reply's language, even for an interaction whose `locale` is malformed: the failure reply needs one. */
function localeOf(interaction: CommandInteraction): Locale {
  try {
    return toLocale(interaction.locale);
  } catch {
    return 'en-US';
  }
}

/**
 * A FIFO of interactions waiting to run their handler, released one per turn of the event loop: the awaiting
 * handler runs in the microtasks right after its release, and the next release waits for the next check phase,
 * so the I/O of replies already made (and timers, such as deferrals) runs between any two handlers.
 */
interface Turns {
  /** Resolves when it is the caller's turn to run its handler. */
  wait(): Promise<unknown>;
  /** How many are waiting now. */
  readonly waiting: number;
}

function createTurns(): Turns {
  const waiting: (() => void)[] = [];
  let draining = false;
  const release = () => {
    const next = waiting.shift();
    if (!next) {
      draining = false;
      return;
    }
    next();
    setImmediate(release);
  };
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!draining) {
          draining = true;
          setImmediate(release);
        }
      }),
    get waiting() {
      return waiting.length;
    },
  };
}

export function createInteractionRouter(options: RouterOptions): InteractionRouter {
  const { logger, knowledge, metrics } = options;
  // Arrival times of interactions not yet given a first response: the first `respond` observes and forgets one.
  const arrived = new WeakMap<InteractionRef, { command: string; started: number }>();
  const inner = options.transport;
  // Delegated one by one, not spread: a transport may be a class whose methods live on its prototype.
  const transport: InteractionTransport = {
    editOriginal: (interaction, payload, files) => inner.editOriginal(interaction, payload, files),
    followUp: (interaction, payload, files) => inner.followUp(interaction, payload, files),
    deleteOriginal: (interaction) => inner.deleteOriginal(interaction),
    async respond(interaction, response, files) {
      await inner.respond(interaction, response, files);
      const first = arrived.get(interaction);
      if (!first) return;
      arrived.delete(interaction);
      metrics?.firstResponse(first.command, (performance.now() - first.started) / 1000);
    },
  };
  const clock = options.clock ?? (() => new Date());
  const deferTimer = options.deferTimer ?? timerOf(options.deferAfterMs ?? DEFER_AFTER_MS);
  const byName = new Map(options.commands.map((c) => [c.definition.name, c]));
  const messageByName = new Map((options.messageCommands ?? []).map((c) => [c.definition.name, c]));
  const inFlight = new Set<Promise<void>>();
  const runtime = { services: options.services, timeZone: options.timeZone };
  const queued = options.queue !== false;
  const turns: Turns = queued ? createTurns() : { wait: () => nextTurn(), waiting: 0 };
  const turn = () => turns.wait();
  const deferBeyond = options.deferBeyond ?? DEFER_BEYOND;

  async function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction): Promise<void> {
    const name = interaction.data.name;
    let choices: APIApplicationCommandOptionChoice[] = [];
    // Autocomplete has no deferral: it waits its turn like a command, and answers within Discord's limits.
    if (queued) await turn();
    try {
      const command = byName.get(name);
      const { options: parsed, focused } = parseOptions(interaction.data.options);
      if (command?.autocomplete && focused) {
        const context = buildContext(interaction, clock(), runtime);
        choices = validChoices(command.autocomplete(knowledge, focused, parsed, context));
      }
    } catch (error) {
      logger.error(
        { err: error, command: name, interactionId: interaction.id },
        'autocomplete failed; answered with no choices',
      );
    }
    await transport.respond(interaction, {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
  }

  /** Answers a command; says whether its handler succeeded (an unknown command counts as an error). */
  async function command(interaction: APIChatInputApplicationCommandInteraction): Promise<'ok' | 'error'> {
    const name = interaction.data.name;
    const locale = localeOf(interaction);
    const found = byName.get(name);
    if (!found) {
      logger.warn({ command: name, interactionId: interaction.id }, 'interaction for an unknown command');
      await transport.respond(interaction, {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: ephemeralReply(messages(locale).router.unavailable).payload,
      });
      return 'error';
    }
    let parsed: Options | undefined;
    // Inside the boundary: a malformed interaction (permissions that are not a number, options that are not a
    // list) fails like a handler, with the ephemeral failure reply, instead of going unanswered.
    const handle = async (): Promise<Reply> => {
      const context = buildContext(interaction, clock(), runtime);
      parsed = parseOptions(interaction.data.options).options;
      return found.handle(knowledge, parsed, context);
    };
    // Settled, never rejected: a deferral sent while it runs must not leave a rejection unobserved.
    const run = (): Promise<Outcome> =>
      handle().then(
        (reply) => ({ ok: true, reply }),
        (error: unknown) => ({ ok: false, error }),
      );

    // `defer: true` commands are deferred up front, before their handler starts; so is any command that
    // arrives behind a long queue.
    let work: Promise<Outcome>;
    let deferred = found.defer === true || turns.waiting > deferBeyond;
    if (deferred) {
      // In the queue at once, so the next arrivals count this one as waiting; run only once deferred.
      const waited = turn();
      await transport.respond(interaction, {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
      });
      await waited;
      work = run();
    } else {
      // The timer is armed on arrival and the handler waits for its turn, so time spent waiting in a burst
      // counts and an interaction still waiting (or an async handler still pending) after `deferAfterMs` is
      // deferred. A synchronous handler blocks the loop: no timer fires while it runs, so it must stay fast
      // (well under 2 s), or its command must set `defer: true`.
      const deferral = deferTimer();
      work = turn().then(run);
      deferred = (await Promise.race([work, deferral.late.then(() => 'late' as const)])) === 'late';
      deferral.cancel();
      if (deferred)
        await transport.respond(interaction, {
          type: InteractionResponseType.DeferredChannelMessageWithSource,
        });
    }

    const outcome = await work;
    let reply: Reply;
    if (outcome.ok) reply = outcome.reply;
    else {
      const errorId = randomBytes(4).toString('hex');
      logger.error(
        {
          err: outcome.error,
          errorId,
          command: name,
          options: parsed ?? interaction.data.options,
          interactionId: interaction.id,
        },
        'command failed',
      );
      reply = ephemeralReply(messages(locale).router.failed(errorId));
    }

    if (!deferred) {
      await transport.respond(
        interaction,
        { type: InteractionResponseType.ChannelMessageWithSource, data: reply.payload },
        reply.files,
      );
    } else if (isEphemeral(reply.payload)) {
      // A deferral's visibility is fixed; an ephemeral answer goes in a follow-up and the public one goes away.
      await transport.followUp(interaction, reply.payload, reply.files);
      await transport.deleteOriginal(interaction);
    } else {
      await transport.editOriginal(interaction, reply.payload, reply.files);
    }
    return outcome.ok ? 'ok' : 'error';
  }

  /** An ephemeral failure reply with an error id, the error logged under it. */
  function failure(locale: Locale, error: unknown, fields: Record<string, unknown>, what: string): Reply {
    const errorId = randomBytes(4).toString('hex');
    logger.error({ err: error, errorId, ...fields }, what);
    return ephemeralReply(messages(locale).router.failed(errorId));
  }

  /**
   * Answers a click on a button or select menu: an update of the clicked message when the one who ran its
   * command clicked, else a new message (their own, ephemeral). Fast and synchronous, so never deferred.
   */
  async function component(interaction: APIMessageComponentInteraction): Promise<'ok' | 'error'> {
    if (queued) await turn();
    let response: APIInteractionResponse;
    let outcome: 'ok' | 'error' = 'ok';
    try {
      const answer = answerClick(knowledge, clickOf(interaction));
      if (answer.type === 'update') {
        // An update keeps the message's visibility: flags are not Discord's to change here. What the new view
        // leaves out is cleared, not kept: the "no clear match" text above a card, an old chart's file.
        const { flags: _flags, ...data } = answer.reply.payload;
        response = {
          type: InteractionResponseType.UpdateMessage,
          data: { content: '', components: [], attachments: [], ...data },
        };
      } else
        response = { type: InteractionResponseType.ChannelMessageWithSource, data: answer.reply.payload };
    } catch (error) {
      outcome = 'error';
      const data = failure(
        localeOf(interaction),
        error,
        { customId: interaction.data?.custom_id, interactionId: interaction.id },
        'component failed',
      ).payload;
      response = { type: InteractionResponseType.ChannelMessageWithSource, data };
    }
    await transport.respond(interaction, response);
    return outcome;
  }

  /** Answers a message context-menu command on the selected message's text (in `data.resolved.messages`). */
  async function messageCommand(
    interaction: APIMessageApplicationCommandInteraction,
  ): Promise<'ok' | 'error'> {
    const locale = localeOf(interaction);
    const found = messageByName.get(interaction.data.name);
    if (queued) await turn();
    let reply: Reply;
    let outcome: 'ok' | 'error' = 'ok';
    if (!found) {
      logger.warn(
        { command: interaction.data.name, interactionId: interaction.id },
        'unknown message command',
      );
      reply = ephemeralReply(messages(locale).router.unavailable);
      outcome = 'error';
    } else {
      try {
        const target = interaction.data.resolved?.messages?.[interaction.data.target_id];
        const context = buildContext(interaction, clock(), runtime);
        reply = await found.handle(
          knowledge,
          typeof target?.content === 'string' ? target.content : '',
          context,
        );
      } catch (error) {
        outcome = 'error';
        reply = failure(
          locale,
          error,
          { command: interaction.data.name, interactionId: interaction.id },
          'command failed',
        );
      }
    }
    await transport.respond(
      interaction,
      { type: InteractionResponseType.ChannelMessageWithSource, data: reply.payload },
      reply.files,
    );
    return outcome;
  }

  async function route(interaction: APIInteraction): Promise<void> {
    const started = performance.now();
    let label = UNKNOWN_COMMAND;
    let outcome: InteractionOutcome = 'error';
    try {
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        label = labelOf(interaction.data?.name);
        arrived.set(interaction, { command: label, started });
        await autocomplete(interaction);
        outcome = 'autocomplete';
      } else if (
        interaction.type === InteractionType.ApplicationCommand &&
        interaction.data?.type === ApplicationCommandType.ChatInput
      ) {
        label = labelOf(interaction.data.name);
        arrived.set(interaction, { command: label, started });
        outcome = await command(interaction as APIChatInputApplicationCommandInteraction);
      } else if (
        interaction.type === InteractionType.ApplicationCommand &&
        interaction.data?.type === ApplicationCommandType.Message
      ) {
        label = messageByName.has(interaction.data.name) ? interaction.data.name : UNKNOWN_COMMAND;
        arrived.set(interaction, { command: label, started });
        outcome = await messageCommand(interaction as APIMessageApplicationCommandInteraction);
      } else if (interaction.type === InteractionType.MessageComponent) {
        label = COMPONENT;
        arrived.set(interaction, { command: label, started });
        outcome = await component(interaction);
      } else return;
      metrics?.interaction(label, outcome);
      logger.debug(
        { interactionId: interaction.id, ms: Math.round(performance.now() - started) },
        'interaction answered',
      );
    } catch (error) {
      // Only the transport can land here (Discord refused or was unreachable); the user cannot be told.
      metrics?.interaction(label, 'error');
      logger.error({ err: error, interactionId: interaction.id }, 'could not answer an interaction');
    }
  }

  function labelOf(name: unknown): string {
    return typeof name === 'string' && byName.has(name) ? name : UNKNOWN_COMMAND;
  }

  return {
    handle(interaction) {
      const promise = route(interaction);
      inFlight.add(promise);
      return promise.finally(() => inFlight.delete(promise));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
