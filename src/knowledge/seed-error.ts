// One problem found in the seeds, located well enough for a person to fix it in an editor.
export interface SeedError {
  /** The seed file as given to the compiler, relative to the working directory: `seeds/people.yaml`. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** `people[liu-zhen].roles[0].organisation`: the kind, the record (by id, or by position when it has no id), the field. */
  path: string;
  message: string;
}

export function formatSeedError(e: SeedError): string {
  return `${e.file}:${e.line}: ${e.path}: ${e.message}`;
}

/** Errors in reading order: by file, then by line, so a long list reads like an editor's problem list. */
export function sortSeedErrors(errors: readonly SeedError[]): SeedError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export interface ReportLimits {
  /** Problems shown of one shape (same file, same field pattern, same message but for the values). */
  perShape: number;
  /** Lines in all, so that no input can print without bound. */
  total: number;
}

const REPORT_LIMITS: ReportLimits = { perShape: 3, total: 60 };

/**
 * `editions[expo-1].hosts[0]: unknown organisation `x`` and the same at another record are one mistake made
 * many times (a pasted block, a renamed id): the ids, quoted values and numbers are what varies.
 */
function shapeOf(e: SeedError): string {
  const pathShape = e.path.replace(/\[[^\]]*\]/g, '[]');
  const messageShape = e.message
    .replace(/`[^`]*`/g, '``')
    .replace(/'[^']*'/g, "''")
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\d+/g, '0');
  return `${e.file}\n${pathShape}\n${messageShape}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The problems as lines to print, in order: the first few of each shape, then how many more are like them,
 * and at most `limits.total` lines, the last saying how many are not listed.
 */
export function seedErrorReport(
  errors: readonly SeedError[],
  limits: ReportLimits = REPORT_LIMITS,
): string[] {
  const totals = new Map<string, number>();
  const shapes = errors.map((e) => {
    const shape = shapeOf(e);
    totals.set(shape, (totals.get(shape) ?? 0) + 1);
    return shape;
  });
  const seen = new Map<string, number>();
  const lines: string[] = [];
  let accounted = 0;
  for (let i = 0; i < errors.length; i++) {
    const shape = shapes[i]!;
    const n = (seen.get(shape) ?? 0) + 1;
    seen.set(shape, n);
    if (n > limits.perShape) continue;
    const more = n === limits.perShape ? totals.get(shape)! - n : 0;
    // Room for this line, its "more like this" and the closing "not listed" line.
    if (lines.length + (more > 0 ? 2 : 1) > limits.total - 1) break;
    lines.push(formatSeedError(errors[i]!));
    accounted += 1;
    if (more > 0) {
      lines.push(`  … and ${count(more, 'more problem')} like this`);
      accounted += more;
    }
  }
  const rest = errors.length - accounted;
  if (rest > 0) lines.push(`… and ${count(rest, 'more problem')} not listed here`);
  return lines;
}
