// What to tell a person when Discord refuses or cannot be reached: one sentence, no stack trace, no token.
import { discordApiRefusal } from './api-errors';

export function describeDiscordError(error: unknown, apiUrl?: string): string {
  const where = apiUrl ?? 'Discord';
  const refusal = discordApiRefusal(error);
  if (refusal) {
    if (refusal.status === 401)
      return 'Discord did not accept DISCORD_TOKEN (401 Unauthorized). Reset the token in the Developer Portal and set it again.';
    if (refusal.status === 403)
      return `Discord refused (403, code ${refusal.code}): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited to that server with the applications.commands scope.`;
    return `Discord answered ${refusal.status} (code ${refusal.code}): ${refusal.message}`;
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'TokenInvalid')
    return 'Discord did not accept DISCORD_TOKEN. Reset the token in the Developer Portal and set it again.';
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents the bot asked for.';
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string' && /^E[A-Z]+/.test(code)) return `could not reach ${where} (${code}).`;
  if (typeof cause === 'string') return `could not reach ${where} (${cause}).`;
  return error instanceof Error ? error.message : String(error);
}
