// Resident memory of the running bot (`shiting start` as its own process) with the real index, against the
// fake Discord: with 1 guild and with 1,000 guilds in discord.js's cache, after serving some interactions.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureIndex } from '../src/knowledge/open';
import { type FakeGuild, startFakeDiscord } from '../test/fake-discord';
import { median, type Section } from './lib';

const BIN = fileURLToPath(new URL('../bin/shiting.mjs', import.meta.url));
/**
 * Node's flags as `npm start` (package.json) passes them: a 1 MiB young generation semi-space instead of V8's
 * 16 MiB, which the bot's small per-interaction allocations never need and which costs ~20 MiB resident.
 */
const NODE_FLAGS = ['--max-semi-space-size=1'];
const RUNS = 3;
const CHANNELS_PER_GUILD = 5;
const INTERACTIONS = 200;

function guilds(count: number): FakeGuild[] {
  return Array.from({ length: count }, (_, g) => ({
    id: (1200000000000000000n + BigInt(g)).toString(),
    name: `Guild ${g}`,
    channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => ({
      id: (1300000000000000000n + BigInt(g * CHANNELS_PER_GUILD + c)).toString(),
      name: `channel-${c}`,
    })),
  }));
}

/** VmRSS of a process, from Linux's /proc. */
function residentMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/** The compiled bundle in dist/ (what `npm start` runs) or the TypeScript sources through tsx (`npm run dev`). */
type Build = 'compiled' | 'tsx';

interface Measured {
  residentMiB: number;
  /** From spawning the process to its "connected to Discord" log line. */
  readyMs: number;
}

async function measure(guildCount: number, indexPath: string, build: Build): Promise<Measured> {
  const fake = await startFakeDiscord({ guilds: guilds(guildCount) });
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-memory-'));
  const deployed = fake.nextRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'start'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_INDEX: indexPath,
      SHITING_DB: path.join(dir, 'shiting.db'),
      LOG_LEVEL: 'info',
      ...(build === 'tsx' ? { SHITING_FROM_SOURCE: '1' } : {}),
    },
  });
  const ready = new Promise<number>((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('connected to Discord')) resolve(performance.now() - spawnedAt);
    });
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const readyMs = await ready;
    await deployed;
    for (let i = 0; i < INTERACTIONS; i++)
      await fake.sendCommand({ name: 'about', guildId: fake.guilds[i % guildCount]!.id });
    return { residentMiB: residentMiB(child.pid!), readyMs };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Section[]> {
  const indexDir = mkdtempSync(path.join(tmpdir(), 'shiting-memory-index-'));
  const indexPath = path.join(indexDir, 'index.json');
  ensureIndex('seeds', indexPath);
  const runs: Record<Build, { one: Measured[]; thousand: Measured[] }> = {
    compiled: { one: [], thousand: [] },
    tsx: { one: [], thousand: [] },
  };
  try {
    // Interleaved, so that the machine's load falls on both builds alike.
    for (let i = 0; i < RUNS; i++)
      for (const build of ['compiled', 'tsx'] as const) {
        runs[build].one.push(await measure(1, indexPath, build));
        runs[build].thousand.push(await measure(1000, indexPath, build));
      }
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
  const rss = (list: Measured[]) => median(list.map((m) => m.residentMiB));
  const ready = (list: Measured[]) => median(list.map((m) => m.readyMs));
  const { compiled, tsx } = runs;
  return [
    {
      title: 'Memory and start-up of the running bot',
      figures: [
        {
          name: 'resident memory, 1 guild, compiled',
          value: rss(compiled.one),
          unit: 'MiB',
          target: { op: '<=', value: 110 },
        },
        { name: 'resident memory, 1 guild, tsx (baseline)', value: rss(tsx.one), unit: 'MiB' },
        { name: 'resident memory, 1,000 guilds, compiled', value: rss(compiled.thousand), unit: 'MiB' },
        { name: 'resident memory, 1,000 guilds, tsx', value: rss(tsx.thousand), unit: 'MiB' },
        {
          name: 'per cached guild, compiled',
          value: ((rss(compiled.thousand) - rss(compiled.one)) / 999) * 1024,
          unit: 'KiB',
        },
        {
          name: 'start to connected, compiled',
          value: ready(compiled.one),
          unit: 'ms',
          target: { op: '<=', value: 1000 },
        },
        { name: 'start to connected, tsx (baseline)', value: ready(tsx.one), unit: 'ms' },
      ],
      notes: [
        `\`shiting start\` as its own process (Node ${process.version}), the compiled bundle in dist/ beside the sources through tsx, both with npm start's node flags (${NODE_FLAGS.join(' ')}), with the real index, against the fake Discord; guilds of ${CHANNELS_PER_GUILD} text channels each; VmRSS after ${INTERACTIONS} /about interactions; start to connected is spawn to the "connected to Discord" log line (1 guild); median of ${RUNS} runs each.`,
      ],
    },
  ];
}
