// `shiting ask … --out FILE` (through main, in this process): the chart of the reply lands in FILE as a PNG.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../chart/fixtures';
import { runMain } from '../support/in-process';
import { realIndex } from '../support/real-index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const real = realIndex('shiting-chart-');

function ask(...args: string[]) {
  return runMain(['ask', ...args], { cwd: ROOT, env: { SHITING_INDEX: real.index } });
}

describe('shiting ask --out', () => {
  it('writes the /stat chart as a PNG', async () => {
    const out = path.join(real.dir, 'chart.png');
    const run = await ask('/stat query:short video users', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# number of short-video users in China/);
    expect(run.out).toContain('[chart.png: number of short-video users in China]');
    expect(run.err).toContain(`wrote chart.png to ${out}`);
    expect(pngSize(readFileSync(out))).toEqual({ width: 800, height: 450 });
  });

  it('takes compare:true as a boolean and writes the comparison chart', async () => {
    const out = path.join(real.dir, 'compare.png');
    const run = await ask('--locale', 'zh-CN', '/edition query:11th compare:true', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# 第十一届中国网络视听大会/);
    expect(pngSize(readFileSync(out)).width).toBe(800);
  });

  it('refuses a compare value that is not a boolean, naming the option', async () => {
    const out = path.join(real.dir, 'never.png');
    const run = await ask('/edition query:11th compare:yes', '--out', out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/option "compare" of \/edition takes a boolean, not "yes"/);
    expect(existsSync(out)).toBe(false);
  });
});
