// `shiting ask … --out FILE` (through main, in this process): the chart of the reply lands in FILE as a PNG.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import { pngSize } from '../chart/fixtures';
import { runMain } from '../support/in-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let index: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-chart-'));
  index = path.join(dir, 'index.json');
  const result = compileSeeds(path.join(ROOT, 'seeds'));
  if (!result.ok) throw new Error('seeds do not compile');
  writeFileSync(index, result.json);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(...args: string[]) {
  return runMain(['ask', ...args], { cwd: ROOT, env: { SHITING_INDEX: index } });
}

describe('shiting ask --out', () => {
  it('writes the /stat chart as a PNG', async () => {
    const out = path.join(dir, 'chart.png');
    const run = await ask('/stat query:short video users', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# number of short-video users in China/);
    expect(run.out).toContain('[chart.png: number of short-video users in China]');
    expect(run.err).toContain(`wrote chart.png to ${out}`);
    expect(pngSize(readFileSync(out))).toEqual({ width: 800, height: 450 });
  });

  it('takes compare:true as a boolean and writes the comparison chart', async () => {
    const out = path.join(dir, 'compare.png');
    const run = await ask('--locale', 'zh-CN', '/edition query:11th compare:true', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# 第十一届中国网络视听大会/);
    expect(pngSize(readFileSync(out)).width).toBe(800);
  });

  it('refuses a compare value that is not a boolean, naming the option', async () => {
    const out = path.join(dir, 'never.png');
    const run = await ask('/edition query:11th compare:yes', '--out', out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/option "compare" of \/edition takes a boolean, not "yes"/);
    expect(existsSync(out)).toBe(false);
  });
});
