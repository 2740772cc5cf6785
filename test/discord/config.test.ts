// Configuration: clear messages naming the variable, defaults, and a token that never leaks.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { captureLogger } from './helpers';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('applies defaults and treats blank values as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '  ', LOG_LEVEL: '' })).toEqual({
      token: TOKEN,
      applicationId: undefined,
      guildId: undefined,
      apiUrl: undefined,
      dbPath: 'data/shiting.db',
      indexPath: undefined,
      logLevel: 'info',
      digestTimezone: 'Asia/Shanghai',
    });
  });

  it('reads every variable', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '1100000000000000001',
      DISCORD_GUILD_ID: '1200000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      SHITING_DB: '/tmp/x.db',
      SHITING_INDEX: '/tmp/index.json',
      LOG_LEVEL: 'debug',
      DIGEST_DEFAULT_TIMEZONE: 'Europe/Berlin',
    });
    expect(config).toMatchObject({
      applicationId: '1100000000000000001',
      guildId: '1200000000000000001',
      apiUrl: 'http://127.0.0.1:9999/api',
      dbPath: '/tmp/x.db',
      indexPath: '/tmp/index.json',
      logLevel: 'debug',
      digestTimezone: 'Europe/Berlin',
    });
  });

  it('names the variable that is missing or malformed, without echoing the token', () => {
    expect(problems({})).toEqual([expect.stringContaining('DISCORD_TOKEN is not set')]);
    const bad = 'not-a-token-but-a-secret';
    const messages = problems({ DISCORD_TOKEN: bad });
    expect(messages).toEqual([expect.stringContaining('DISCORD_TOKEN does not look like a bot token')]);
    expect(messages.join()).not.toContain(bad);
    expect(problems({ DISCORD_TOKEN: `Bot ${TOKEN}` })).toEqual([
      expect.stringContaining('without the "Bot " prefix'),
    ]);
    expect(problems({ DISCORD_TOKEN: TOKEN, DIGEST_DEFAULT_TIMEZONE: 'Mars/Olympus' })).toEqual([
      expect.stringContaining('DIGEST_DEFAULT_TIMEZONE'),
    ]);
    expect(problems({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'abc' })).toEqual([
      expect.stringContaining('DISCORD_GUILD_ID'),
    ]);
    expect(problems({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://x/api/v10' })).toEqual([
      expect.stringContaining('DISCORD_API_URL'),
    ]);
    for (const url of ['ftp://127.0.0.1/api', 'javascript:alert(1)', 'file:///etc/passwd'])
      expect(problems({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: url })).toEqual([
        expect.stringContaining('DISCORD_API_URL must start with http:// or https://'),
      ]);
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'https://proxy.example/api' }).apiUrl).toBe(
      'https://proxy.example/api',
    );
    expect(problems({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' })).toEqual([
      expect.stringContaining('LOG_LEVEL'),
    ]);
  });

  it('reads SHITING_INVALID_REQUEST_LIMIT as a whole number below Discord’s ban', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }).invalidRequestLimit).toBeUndefined();
    expect(
      parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_INVALID_REQUEST_LIMIT: '500' }).invalidRequestLimit,
    ).toBe(500);
    for (const bad of ['0', '10000', '1.5', 'lots'])
      expect(problems({ DISCORD_TOKEN: TOKEN, SHITING_INVALID_REQUEST_LIMIT: bad })).toEqual([
        expect.stringContaining('SHITING_INVALID_REQUEST_LIMIT must be a whole number from 1 to 9000'),
      ]);
  });

  it('reads SHITING_HTTP_PORT as a port from 0 to 65535, and no server at all when unset', () => {
    const unset = parseConfig({ DISCORD_TOKEN: TOKEN });
    expect(unset.httpPort).toBeUndefined();
    expect(unset.httpHost).toBeUndefined();
    for (const port of [0, 9464, 65535])
      expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_HTTP_PORT: String(port) }).httpPort).toBe(port);
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_HTTP_HOST: '127.0.0.1' }).httpHost).toBe('127.0.0.1');
    for (const bad of ['65536', '-1', '80.5', 'http'])
      expect(problems({ DISCORD_TOKEN: TOKEN, SHITING_HTTP_PORT: bad })).toEqual([
        expect.stringContaining('SHITING_HTTP_PORT must be a port number from 0 to 65535'),
      ]);
  });

  it('tells a person what to set and that `npx shiting ask` works without Discord', () => {
    const error = new ConfigError(['DISCORD_TOKEN is not set.']);
    expect(error.userMessage).toContain('.env.example');
    expect(error.userMessage).toContain('npx shiting ask');
  });

  it('keeps the token out of log lines, by field and inside text', () => {
    const { logger, lines } = captureLogger('info', [TOKEN]);
    logger.info({ config: { token: TOKEN }, token: TOKEN }, 'starting');
    logger.error({ err: new Error(`request with ${TOKEN} failed`) }, `oops ${TOKEN}`);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).toContain('[redacted]');
  });
});
