// `shiting compile`: seeds → index file; prints the counts and hash, or every seed problem (exit 1).
import path from 'node:path';
import { compileSeeds } from '../knowledge/compile';
import { assertReplaceable, IndexTargetError, inspectIndexFile } from '../knowledge/index-target';
import { resolveIndexPath } from '../knowledge/load';
import { KINDS } from '../knowledge/schema';
import { seedErrorReport } from '../knowledge/seed-error';
import { writeIndexFile } from '../knowledge/write-index';
import { parseFlags, type Usage, usageError } from './flags';

const USAGE = {
  command: 'compile',
  flags: {
    seeds: { value: 'DIR', about: 'the folder of seed files (default: seeds)' },
    out: {
      value: 'FILE',
      about: 'where to write the index (default: $SHITING_INDEX, else build/index.json)',
    },
    index: { value: 'FILE', about: 'the same as --out' },
  },
  notes:
    'Only a Shiting index (of this version or an older one) is replaced; any other file there is left alone\nand reported.',
} as const satisfies Usage;

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv);
  if ('exit' in read) return read.exit;
  const { values } = read;
  if (values.out && values.index && path.resolve(values.out) !== path.resolve(values.index)) {
    return usageError(USAGE, '--out and --index name different files; give one');
  }
  const seedsDir = values.seeds ?? 'seeds';
  const out = resolveIndexPath(values.out ?? values.index);
  const setting = values.out
    ? '--out'
    : values.index
      ? '--index'
      : process.env.SHITING_INDEX
        ? 'SHITING_INDEX'
        : undefined;

  const result = compileSeeds(seedsDir);
  if (!result.ok) {
    for (const line of seedErrorReport(result.errors)) process.stderr.write(`${line}\n`);
    const n = result.errors.length;
    process.stderr.write(
      `\n${n.toLocaleString('en-US')} problem${n === 1 ? '' : 's'} in ${shown(seedsDir)}; ${shown(out)} was not changed\n`,
    );
    return 1;
  }
  // Compiled first, so that the seeds' problems are reported whatever is at the output path.
  const previous = inspectIndexFile(out);
  try {
    assertReplaceable(out, previous, {
      setting,
      create: 'with-folders',
      elsewhere: `choose another ${setting === 'SHITING_INDEX' ? 'SHITING_INDEX' : '--out'}`,
    });
    writeIndexFile(out, result.json);
  } catch (error) {
    const message =
      error instanceof IndexTargetError
        ? error.message
        : `cannot write ${shown(out)}: ${(error as Error).message}`;
    process.stderr.write(`shiting compile: ${message}\n`);
    return 1;
  }
  const { counts, hash } = result.index;
  const width = Math.max(...KINDS.map((k) => k.length)) + 2;
  const lines = KINDS.map((k) => `  ${k.padEnd(width)}${String(counts[k]).padStart(6)}`);
  const total = KINDS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  process.stdout.write(
    [
      `compiled ${shown(seedsDir)} → ${shown(out)} (${Buffer.byteLength(result.json).toLocaleString('en-US')} bytes)`,
      ...lines,
      `  ${'total'.padEnd(width)}${String(total).padStart(6)}`,
      ...countChanges(previous.state === 'index' ? previous.counts : undefined, counts),
      `hash ${hash}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** Each kind whose count differs from the index this one replaced: `works: 24 → 0`, so a lost file shows. */
function countChanges(before: Record<string, number> | undefined, after: Record<string, number>): string[] {
  if (!before) return [];
  const changed = KINDS.filter((k) => (before[k] ?? 0) !== (after[k] ?? 0));
  if (changed.length === 0) return ['same counts as the index it replaced'];
  return [
    'changed from the index it replaced:',
    ...changed.map(
      (k) =>
        `  ${k}: ${(before[k] ?? 0).toLocaleString('en-US')} → ${(after[k] ?? 0).toLocaleString('en-US')}`,
    ),
  ];
}
