// Seed files that would lose records or flood the terminal: empty, comment-only, deleted, oversized, a tab in
// the indentation, the same mistake repeated. Through compileSeeds and through `shiting compile` (in this process, through the console's entry point).
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import { SeedCompileError } from '../../src/knowledge/open';
import { MAX_SEED_FILE_BYTES } from '../../src/knowledge/read-seeds';
import { formatSeedError, type SeedError, seedErrorReport } from '../../src/knowledge/seed-error';
import { removeTempDirs, tempDir } from '../discord/helpers';
import { shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MINI = path.join(ROOT, 'test/fixtures/seeds-mini');
const REAL = path.join(ROOT, 'seeds');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

afterAll(removeTempDirs);

function copyOf(seeds: string): string {
  const dir = path.join(tempDir('shiting-seed-files-'), 'seeds');
  cpSync(seeds, dir, { recursive: true });
  return dir;
}

function problems(seeds: string): string[] {
  const result = compileSeeds(seeds);
  if (result.ok) throw new Error(`${seeds} compiled, but it is meant to be broken`);
  return result.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.path}: ${e.message}`);
}

/** Replaces the two-space indentation of line `line` (1-based) with a tab. */
function tabAt(file: string, line: number): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[line - 1] = lines[line - 1]!.replace(/^ {2}/, '\t');
  writeFileSync(file, lines.join('\n'));
}

describe('compileSeeds: files that would drop records', () => {
  it('refuses an empty or comment-only seed file, and accepts `[]` as "none on purpose"', () => {
    const seeds = copyOf(MINI);
    const works = path.join(seeds, 'works.yaml');
    const refusal =
      'works.yaml:1: works: no records: the file is empty or only comments; list the works (`- id: …`), or write `[]` to say there are none';
    for (const text of ['', '\n\n', '# all gone\n# really\n']) {
      writeFileSync(works, text);
      expect(problems(seeds)).toEqual([refusal]);
    }
    writeFileSync(works, '# None yet: the first is announced next year.\n[]\n');
    const none = compileSeeds(seeds);
    expect(none.ok && none.index.counts.works).toBe(0);
  });

  it('refuses a deleted seed file, naming it, without cascading into references to its records', () => {
    const seeds = copyOf(MINI);
    rmSync(path.join(seeds, 'people.yaml'));
    // Other kinds cite wang-fang and li-ming; none of that is reported, only the missing file.
    expect(problems(seeds)).toEqual([
      'people.yaml:1: people: no such file; every kind has its seed file: restore it, or write `[]` in it if there are no people',
    ]);
  });

  it('refuses a seed file over the size limit without reading it', () => {
    const seeds = copyOf(MINI);
    // Sparse: the size is what is checked, so the test needs no 16 MB of disk or memory.
    truncateSync(path.join(seeds, 'works.yaml'), MAX_SEED_FILE_BYTES + 1);
    expect(problems(seeds)).toEqual([
      'works.yaml:1: works: the file is 16.0 MB, more than a seed file may be (16 MB); it was not read: is something in it repeated by mistake?',
    ]);
  });
});

describe('compileSeeds: YAML syntax', () => {
  it('says "tab" for a tab in the indentation, at its line, once, and checks no records of that file', () => {
    const seeds = copyOf(MINI);
    tabAt(path.join(seeds, 'people.yaml'), 2);
    const [only, ...rest] = problems(seeds);
    expect(rest).toEqual([]);
    expect(only).toMatch(
      /^people\.yaml:2: people: YAML syntax: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces( \(and \d+ more syntax errors after it, which may all come from this one; records are checked once the file parses\))?$/,
    );
  });

  it('reports the first of many syntax errors with its line and how many followed', () => {
    const seeds = copyOf(MINI);
    writeFileSync(path.join(seeds, 'works.yaml'), '- id: a\n  title: [x\n- id: b\n  by: ]\n  : :\n');
    const [only, ...rest] = problems(seeds);
    expect(rest).toEqual([]);
    expect(only).toMatch(
      /^works\.yaml:\d+: works: YAML syntax: \S.* \(and \d+ more syntax errors after it, /,
    );
  });
});

describe('seedErrorReport', () => {
  const at = (
    i: number,
    field = 'id',
    message = `duplicate id \`x-${i}\` (seeds/works.yaml:${i})`,
  ): SeedError => ({
    file: 'seeds/works.yaml',
    line: i,
    path: `works[x-${i}].${field}`,
    message,
  });

  it('shows the first three of one shape, then how many more are like them', () => {
    const errors = Array.from({ length: 1_136 }, (_, i) => at(i + 1));
    expect(seedErrorReport(errors)).toEqual([
      formatSeedError(errors[0]!),
      formatSeedError(errors[1]!),
      formatSeedError(errors[2]!),
      '  … and 1,133 more problems like this',
    ]);
  });

  it('keeps different shapes apart and in reading order', () => {
    const errors = [at(1), at(2, 'title', 'missing required field `title`'), at(3), at(4), at(5), at(6)];
    expect(seedErrorReport(errors)).toEqual([
      formatSeedError(errors[0]!),
      formatSeedError(errors[1]!),
      formatSeedError(errors[2]!),
      formatSeedError(errors[3]!),
      '  … and 2 more problems like this',
    ]);
  });

  it('caps the whole report, saying how many are not listed', () => {
    // A different unknown field in each record: every one its own shape.
    const errors = Array.from({ length: 500 }, (_, i) =>
      at(i + 1, `field${i}`, `unknown field \`field${i}\``),
    );
    const lines = seedErrorReport(errors);
    expect(lines).toHaveLength(60);
    expect(lines.at(-1)).toBe('… and 441 more problems not listed here');
  });

  it('is what a SeedCompileError says at start-up too', () => {
    const errors = Array.from({ length: 1_000 }, (_, i) => at(i + 1));
    expect(new SeedCompileError(errors).message.split('\n')).toEqual([
      'the seeds do not compile (1000 problems):',
      ...seedErrorReport(errors),
    ]);
  });
});

