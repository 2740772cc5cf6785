// `shiting compile` and ensureIndex: counts and hash on success; on failure every problem, exit 1, old index intact.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/console/compile';
import { compileSeeds } from '../../src/knowledge/compile';
import { INDEX_SCHEMA_VERSION } from '../../src/knowledge/knowledge-base';
import { ensureIndex, SeedCompileError } from '../../src/knowledge/open';
import { removeTempDirs, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

const MINI = 'test/fixtures/seeds-mini';
let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = tempDir('shiting-compile-');
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
});
afterEach(() => vi.restoreAllMocks());

describe('shiting compile', () => {
  it('writes the index and prints the count of each kind and the hash', async () => {
    const file = path.join(dir, 'nested', 'index.json');
    expect(await run(['--seeds', MINI, '--out', file])).toBe(0);
    const expected = compileSeeds(MINI);
    if (!expected.ok) throw new Error('mini seeds must compile');
    expect(readFileSync(file, 'utf8')).toBe(expected.json);
    const text = out.join('');
    expect(text).toMatch(/^ {2}editions +3$/m);
    expect(text).toMatch(/^ {2}people +2$/m);
    expect(text).toMatch(/^ {2}total +15$/m);
    expect(text).toContain(`hash ${expected.index.hash}`);
    expect(readdirSync(path.dirname(file))).toEqual(['index.json']);
  });

  it('accepts --index as the output path', async () => {
    const file = path.join(dir, 'via-index.json');
    expect(await run(['--seeds', MINI, '--index', file])).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it('exits 1 on an empty seeds folder, leaving the previous index intact', async () => {
    const file = path.join(dir, 'index.json');
    writeFileSync(file, 'the previous index');
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    expect(await run(['--seeds', empty, '--out', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('the previous index');
    expect(err.join('')).toContain(': seeds: no seed files in this folder; expected sources.yaml');
    expect(out.join('')).toBe('');
  });

  it('prints every problem, exits 1 and leaves the previous index intact', async () => {
    const file = path.join(dir, 'index.json');
    writeFileSync(file, 'the previous index');
    expect(await run(['--seeds', 'test/fixtures/seeds-many', '--out', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('the previous index');
    expect(readdirSync(dir)).toEqual(['index.json']);
    const text = err.join('');
    expect(text).toContain(
      'test/fixtures/seeds-many/statistics.yaml:7: statistics[users-2023].edition: unknown edition `expo-9`',
    );
    expect(text.match(/^test\/fixtures\/seeds-many\/\S+\.yaml:\d+: /gm)).toHaveLength(4);
    expect(text).toMatch(/4 problems in test\/fixtures\/seeds-many; .*index\.json was not changed/);
  });

  it('exits 2 with usage on an unknown flag or a stray argument', async () => {
    expect(await run(['--frobnicate'])).toBe(2);
    expect(err.join('')).toContain('usage: shiting compile');
    expect(await run(['seeds'])).toBe(2);
  });

  it('prints usage with --help', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(out.join('')).toContain('usage: shiting compile');
  });
});

describe('ensureIndex', () => {
  function seedsCopy(): string {
    const seeds = path.join(dir, 'seeds');
    cpSync(MINI, seeds, { recursive: true });
    return seeds;
  }
  /** Sets a file's times, so freshness never depends on the clock or the file system's resolution. */
  function age(file: string, seconds: number): void {
    utimesSync(file, seconds, seconds);
  }

  it('compiles a missing index, then leaves a current one alone', () => {
    const seeds = seedsCopy();
    const file = path.join(dir, 'build', 'index.json');
    expect(ensureIndex(seeds, file)).toEqual({ compiled: true });
    for (const f of [seeds, ...readdirSync(seeds).map((f) => path.join(seeds, f))]) age(f, 1_000);
    age(file, 2_000);
    expect(ensureIndex(seeds, file)).toEqual({ compiled: false });
  });

  it('recompiles when a seed file is newer than the index', () => {
    const seeds = seedsCopy();
    const file = path.join(dir, 'index.json');
    writeFileSync(file, `{"schemaVersion":${INDEX_SCHEMA_VERSION},"stale":true}`);
    for (const f of [seeds, ...readdirSync(seeds).map((f) => path.join(seeds, f))]) age(f, 1_000);
    age(file, 2_000);
    age(path.join(seeds, 'people.yaml'), 3_000);
    expect(ensureIndex(seeds, file)).toEqual({ compiled: true });
    expect(readFileSync(file, 'utf8')).toMatch(
      new RegExp(`^\\{"schemaVersion":${INDEX_SCHEMA_VERSION},"hash":`),
    );
  });

  it('recompiles an index of another schema version even when it is newer than the seeds', () => {
    const seeds = seedsCopy();
    const file = path.join(dir, 'index.json');
    writeFileSync(file, '{"schemaVersion":0,"old":true}');
    for (const f of [seeds, ...readdirSync(seeds).map((f) => path.join(seeds, f))]) age(f, 1_000);
    age(file, 2_000);
    expect(ensureIndex(seeds, file)).toEqual({ compiled: true });
  });

  it('throws SeedCompileError listing every problem and writes nothing', () => {
    const file = path.join(dir, 'index.json');
    const attempt = () => ensureIndex('test/fixtures/seeds-shown', file);
    expect(attempt).toThrow(SeedCompileError);
    expect(attempt).toThrow(/2 problems\):\ntest\/fixtures\/seeds-shown\/editions\.yaml:4: /);
    expect(existsSync(file)).toBe(false);
  });
});
