// The configuration serve reads: DISCORD_PUBLIC_KEY checked for its shape, and no bot token needed by serve alone.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { publicKeyFromHex } from '../../src/http/signature';

const KEY = 'a1'.repeat(32);

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('serve configuration', () => {
  it('takes DISCORD_PUBLIC_KEY, and no DISCORD_TOKEN when told the token is not needed', () => {
    const config = parseConfig({ DISCORD_PUBLIC_KEY: KEY }, { token: false });
    expect(config.publicKey).toBe(KEY);
    expect(config.token).toBe('');
    expect(publicKeyFromHex(KEY).asymmetricKeyType).toBe('ed25519');
  });

  it('still needs DISCORD_TOKEN for everything else', () => {
    expect(problems(() => parseConfig({ DISCORD_PUBLIC_KEY: KEY }))[0]).toMatch(/^DISCORD_TOKEN is not set/);
  });

  it.each(['a1', KEY.slice(1), `${KEY}0`, `${KEY.slice(2)}zz`])(
    'refuses a public key shaped like %s',
    (key) => {
      expect(problems(() => parseConfig({ DISCORD_PUBLIC_KEY: key }, { token: false }))).toEqual([
        "DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key).",
      ]);
    },
  );
});
