// `shiting deploy [--guild ID]`: registers the slash commands with Discord, without starting the bot.
import { commands, messageCommands } from '../../commands';
import { readConfigOrSay } from '../config';
import { deployCommands, fetchApplicationId } from '../discord/deploy';
import { describeDiscordError } from '../discord/errors';
import { createRest } from '../discord/rest';
import { type FlagValues, parseFlags, type Usage, usageError } from './flags';

const USAGE = {
  command: 'deploy',
  flags: {
    guild: { value: 'ID', about: 'register with this one server at once (for development)' },
    global: { about: 'register globally even when DISCORD_GUILD_ID is set' },
  },
  notes: `Registers Shiting's slash commands with Discord: globally (servers, DMs and user installs; Discord
may take up to an hour to show changes), or with --guild to one server at once (for development).
Without --guild, DISCORD_GUILD_ID is used when set. Needs DISCORD_TOKEN (see .env.example).`,
} as const satisfies Usage;

type Parsed = { ok: true; guildId?: string; global: boolean } | { ok: false; message: string };

/** The flags' values checked; parseFlags has already refused unknown flags and missing values. */
function check(values: FlagValues<typeof USAGE.flags>): Parsed {
  const { guild, global = false } = values;
  if (guild !== undefined && !/^\d{17,20}$/.test(guild))
    return { ok: false, message: '--guild needs a server id (17–20 digits)' };
  if (global && guild) return { ok: false, message: 'use either --guild or --global, not both' };
  return { ok: true, guildId: guild, global };
}

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv);
  if ('exit' in read) return read.exit;
  const args = check(read.values);
  if (!args.ok) return usageError(USAGE, args.message);
  const config = readConfigOrSay();
  if (!config) return 1;
  const rest = createRest(config, { retries: 1 });
  const guildId = args.global ? undefined : (args.guildId ?? config.guildId);
  try {
    const applicationId = config.applicationId ?? (await fetchApplicationId(rest));
    const result = await deployCommands({
      rest,
      applicationId,
      guildId,
      definitions: [...commands.map((c) => c.definition), ...messageCommands.map((c) => c.definition)],
    });
    const where = result.scope === 'guild' ? `to server ${result.guildId}` : 'globally';
    process.stdout.write(
      `Deployed ${result.names.length} commands ${where}: ${result.names.map((n) => (/ /.test(n) ? `“${n}”` : `/${n}`)).join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`shiting deploy: ${describeDiscordError(error, config.apiUrl)}\n`);
    return 1;
  }
}
