// The router's deferral rules with a recording transport: what is sent first, and when a handler runs.
import {
  type APIInteraction,
  type APIInteractionResponse,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../commands/types';
import { createInteractionRouter, type DeferTimer } from '../../src/discord/router';
import type { InteractionTransport } from '../../src/discord/transport';
import { captureLogger, NO_KNOWLEDGE } from './helpers';

/** Only the fields the router reads; the rest of a real interaction does not matter here. */
function interaction(name: string): APIInteraction {
  return {
    id: '1500000000000000001',
    application_id: '1100000000000000001',
    token: 'interaction-token',
    type: InteractionType.ApplicationCommand,
    locale: 'en-US',
    user: { id: '1400000000000000001', username: 'tester' },
    data: { id: '1600000000000000001', name, type: ApplicationCommandType.ChatInput },
  } as unknown as APIInteraction;
}

function recorder(onRespond: (response: APIInteractionResponse) => void = () => {}) {
  const events: string[] = [];
  const transport: InteractionTransport = {
    async respond(_i, response) {
      events.push(`respond ${InteractionResponseType[response.type]}`);
      onRespond(response);
    },
    async editOriginal() {
      events.push('edit');
    },
    async followUp() {
      events.push('follow-up');
    },
    async deleteOriginal() {
      events.push('delete');
    },
  };
  return { events, transport };
}

/**
 * A deferral point the test sets off (`come`), not a clock: a 0 ms timer raced the router's turn (a setImmediate),
 * and on a loaded machine fired before the handler had started.
 */
function deferralPoint(): { timer: DeferTimer; come: () => void } {
  let come = () => {};
  const timer: DeferTimer = () => ({
    late: new Promise<void>((resolve) => {
      come = resolve;
    }),
    cancel: () => {},
  });
  return { timer, come: () => come() };
}

function route(
  command: Command,
  transport: InteractionTransport,
  timeZone?: string,
  deferTimer?: DeferTimer,
) {
  const router = createInteractionRouter({
    commands: [command],
    knowledge: NO_KNOWLEDGE,
    transport,
    logger: captureLogger().logger,
    deferAfterMs: 0,
    deferTimer,
    timeZone,
  });
  return router.handle(interaction(command.definition.name));
}

const definition = (name: string) => ({ name, description: name });

describe('deferral', () => {
  it('defers a `defer: true` command before its handler starts', async () => {
    const { events, transport } = recorder();
    const command: Command = {
      definition: definition('upfront'),
      defer: true,
      handle() {
        events.push('handle');
        return { payload: { content: 'ok' } };
      },
    };
    await route(command, transport);
    expect(events).toEqual(['respond DeferredChannelMessageWithSource', 'handle', 'edit']);
  });

  it('defers an async handler still pending at the deferral point', async () => {
    let release: () => void = () => {};
    const { events, transport } = recorder((response) => {
      if (response.type === InteractionResponseType.DeferredChannelMessageWithSource) release();
    });
    const point = deferralPoint();
    const command: Command = {
      definition: definition('pending'),
      handle() {
        events.push('handle');
        // The deferral point comes while the handler is still pending.
        setImmediate(point.come);
        return new Promise((resolve) => {
          release = () => resolve({ payload: { content: 'late' } });
        });
      },
    };
    await route(command, transport, undefined, point.timer);
    expect(events).toEqual(['handle', 'respond DeferredChannelMessageWithSource', 'edit']);
  });

  it('never defers a synchronous handler, even with the deferral point right after it: it answers directly', async () => {
    const { events, transport } = recorder();
    const point = deferralPoint();
    const command: Command = {
      definition: definition('sync'),
      handle() {
        events.push('handle');
        // The next turn of the event loop: a synchronous handler's answer is settled before it.
        setImmediate(point.come);
        return { payload: { content: 'now' } };
      },
    };
    await route(command, transport, undefined, point.timer);
    expect(events).toEqual(['handle', 'respond ChannelMessageWithSource']);
  });
});

describe('context', () => {
  it('carries the configured zone that decides "today" to every handler', async () => {
    const zones: (string | undefined)[] = [];
    const command: Command = {
      definition: definition('zone'),
      handle(_knowledge, _options, context) {
        zones.push(context.timeZone);
        return { payload: { content: 'ok' } };
      },
    };
    await route(command, recorder().transport, 'Europe/Berlin');
    await route(command, recorder().transport);
    expect(zones).toEqual(['Europe/Berlin', undefined]);
  });
});

describe('metrics', () => {
  it('counts each interaction by command and outcome, and times only its first response', async () => {
    const counted: string[] = [];
    const timed: string[] = [];
    const { events, transport } = recorder();
    const router = createInteractionRouter({
      commands: [
        { definition: definition('fine'), handle: () => ({ payload: { content: 'ok' } }) },
        {
          definition: definition('slow'),
          defer: true,
          handle: async () => ({ payload: { content: 'late' } }),
        },
        {
          definition: definition('broken'),
          handle: () => {
            throw new Error('boom');
          },
        },
      ],
      knowledge: NO_KNOWLEDGE,
      transport,
      logger: captureLogger().logger,
      metrics: {
        interaction: (command, outcome) => counted.push(`${command} ${outcome}`),
        firstResponse: (command, seconds) => {
          expect(seconds).toBeGreaterThanOrEqual(0);
          timed.push(command);
        },
      },
    });
    for (const name of ['fine', 'slow', 'broken', 'stranger']) await router.handle(interaction(name));
    await router.handle({
      ...interaction('fine'),
      type: InteractionType.ApplicationCommandAutocomplete,
    } as unknown as APIInteraction);
    expect(counted).toEqual(['fine ok', 'slow ok', 'broken error', '(unknown) error', 'fine autocomplete']);
    // The deferred one is timed at its deferral, once, though an edit follows.
    expect(timed).toEqual(['fine', 'slow', 'broken', '(unknown)', 'fine']);
    expect(events).toContain('edit');
  });
});
