// Reads seeds/<kind>.yaml into plain records, keeping each node's position so every problem can name its line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { KINDS, type Kind } from './schema';
import type { SeedError } from './seed-error';

/** A field inside a seed file: the record's position in the list, then keys and list indexes. */
export type FieldPath = readonly (string | number)[];

export interface SeedFile {
  kind: Kind;
  /** As shown in messages: relative to the working directory, with forward slashes. */
  file: string;
  /** The records as written, in file order (not yet validated). */
  items: unknown[];
  /** The line of a field; a missing field gives the line of the nearest enclosing one. */
  lineOf(path: FieldPath): number;
}

export interface ReadResult {
  files: SeedFile[];
  errors: SeedError[];
  /** Kinds whose file could not be read: their ids are unknown, so references to them are not checked. */
  unreadable: Set<Kind>;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

const SEED_FILES = KINDS.map((k) => `${k}.yaml`).join(', ');

function isKind(name: string): name is Kind {
  return (KINDS as readonly string[]).includes(name);
}

export function readSeeds(seedsDir: string): ReadResult {
  const errors: SeedError[] = [];
  const files: SeedFile[] = [];
  const unreadable = new Set<Kind>();
  const dirShown = displayPath(seedsDir);
  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) {
    errors.push({ file: dirShown, line: 1, path: 'seeds', message: 'no such folder of seed files' });
    return { files, errors, unreadable };
  }
  for (const name of readdirSync(seedsDir).sort()) {
    const ext = path.extname(name);
    const base = name.slice(0, -ext.length);
    if (ext === '.yml')
      errors.push({
        file: displayPath(path.join(seedsDir, name)),
        line: 1,
        path: base,
        message: `seed files end in .yaml: rename it to ${base}.yaml`,
      });
    else if (ext === '.yaml' && !isKind(base))
      errors.push({
        file: displayPath(path.join(seedsDir, name)),
        line: 1,
        path: base,
        message: `unknown seed file; the seed files are ${SEED_FILES}`,
      });
  }
  const present = KINDS.filter((kind) => existsSync(path.join(seedsDir, `${kind}.yaml`)));
  for (const kind of present) {
    const full = path.join(seedsDir, `${kind}.yaml`);
    const tooBig = oversize(full);
    if (tooBig) {
      errors.push({ file: displayPath(full), line: 1, path: kind, message: tooBig });
      unreadable.add(kind);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      errors.push({
        file: displayPath(full),
        line: 1,
        path: kind,
        message: `cannot read the file (${code})`,
      });
      unreadable.add(kind);
      continue;
    }
    const read = readSeedFile(kind, full, text);
    errors.push(...read.errors);
    if (read.file) files.push(read.file);
    else unreadable.add(kind);
  }
  errors.push(...missingSources(seedsDir, present, files, unreadable));
  if (present.length > 0) errors.push(...missingKinds(seedsDir, present, unreadable));
  return { files, errors, unreadable };
}

/** Parsing YAML takes about 40 times the file's size in memory; no real seed file comes near this. */
export const MAX_SEED_FILE_BYTES = 16 * 2 ** 20;

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Checked before reading, so that a runaway file is refused instead of filling memory. */
function oversize(full: string): string | undefined {
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) return undefined;
    size = stat.size;
  } catch {
    return undefined; // reported when it is read
  }
  if (size <= MAX_SEED_FILE_BYTES) return undefined;
  return `the file is ${megabytes(size)}, more than a seed file may be (${MAX_SEED_FILE_BYTES / 2 ** 20} MB); it was not read: is something in it repeated by mistake?`;
}

/**
 * A deleted seed file would silently drop every record of its kind (and any index compiled before), so each
 * kind's file must be there; `[]` says a kind has no records on purpose.
 */
