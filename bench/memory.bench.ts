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

async function measure(guildCount: number, indexPath: string): Promise<number> {
  const fake = await startFakeDiscord({ guilds: guilds(guildCount) });
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-memory-'));
  const deployed = fake.nextRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    stdio: 'ignore',
    env: {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_INDEX: indexPath,
      SHITING_DB: path.join(dir, 'shiting.db'),
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await deployed;
    for (let i = 0; i < INTERACTIONS; i++)
      await fake.sendCommand({ name: 'about', guildId: fake.guilds[i % guildCount]!.id });
    return residentMiB(child.pid!);
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
  const one: number[] = [];
  const thousand: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      one.push(await measure(1, indexPath));
      thousand.push(await measure(1000, indexPath));
    }
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
  return [
    {
      title: 'Memory of the running bot',
      figures: [
        { name: 'resident memory, 1 guild', value: median(one), unit: 'MiB' },
        { name: 'resident memory, 1,000 guilds', value: median(thousand), unit: 'MiB' },
        { name: 'per cached guild', value: ((median(thousand) - median(one)) / 999) * 1024, unit: 'KiB' },
      ],
      notes: [
        `\`shiting start\` as its own process (Node ${process.version}, through tsx) with the real index, against the fake Discord; guilds of ${CHANNELS_PER_GUILD} text channels each; VmRSS after ${INTERACTIONS} /about interactions; median of ${RUNS} runs.`,
      ],
    },
  ];
}
