// `npm start` / `shiting start`: validate the configuration, load the knowledge, connect, deploy, serve, and
// shut down cleanly on SIGINT/SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { REST } from '@discordjs/rest';
import type { Client } from 'discord.js';
import type { Services } from '../../commands/types';
import { type Config, ConfigError, readConfig } from '../config';
import { createLogger, type Logger } from '../logger';
import { type BotHandle, startBot } from './bot';
import { describeDiscordError } from './errors';
import { installProcessGuards } from './process-guards';

export { type BotHandle, type BotOptions, startBot } from './bot';

/** seeds/ ships with the code, so it is found from here whatever the working directory. */
const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));

/**
 * The digest feature as the runtime sees it: services for `/digest` (built once the client exists) and a
 * scheduler started after login and stopped first at shutdown.
 */
export interface DigestRuntime {
  services(client: Client): Services;
  start(rest: REST): void;
  /** Stop scheduling, let in-flight posts finish, close the database. */
  stop(): Promise<void>;
}

export interface ShitingOptions {
  config: Config;
  logger: Logger;
  clock?: () => Date;
}

export interface ShitingHandle {
  bot: BotHandle;
  stop(): Promise<void>;
}

/** HOOK: the digest scheduler (src/digest) plugs in here; until then the bot serves lookups only. */
async function createDigestRuntime(_options: ShitingOptions): Promise<DigestRuntime | undefined> {
  return undefined;
}

/** Everything `npm start` runs, in-process: index, knowledge, commands, digests, the Discord client. */
export async function startShiting(options: ShitingOptions): Promise<ShitingHandle> {
  const { config, logger, clock } = options;
  // Loaded here, not at the top: a configuration error is reported before any of this is read.
  const [{ ensureIndex, openKnowledge }, { resolveIndexPath }, { commands }] = await Promise.all([
    import('../knowledge/open'),
    import('../knowledge/load'),
    import('../../commands'),
  ]);
  const indexPath = resolveIndexPath(config.indexPath);
  await ensureIndex(SEEDS_DIR, indexPath);
  const knowledge = openKnowledge(indexPath);
  logger.info(
    { indexPath: path.relative(process.cwd(), indexPath), records: knowledge.kb.counts },
    'knowledge loaded',
  );

  const digests = await createDigestRuntime(options);
  let bot: BotHandle;
  try {
    bot = await startBot({
      token: config.token,
      apiUrl: config.apiUrl,
      applicationId: config.applicationId,
      guildId: config.guildId,
      commands,
      knowledge,
      logger,
      clock,
      services: digests ? (client) => digests.services(client) : undefined,
    });
  } catch (error) {
    await digests?.stop();
    throw error;
  }
  digests?.start(bot.rest);
  return {
    bot,
    async stop() {
      await digests?.stop();
      await bot.stop();
    },
  };
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // A second signal while shutting down means "now".
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      'usage: shiting start\n\nRuns the bot; configuration from the environment or .env (see .env.example).\n',
    );
    return 0;
  }
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.userMessage);
      return 1;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  installProcessGuards(logger);
  const stopSignal = waitForSignal();
  let app: ShitingHandle;
  try {
    app = await startShiting({ config, logger });
  } catch (error) {
    const message = describeDiscordError(error, config.apiUrl);
    logger.fatal({ err: error }, 'could not start');
    process.stderr.write(`shiting start: ${message}\n`);
    return 1;
  }
  const signal = await stopSignal;
  logger.info({ signal }, 'shutting down');
  await app.stop();
  logger.info('stopped');
  return 0;
}