function missingKinds(seedsDir: string, present: readonly Kind[], unreadable: Set<Kind>): SeedError[] {
  return KINDS.filter((kind) => kind !== 'sources' && !present.includes(kind)).flatMap((kind) => {
    unreadable.add(kind);
    // A misnamed `<kind>.yml` is already reported with its rename.
    if (existsSync(path.join(seedsDir, `${kind}.yml`))) return [];
    return [
      {
        file: displayPath(path.join(seedsDir, `${kind}.yaml`)),
        line: 1,
        path: kind,
        message: `no such file; every kind has its seed file: restore it, or write \`[]\` in it if there are no ${kind}`,
      },
    ];
  });
}

/**
 * Every fact cites a source, so seeds without sources can only compile to an empty index, which would
 * replace a good one: a wrong --seeds folder is an error, not zero records.
 */
function missingSources(
  seedsDir: string,
  present: readonly Kind[],
  files: readonly SeedFile[],
  unreadable: Set<Kind>,
): SeedError[] {
  if (present.length === 0)
    return [
      {
        file: displayPath(seedsDir),
        line: 1,
        path: 'seeds',
        message: `no seed files in this folder; expected ${SEED_FILES}`,
      },
    ];
  const file = displayPath(path.join(seedsDir, 'sources.yaml'));
  if (!present.includes('sources')) {
    // Not reported again as an unknown source at every citation.
    unreadable.add('sources');
    return [
      { file, line: 1, path: 'sources', message: 'no such file; every fact cites a source listed in it' },
    ];
  }
  const sources = files.find((f) => f.kind === 'sources');
  if (sources && sources.items.length === 0)
    return [{ file, line: 1, path: 'sources', message: 'lists no sources; every fact must cite one' }];
  return [];
}

function readSeedFile(kind: Kind, full: string, text: string): { file?: SeedFile; errors: SeedError[] } {
  const file = displayPath(full);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) return { errors: [syntaxError(kind, file, text, doc.errors, lineAt)] };
  const root = doc.contents;
  if (root === null)
    return {
      errors: [
        {
          file,
          line: 1,
          path: kind,
          message:
            kind === 'sources'
              ? 'lists no sources; every fact must cite one'
              : `no records: the file is empty or only comments; list the ${kind} (\`- id: …\`), or write \`[]\` to say there are none`,
        },
      ],
    };
  if (root !== null && !isSeq(root))
    return {
      errors: [
        {
          file,
          line: root.range ? lineAt(root.range[0]) : 1,
          path: kind,
          message: 'a seed file holds a YAML list of records, each starting with `- id: …`',
        },
      ],
    };
  const items = doc.toJS({ maxAliasCount: -1 }) as unknown[];
  const lineOf = (fieldPath: FieldPath): number => {
    let node: unknown = root;
    let line = 1;
    for (const segment of fieldPath) {
      if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (!isMap(node) && !isSeq(node) && !isScalar(node)) break;
        if (node.range) line = lineAt(node.range[0]);
      } else if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else break;
    }
    return line;
  };
  return { file: { kind, file, items, lineOf }, errors: [] };
}

/** A line whose indentation holds a tab: YAML forbids it, and the parser's own errors never say so. */
const TAB_INDENT = /^ *\t/;

/**
 * The first syntax error only: after one, the parser's further errors (often hundreds) are its confusion, not
 * more mistakes, and records are not checked until the file parses.
 */
function syntaxError(
  kind: Kind,
  file: string,
  text: string,
  errors: readonly YAMLError[],
  lineAt: (offset: number) => number,
): SeedError {
  const first = errors[0]!;
  const line = lineAt(first.pos[0]);
  const more =
    errors.length > 1
      ? ` (and ${(errors.length - 1).toLocaleString('en-US')} more syntax errors after it, which may all come from this one; records are checked once the file parses)`
      : '';
  const tabLine = text.split('\n', line).findIndex((l) => TAB_INDENT.test(l)) + 1;
  if (tabLine > 0 || first.code === 'TAB_AS_INDENT')
    return {
      file,
      line: tabLine || line,
      path: kind,
      message: `YAML syntax: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces${more}`,
    };
  return { file, line, path: kind, message: `YAML syntax: ${first.message.split('\n')[0]}${more}` };
}
