// SVG → PNG with resvg, using only the bundled font: no system fonts, so every machine draws the
// same pixels for the same chart.
import { Resvg } from '@resvg/resvg-js';
import { chartFontFiles } from './fonts';
import { FONT_FAMILY } from './layout';

export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
