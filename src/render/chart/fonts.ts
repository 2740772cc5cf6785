// The chart font, Noto Sans SC (OFL), taken from the installed @fontsource/noto-sans-sc package.
// resvg reads only TTF/OTF files from disk, so the package's WOFF files are unwrapped once into a
// cache directory, named by content hash: the same package version always yields the same files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

/** Latin first, then the simplified-Chinese set (GB 2312 and more, 8k glyphs). */
const FACES = [
  'noto-sans-sc-latin-400-normal.woff',
  'noto-sans-sc-latin-ext-400-normal.woff',
  'noto-sans-sc-chinese-simplified-400-normal.woff',
];

export class ChartFontError extends Error {}

function packageFilesDir(): string {
  try {
    const licence = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/LICENSE');
    return join(dirname(licence), 'files');
  } catch {
    throw new ChartFontError('The chart font package @fontsource/noto-sans-sc is missing: run `npm ci`.');
  }
}

/** Where the unwrapped fonts go; SHITING_FONT_CACHE overrides it (e.g. on a read-only /tmp). */
export function fontCacheDir(): string {
  return process.env.SHITING_FONT_CACHE ?? join(tmpdir(), 'shiting-fonts');
}

function unwrap(woffPath: string, cacheDir: string): string {
  const woff = readFileSync(woffPath);
  const hash = createHash('sha256').update(woff).digest('hex').slice(0, 16);
  const target = join(cacheDir, `${hash}.otf`);
  if (existsSync(target)) return target;
  // Write then rename: another process unwrapping the same font at once never sees half a file.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, woffToSfnt(woff));
  renameSync(partial, target);
  return target;
}

let cached: string[] | undefined;

/** The font files to give resvg, unwrapped on first use and remembered for the process. */
export function chartFontFiles(): string[] {
  if (cached) return cached;
  const source = packageFilesDir();
  const cacheDir = fontCacheDir();
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch (error) {
    throw new ChartFontError(`Cannot create the chart font cache ${cacheDir}: ${(error as Error).message}`);
  }
  cached = FACES.map((face) => {
    const path = join(source, face);
    if (!existsSync(path))
      throw new ChartFontError(`The chart font file ${path} is missing: run \`npm ci\`.`);
    return unwrap(path, cacheDir);
  });
  return cached;
}
