// SVG → PNG with resvg, using only the bundled font: no system fonts, so every machine draws the
// same pixels for the same chart.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontFilesFor } from './fonts';
import { FONT_FAMILY } from './layout';

export function resvgOptions(svg: string): ResvgRenderOptions {
  return {
    font: {
      loadSystemFonts: false,
      // The markup itself is ASCII, so scanning the whole document adds only the Latin face.
      fontFiles: fontFilesFor(svg),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  };
}

export function renderPng(svg: string): Uint8Array {
  return new Resvg(svg, resvgOptions(svg)).render().asPng();
}
