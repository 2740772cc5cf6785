import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { fontCacheDir, fontFilesFor, parseFontFaces } from '../../src/render/chart/fonts';
import { resvgOptions } from '../../src/render/chart/png';
import { escapeXml } from '../../src/render/chart/svg';
import { FontFormatError, woffToSfnt } from '../../src/render/chart/woff';

// A cache of this file's own: removing a cached font below must not disturb other test files.
process.env.SHITING_FONT_CACHE = mkdtempSync(join(tmpdir(), 'shiting-fonts-test-'));
afterAll(() => rmSync(fontCacheDir(), { recursive: true, force: true }));

/** The RGBA pixels of `text` drawn the way charts draw it. */
function pixels(text: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><text x="10" y="44" font-size="40" font-family="Noto Sans SC">${escapeXml(text)}</text></svg>`;
  return new Resvg(svg, resvgOptions(svg)).render().pixels;
}

function ink(px: Buffer): number {
  let sum = 0;
  for (let i = 3; i < px.length; i += 4) sum += px[i]!;
  return sum;
}

describe('Chinese text', () => {
  // Private-use characters are in no font: they draw the missing-glyph box ("tofu").
  const tofu = pixels('\u{e000}');

  it('draws real glyphs, not the missing-glyph box', () => {
    expect(ink(tofu)).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const ch of ['视', '听', '大', '会', '届', '嘉', '宾', '亿', '≈']) {
      const px = pixels(ch);
      expect(ink(px), ch).toBeGreaterThan(0);
      expect(px.equals(tofu), `${ch} draws as a box`).toBe(false);
      seen.add(px.toString('base64'));
    }
    // Each character has its own shape.
    expect(seen.size).toBe(9);
  });

  it('draws two different strings differently', () => {
    expect(pixels('视听').equals(pixels('大会'))).toBe(false);
  });
});

describe('fonts', () => {
  it('loads only the faces the text needs, from the installed package', () => {
    const latin = fontFilesFor('Guests 2024');
    expect(latin).toHaveLength(1);
    const mixed = fontFilesFor('Guests 2024 视听');
    expect(mixed.length).toBeGreaterThan(1);
    expect(mixed).toEqual(expect.arrayContaining(latin));
    expect(fontFilesFor('Guests 2024 视听')).toEqual(mixed);
    // Each is a plain SFNT: 'OTTO' (CFF outlines), 1.0 (TrueType) or 'true'.
    for (const file of mixed)
      expect([0x4f54544f, 0x00010000, 0x74727565]).toContain(readFileSync(file).readUInt32BE(0));
  });

  it('unwraps a font again when its cached file was removed', () => {
    const [file] = fontFilesFor('A');
    expect(dirname(file!)).toBe(process.env.SHITING_FONT_CACHE);
    rmSync(file!);
    expect(fontFilesFor('A')).toEqual([file]);
    expect(existsSync(file!)).toBe(true);
  });

  it('reads which file covers which characters from the stylesheet', () => {
    const css = `@font-face { src: url(./files/a.woff2) format('woff2'), url(./files/a.woff) format('woff');
      unicode-range: U+0000-00ff,U+2248; }
      @font-face { src: url(./files/b.woff) format('woff'); unicode-range: U+4e00-9fff; }`;
    expect(parseFontFaces(css)).toEqual({
      faces: ['a.woff', 'b.woff'],
      ranges: [
        { from: 0, to: 0xff, face: 0 },
        { from: 0x2248, to: 0x2248, face: 0 },
        { from: 0x4e00, to: 0x9fff, face: 1 },
      ],
    });
  });
});

describe('woffToSfnt', () => {
  const dir = join(
    dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/LICENSE')),
    'files',
  );
  const woff = readFileSync(join(dir, 'noto-sans-sc-latin-400-normal.woff'));

  it('unwraps every table of a WOFF font', () => {
    const sfnt = woffToSfnt(woff);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    expect(view.getUint32(0)).toBe(woff.readUInt32BE(4)); // the flavour
    const tables = view.getUint16(4);
    expect(tables).toBe(woff.readUInt16BE(12));
    for (let i = 0; i < tables; i++) {
      const offset = view.getUint32(12 + i * 16 + 8);
      const length = view.getUint32(12 + i * 16 + 12);
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(sfnt.byteLength);
    }
  });

  it('refuses what is not WOFF', () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow(FontFormatError);
    expect(() => woffToSfnt(woff.subarray(0, 100))).toThrow(FontFormatError);
  });
});

describe('the font cache directory', () => {
  it('defaults to a per-user folder in the temp directory, so no other user can own it', () => {
    const set = process.env.SHITING_FONT_CACHE;
    delete process.env.SHITING_FONT_CACHE;
    try {
      const uid = process.getuid?.();
      expect(fontCacheDir()).toBe(
        join(tmpdir(), uid === undefined ? 'shiting-fonts' : `shiting-fonts-${uid}`),
      );
    } finally {
      process.env.SHITING_FONT_CACHE = set;
    }
    expect(fontCacheDir()).toBe(set);
  });
});
