// Charts for replies: pure SVG builders, the PNG renderer and the attachment a handler returns.
export { comparisonChartSvg } from './comparison-chart';
export { CHART_FILE, type ChartRenderer, type ChartSpec, chartFiles, chartSvg } from './files';
export { ChartFontError } from './fonts';
export { renderPng } from './png';
export { seriesChartSvg } from './series-chart';
export type * from './types';
