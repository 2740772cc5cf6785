// Routes each interaction to its command's handler, inside the one error boundary: nothing escapes it.
import { randomBytes } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { Command, Knowledge, Reply, Services } from '../../commands/types';
import { fitChoice, LIMITS, length } from '../discord-limits';
import { messages } from '../locale/catalogue';
import type { Logger } from '../logger';
import { ephemeralReply, isEphemeral } from '../render/reply';
import { buildContext } from './context';
import { parseOptions } from './options';
import type { InteractionTransport } from './transport';

/**
 * Discord wants a first response within 3 s; an async handler still pending at this point gets a deferral.
 * Synchronous handlers cannot be deferred this way (see `command` below): they must stay fast.
 */
const DEFER_AFTER_MS = 2000;

export interface RouterOptions {
  commands: readonly Command[];
  knowledge: Knowledge;
  transport: InteractionTransport;
  logger: Logger;
  /** The time handlers see as `now`; injected so tests and digests agree on the date. */
  clock?: () => Date;
  services?: Services;
  /** The zone handlers take "today" in (config.digestTimezone). */
  timeZone?: string;
  deferAfterMs?: number;
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

export function createInteractionRouter(options: RouterOptions): InteractionRouter {
  const { transport, logger, knowledge } = options;
  const clock = options.clock ?? (() => new Date());
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const byName = new Map(options.commands.map((c) => [c.definition.name, c]));
  const inFlight = new Set<Promise<void>>();
  const runtime = { services: options.services, timeZone: options.timeZone };

  async function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction): Promise<void> {
    const name = interaction.data.name;
    let choices: APIApplicationCommandOptionChoice[] = [];
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

  async function command(interaction: APIChatInputApplicationCommandInteraction): Promise<void> {
    const name = interaction.data.name;
    const context = buildContext(interaction, clock(), runtime);
    const found = byName.get(name);
    if (!found) {
      logger.warn({ command: name, interactionId: interaction.id }, 'interaction for an unknown command');
      await transport.respond(interaction, {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: ephemeralReply(messages(context.locale).router.unavailable).payload,
      });
      return;
    }
    const { options: parsed } = parseOptions(interaction.data.options);
    // Settled, never rejected: a deferral sent while it runs must not leave a rejection unobserved.
    const run = (): Promise<Outcome> =>
      (async () => found.handle(knowledge, parsed, context))().then(
        (reply) => ({ ok: true, reply }),
        (error: unknown) => ({ ok: false, error }),
      );

    // `defer: true` commands are deferred up front, before their handler starts.
    let work: Promise<Outcome> | undefined;
    let deferred = found.defer === true;
    if (!deferred) {
      // The timer is armed before the handler starts, and one turn of the event loop passes first, so an
      // async handler still pending after `deferAfterMs` is deferred. A synchronous handler blocks the loop:
      // no timer fires while it runs, so it can never be deferred and must stay fast (well under 2 s), or
      // its command must set `defer: true`.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deferAfterMs);
      });
      await setImmediate();
      work = run();
      deferred = (await Promise.race([work, late])) === 'late';
      clearTimeout(timer);
    }
    if (deferred)
      await transport.respond(interaction, {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
      });

    const outcome = await (work ?? run());
    let reply: Reply;
    if (outcome.ok) reply = outcome.reply;
    else {
      const errorId = randomBytes(4).toString('hex');
      logger.error(
        { err: outcome.error, errorId, command: name, options: parsed, interactionId: interaction.id },
        'command failed',
      );
      reply = ephemeralReply(messages(context.locale).router.failed(errorId));
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
  }

  async function route(interaction: APIInteraction): Promise<void> {
    const started = performance.now();
    try {
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete)
        await autocomplete(interaction);
      else if (
        interaction.type === InteractionType.ApplicationCommand &&
        interaction.data.type === ApplicationCommandType.ChatInput
      ) {
        await command(interaction as APIChatInputApplicationCommandInteraction);
      } else return;
      logger.debug(
        { interactionId: interaction.id, ms: Math.round(performance.now() - started) },
        'interaction answered',
      );
    } catch (error) {
      // Only the transport can land here (Discord refused or was unreachable); the user cannot be told.
      logger.error({ err: error, interactionId: interaction.id }, 'could not answer an interaction');
    }
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
