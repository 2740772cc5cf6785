// The running bot: a discord.js client whose interactions go through the router, with commands deployed.
import { REST } from '@discordjs/rest';
import { type Client, Events } from 'discord.js';
import { type APIInteraction, GatewayDispatchEvents } from 'discord-api-types/v10';
import type { Command, Knowledge, MessageCommand, Services } from '../../commands/types';
import type { Logger } from '../logger';
import type { ChartRenderer } from '../render/chart';
import { type ChartPool, createChartPool } from '../render/chart/pool';
import { createClient } from './client';
import { type DeployResult, deployCommands } from './deploy';
import { FATAL_CLOSE_CODES, GatewayClosedError } from './errors';
import { restOptions } from './rest';
import {
  createInteractionRouter,
  type DeferTimer,
  type InteractionRouter,
  type RouterMetrics,
} from './router';
import { clientShards, deploysCommands, type ShardInfo } from './shards';
import { restTransport } from './transport';

export interface BotOptions {
  token: string;
  apiUrl?: string;
  /** Read from Discord's READY when absent. */
  applicationId?: string;
  /** Deploy the commands to this server only. */
  guildId?: string;
  commands: readonly Command[];
  /** Message context-menu commands, deployed and routed beside `commands`; none when absent. */
  messageCommands?: readonly MessageCommand[];
  knowledge: Knowledge;
  logger: Logger;
  clock?: () => Date;
  /** Services for handlers; a function when they need the client (its REST client, its guild cache). */
  services?: Services | ((client: Client) => Services);
  /** The zone handlers take "today" in; Asia/Shanghai when absent. */
  timeZone?: string;
  /** Told when the bot leaves a server, and of every server it is in (at start and on joining). */
  guildEvents?: GuildEvents;
  /** Deploy the command definitions after login (default true). */
  deploy?: boolean;
  deferAfterMs?: number;
  /** See RouterOptions.deferTimer. */
  deferTimer?: DeferTimer;
  /**
   * Where charts are drawn: by default a worker pool this bot starts and stops; `false` draws them in the
   * handler on the main thread (the benchmark's baseline); or a renderer of the caller's (tests).
   */
  charts?: ChartRenderer | false;
  /** Handlers one per event-loop turn (default true); see RouterOptions.queue. */
  queue?: boolean;
  /** See RouterOptions.deferBeyond. */
  deferBeyond?: number;
  /** The shards to connect; by default those a ShardingManager's environment names, else shard 0 of 1. */
  shards?: ShardInfo;
  /**
   * Told when, after start, Discord closes a shard's gateway with a code discord.js does not recover from: the
   * process still looks alive but will never get another interaction. Before start, startBot rejects instead.
   */
  onGatewayLost?: (error: GatewayClosedError) => void;
  /** Counts interactions and times their first response (GET /metrics); nothing is counted when absent. */
  metrics?: RouterMetrics;
}

export interface GuildEvents {
  left(guildId: string): void;
  joined(guildId: string): void;
}

export interface BotHandle {
  client: Client<true>;
  /** The client's REST client (rate limits shared with everything the bot sends). */
  rest: REST;
  applicationId: string;
  /** The shards this process serves: its guilds, and whether it deploys the commands (shard 0 does). */
  shards: ShardInfo;
  router: InteractionRouter;
  deployed?: DeployResult;
  /** Stop taking interactions and let the ones in flight finish; the connection stays up for REST. */
  drain(): Promise<void>;
  /** Drain, then close the gateway connection. */
  stop(): Promise<void>;
}

/** The private part of discord.js's client that turns an INTERACTION_CREATE packet into its Interaction objects. */
interface InteractionAction {
  handle(data: unknown): unknown;
}

/**
 * discord.js also builds its own Interaction object from every INTERACTION_CREATE (after the router has the
 * raw packet); the bot never uses it. A malformed packet (permissions that are not a number, options that are
 * not a list) makes that throw inside the gateway handler, as an unhandled rejection: the router answers such an
 * interaction with its failure reply, so discord.js's copy failing is only noted at debug level.
 */
function guardInteractionAction(client: Client, logger: Logger): void {
  const actions = (client as unknown as { actions?: { InteractionCreate?: InteractionAction } }).actions;
  const action = actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') return;
  const handle = action.handle.bind(action);
  action.handle = (data) => {
    try {
      return handle(data);
    } catch (error) {
      logger.debug({ err: error }, 'discord.js could not read an interaction; the router answered it');
      return undefined;
    }
  };
}

/** Its sweeper timers are unref'd, but a stopped bot leaves none behind. */
function stopRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

