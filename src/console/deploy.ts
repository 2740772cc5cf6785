// `shiting deploy [--guild ID]`: registers the slash commands with Discord, without starting the bot.
import { commands } from '../../commands';
import { ConfigError, readConfig } from '../config';
import { deployCommands, fetchApplicationId } from '../discord/deploy';
import { describeDiscordError } from '../discord/errors';
import { createRest } from '../discord/rest';

const USAGE = `usage: shiting deploy [--guild ID]

Registers Shiting's slash commands with Discord: globally (servers, DMs and user installs; Discord
may take up to an hour to show changes), or with --guild to one server at once (for development).
Without --guild, DISCORD_GUILD_ID is used when set. Needs DISCORD_TOKEN (see .env.example).
`;

type Parsed =
  | { ok: true; guildId?: string; global: boolean }
  | { ok: false; message: string }
  | { ok: 'help' };

function parseDeployArgs(argv: readonly string[]): Parsed {
  let guildId: string | undefined;
  let global = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (arg === '--global') global = true;
    else if (arg === '--guild' || arg.startsWith('--guild=')) {
      const value = arg.includes('=') ? arg.slice('--guild='.length) : argv[++i];
      if (!value || !/^\d{17,20}$/.test(value)) {
        return { ok: false, message: '--guild needs a server id (17–20 digits)' };
      }
      guildId = value;
    } else return { ok: false, message: `unknown argument "${arg}"` };
  }
  if (global && guildId) return { ok: false, message: 'use either --guild or --global, not both' };
  return { ok: true, guildId, global };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseDeployArgs(argv);
  if (args.ok === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!args.ok) {
    process.stderr.write(`shiting deploy: ${args.message}\n\n${USAGE}`);
    return 2;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.userMessage);
      return 1;
    }
    throw error;
  }
  const rest = createRest(config, { retries: 1 });
  const guildId = args.global ? undefined : (args.guildId ?? config.guildId);
  try {
    const applicationId = config.applicationId ?? (await fetchApplicationId(rest));
    const result = await deployCommands({
      rest,
      applicationId,
      guildId,
      definitions: commands.map((c) => c.definition),
    });
    const where = result.scope === 'guild' ? `to server ${result.guildId}` : 'globally';
    process.stdout.write(
      `Deployed ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`shiting deploy: ${describeDiscordError(error, config.apiUrl)}\n`);
    return 1;
  }
}
