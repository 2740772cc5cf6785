// The chart font, Noto Sans SC (OFL), from the installed @fontsource/noto-sans-sc package. The package
// splits the font into ~100 WOFF files by Unicode range (as listed in its 400.css); a chart loads only
// the files its text needs, so any character the font has renders, and small charts load little.
// resvg reads only TTF/OTF from disk, so each WOFF is unwrapped once into a cache directory, named by
// content hash: the same package version always yields the same files, on every machine.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { woffToSfnt } from './woff';

export class ChartFontError extends Error {}

/** A code-point range and the face (index into the face list) that covers it. */
interface Range {
  from: number;
  to: number;
  face: number;
}

interface FontIndex {
  dir: string;
  /** WOFF file names, in the stylesheet's order. */
  faces: string[];
  /** Sorted by `from`, for binary search. */
  ranges: Range[];
}

let index: FontIndex | undefined;
const unwrapped = new Map<string, string>();

function packageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/LICENSE'));
  } catch {
    throw new ChartFontError('The chart font package @fontsource/noto-sans-sc is missing: run `npm ci`.');
  }
}

/** Reads which WOFF file covers which characters from the package's stylesheet for weight 400. */
export function parseFontFaces(css: string): { faces: string[]; ranges: Range[] } {
  const faces: string[] = [];
  const ranges: Range[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w.-]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const face = faces.push(file) - 1;
    for (const part of range.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from!, 16);
      if (Number.isNaN(start)) continue;
      ranges.push({ from: start, to: to ? Number.parseInt(to, 16) : start, face });
    }
  }
  ranges.sort((a, b) => a.from - b.from || a.face - b.face);
  return { faces, ranges };
}

function fontIndex(): FontIndex {
  if (index) return index;
  const dir = packageDir();
  const css = join(dir, '400.css');
  if (!existsSync(css))
    throw new ChartFontError(`The chart font stylesheet ${css} is missing: run \`npm ci\`.`);
  const parsed = parseFontFaces(readFileSync(css, 'utf8'));
  if (parsed.faces.length === 0) throw new ChartFontError(`No font faces found in ${css}.`);
  index = { dir: join(dir, 'files'), ...parsed };
  return index;
}

function faceOf(ranges: readonly Range[], codePoint: number): number | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (codePoint < r.from) hi = mid - 1;
    else if (codePoint > r.to) lo = mid + 1;
    else return r.face;
  }
  return undefined;
}

/**
 * Where the unwrapped fonts go; SHITING_FONT_CACHE overrides it (e.g. when /tmp is read-only). The default is
 * per user: in a shared temp directory, whoever creates a fixed name first owns it, and could feed another
 * user's bot fonts of their choosing.
 */
export function fontCacheDir(): string {
  const user = process.getuid?.();
  return (
    process.env.SHITING_FONT_CACHE ??
    join(tmpdir(), user === undefined ? 'shiting-fonts' : `shiting-fonts-${user}`)
  );
}

function unwrap(dir: string, file: string): string {
  let target = unwrapped.get(file);
  // Checked on every use: a long-running bot outlives files that /tmp cleaners remove.
  if (target && existsSync(target)) return target;
  const woffPath = join(dir, file);
  if (!existsSync(woffPath))
    throw new ChartFontError(`The chart font file ${woffPath} is missing: run \`npm ci\`.`);
  const woff = readFileSync(woffPath);
  const cacheDir = fontCacheDir();
  target = join(cacheDir, `${createHash('sha256').update(woff).digest('hex').slice(0, 16)}.otf`);
  if (!existsSync(target)) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Write then rename: another process (or chart worker thread) unwrapping the same font at once never
      // sees half a file, nor writes into this one's.
      const partial = `${target}.${process.pid}-${threadId}.partial`;
      writeFileSync(partial, woffToSfnt(woff));
      renameSync(partial, target);
    } catch (error) {
      throw new ChartFontError(`Cannot write the chart font cache ${cacheDir}: ${(error as Error).message}`);
    }
  }
  unwrapped.set(file, target);
  return target;
}

/** The font files (TTF/OTF paths) that cover every character of `text`, in a fixed order. */
export function fontFilesFor(text: string): string[] {
  const { dir, faces, ranges } = fontIndex();
  const seen = new Set<number>();
  const wanted = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (seen.has(cp)) continue;
    seen.add(cp);
    const face = faceOf(ranges, cp);
    if (face !== undefined) wanted.add(face);
  }
  return [...wanted].sort((a, b) => a - b).map((face) => unwrap(dir, faces[face]!));
}