describe('shiting compile', () => {
  it('refuses an emptied or deleted works.yaml, leaving the index; `[]` compiles and reports "works: 26 → 0"', async () => {
    const real = { json: shippedIndexJson() };
    expect((JSON.parse(real.json) as { counts: { works: number } }).counts.works).toBe(26);
    /** A copy of the real seeds with works.yaml changed, and the index compiled from the real seeds beside it. */
    const variant = (works: string | undefined) => {
      const seeds = copyOf(REAL);
      if (works === undefined) rmSync(path.join(seeds, 'works.yaml'));
      else writeFileSync(path.join(seeds, 'works.yaml'), works);
      const out = path.join(path.dirname(seeds), 'index.json');
      writeFileSync(out, real.json);
      return { out, run: () => shitingInProcess(['compile', '--seeds', seeds, '--out', out], {}) };
    };
    const emptied = variant('# moved elsewhere\n');
    const deleted = variant(undefined);
    const none = variant('# None on purpose.\n[]\n');
    const e = await emptied.run();
    const d = await deleted.run();
    const n = await none.run();

    expect(e.code).toBe(1);
    expect(e.stderr).toContain('works.yaml:1: works: no records: the file is empty or only comments');
    expect(e.stderr).toMatch(/\n1 problem in .*seeds; .*index\.json was not changed\n$/);
    expect(readFileSync(emptied.out, 'utf8')).toBe(real.json);

    expect(d.code).toBe(1);
    expect(d.stderr).toContain('works.yaml:1: works: no such file; every kind has its seed file');
    expect(readFileSync(deleted.out, 'utf8')).toBe(real.json);

    expect(n.code).toBe(0);
    expect(n.stdout).toMatch(/^ {2}works +0$/m);
    expect(n.stdout).toContain('changed from the index it replaced:\n  works: 26 → 0\n');
  });

  it('prints one line that says "tab" for a tab in a real seed file', async () => {
    const seeds = copyOf(REAL);
    // Line 4 of people.yaml is a record's `  name:`, as in the 1,136-problem report.
    tabAt(path.join(seeds, 'people.yaml'), 4);
    const { code, stdout, stderr } = await shitingInProcess(['compile', '--seeds', seeds], {});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /people\.yaml:4: people: YAML syntax: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces \(and [\d,]+ more syntax errors after it/,
    );
    expect(lines[2]).toMatch(/^1 problem in /);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('caps the report of a file of repeated records', async () => {
    const seeds = copyOf(MINI);
    const works = readFileSync(path.join(MINI, 'works.yaml'), 'utf8');
    writeFileSync(path.join(seeds, 'works.yaml'), `${works.trimEnd()}\n`.repeat(300));
    const { code, stderr } = await shitingInProcess(['compile', '--seeds', seeds], {});
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(stderr).toContain('  … and 296 more problems like this\n');
    expect(stderr).toMatch(/\n299 problems in /);
  });
});