/** Logs in and resolves once every guild has arrived (discord.js's ClientReady) and the commands are deployed. */
export async function startBot(options: BotOptions): Promise<BotHandle> {
  const { logger } = options;
  // Its worker threads start with the first chart (see createChartPool).
  const ownPool: ChartPool | undefined =
    options.charts === undefined ? createChartPool({ logger }) : undefined;
  const charts = options.charts === false ? undefined : (options.charts ?? ownPool);
  const client = createClient({ apiUrl: options.apiUrl });
  // Interaction-token routes only (no bot token): see restTransport. Its global count is set out of the way.
  const webhooks = new REST({ ...restOptions(options.apiUrl), globalRequestsPerSecond: 10_000 });
  // discord.js reads these at login, so explicit shards (tests, embedding) override the environment's.
  if (options.shards)
    Object.assign(client.options, { shards: [...options.shards.ids], shardCount: options.shards.count });
  const router = createInteractionRouter({
    commands: options.commands,
    messageCommands: options.messageCommands,
    knowledge: options.knowledge,
    transport: restTransport(client.rest, webhooks),
    logger,
    clock: options.clock,
    services: {
      ...(typeof options.services === 'function' ? options.services(client) : options.services),
      ...(charts ? { charts } : {}),
    },
    timeZone: options.timeZone,
    deferAfterMs: options.deferAfterMs,
    deferTimer: options.deferTimer,
    queue: options.queue,
    deferBeyond: options.deferBeyond,
    metrics: options.metrics,
  });
  // The raw gateway payload is exactly the API's JSON that the router and handlers are typed against.
  const onInteraction = (data: APIInteraction) => void router.handle(data);
  client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteraction);
  guardInteractionAction(client, logger);
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord.js warning'));
  let started = false;
  let lost: GatewayClosedError | undefined;
  let rejectReady: (error: GatewayClosedError) => void = () => {};
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (!FATAL_CLOSE_CODES.has(event.code)) {
      logger.warn({ code: event.code, shardId }, 'gateway disconnected');
      return;
    }
    // discord.js gives up on this shard; staying up would only look alive.
    lost ??= new GatewayClosedError(event.code, shardId, started);
    logger.error({ code: event.code, shardId }, 'gateway closed for good; discord.js will not reconnect');
    if (!started) rejectReady(lost);
    else options.onGatewayLost?.(lost);
  });
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway session resumed'));
  // discord.js emits GuildDelete only for a real removal (an outage is GuildUnavailable), GuildCreate for joins.
  const guildEvent = (kind: keyof GuildEvents, guildId: string) => {
    try {
      options.guildEvents?.[kind](guildId);
    } catch (error) {
      logger.error({ err: error, guildId, kind }, 'guild event handler failed');
    }
  };
  client.on(Events.GuildDelete, (guild) => {
    logger.info({ guildId: guild.id }, 'removed from a guild');
    guildEvent('left', guild.id);
  });
  client.on(Events.GuildCreate, (guild) => {
    logger.info({ guildId: guild.id }, 'added to a guild');
    guildEvent('joined', guild.id);
  });

  const ready = new Promise<Client<true>>((resolve, reject) => {
    client.once(Events.ClientReady, resolve);
    rejectReady = reject;
  });
  // Rejected only before start, and then awaited below or superseded by login's own rejection.
  ready.catch(() => {});
  let readyClient: Client<true>;
  try {
    await client.login(options.token);
    readyClient = await ready;
  } catch (error) {
    await client.destroy();
    await ownPool?.destroy();
    stopRest(webhooks);
    // For a 4004 at IDENTIFY discord.js rejects with a bare "Authentication failed"; the close code says more.
    throw lost ?? error;
  }
  started = true;
  const applicationId = options.applicationId ?? readyClient.application.id;
  const shards = clientShards(readyClient);
  // Servers that came back while the bot was offline arrive with READY, not as joins.
  for (const guildId of readyClient.guilds.cache.keys()) guildEvent('joined', guildId);
  logger.info(
    { user: readyClient.user.tag, applicationId, guilds: readyClient.guilds.cache.size, shards },
    'connected to Discord',
  );

  let deployed: DeployResult | undefined;
  if (options.deploy !== false && !deploysCommands(shards)) {
    logger.info({ shards }, 'commands are deployed by the process of shard 0');
  } else if (options.deploy !== false) {
    try {
      deployed = await deployCommands({
        rest: client.rest,
        applicationId,
        definitions: [
          ...options.commands.map((c) => c.definition),
          ...(options.messageCommands ?? []).map((c) => c.definition),
        ],
        guildId: options.guildId,
      });
      logger.info(deployed, 'commands deployed');
    } catch (error) {
      // The commands deployed last time still work; serving them beats refusing to start.
      logger.error({ err: error }, 'command deployment failed; serving the previously deployed commands');
    }
  }

  async function drain(): Promise<void> {
    client.ws.removeListener(GatewayDispatchEvents.InteractionCreate, onInteraction);
    await router.idle();
  }

  return {
    client: readyClient,
    rest: client.rest,
    applicationId,
    shards,
    router,
    deployed,
    drain,
    async stop() {
      await drain();
      await client.destroy();
      stopRest(webhooks);
      // Idle workers do not hold the process open, but a stopped bot leaves no threads behind.
      await ownPool?.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
