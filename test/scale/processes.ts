// Shared by the multi-process tests: `shiting rest-proxy` in front of a fake Discord, the JSON log lines of a spawned
// process, and many guilds with their channels.

import { type Spawned, spawnShiting } from '../discord/helpers';
import type { FakeDiscord, FakeGuild } from '../fake-discord';

export type LogRecord = Record<string, unknown> & { msg?: string };

/** Resolves with the first JSON log line that `match` accepts; rejects if the process exits before it. */
export async function logLine(spawned: Spawned, match: (record: LogRecord) => boolean): Promise<LogRecord> {
  const [first] = await logLines(spawned, match, 1);
  return first!;
}

/** Resolves with the first `count` JSON log lines that `match` accepts; rejects if the process exits first. */
export function logLines(
  spawned: Spawned,
  match: (record: LogRecord) => boolean,
  count: number,
): Promise<LogRecord[]> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const found: LogRecord[] = [];
    const onData = (chunk: Buffer) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const record = JSON.parse(line) as LogRecord;
        if (!match(record)) continue;
        found.push(record);
        if (found.length < count) continue;
        spawned.child.stdout?.off('data', onData);
        resolve(found);
        return;
      }
    };
    spawned.child.stdout?.on('data', onData);
    void spawned.exit.then(({ output }) =>
      reject(new Error(`process exited before the log line:\n${output}`)),
    );
  });
}

/**
 * `shiting rest-proxy` on a free port, forwarding to the fake: `apiUrl` is what the others set DISCORD_API_URL to;
 * `httpPort` that of its /healthz and /metrics, with `withMetrics`.
 */
export async function startProxyProcess(
  fake: FakeDiscord,
  withMetrics = false,
  extraEnv: Record<string, string> = {},
): Promise<{ spawned: Spawned; apiUrl: string; httpPort?: number }> {
  const spawned = spawnShiting(['rest-proxy'], {
    ...extraEnv,
    DISCORD_TOKEN: fake.token,
    SHITING_UPSTREAM_API_URL: fake.apiUrl,
    SHITING_PROXY_PORT: '0',
    LOG_LEVEL: 'info',
    ...(withMetrics ? { SHITING_HTTP_PORT: '0' } : {}),
  });
  const names = ['REST proxy listening', ...(withMetrics ? ['health and metrics listening'] : [])];
  const lines = await logLines(spawned, (r) => names.includes(r.msg ?? ''), names.length);
  const port = (name: string) => lines.find((r) => r.msg === name)?.port as number | undefined;
  return {
    spawned,
    apiUrl: `http://127.0.0.1:${port('REST proxy listening')}/api`,
    httpPort: port('health and metrics listening'),
  };
}

/** Guild ids' timestamp bits start here (a multiple of 4): guild g is on shard g % N for N of 1, 2 or 4. */
const GUILD_TIME = 400_000_000_000n;

/** `count` guilds of `perGuild` channels, 19-digit ids as Discord's; guild g is on shard g % 4 of 4. */
export function manyGuilds(count: number, perGuild: number): FakeGuild[] {
  return Array.from({ length: count }, (_, g) => ({
    id: (((GUILD_TIME + BigInt(g)) << 22n) | 0x2a_1234n).toString(),
    channels: Array.from({ length: perGuild }, (_, c) => ({
      id: `13${String(g * perGuild + c).padStart(16, '0')}`,
    })),
  }));
}

/** A zone whose clock reads about noon now, so that a 10:00 run is due today and within the catch-up window. */
export function zoneNearNoon(now: Date): string {
  const shift = 12 - now.getUTCHours();
  return shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
}

/** Every process still running gets SIGKILL (for afterAll, after a failure). */
export function killAll(processes: readonly Spawned[]): void {
  for (const p of processes)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}
