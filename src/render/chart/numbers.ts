// Numbers as a chart shows them: grouped for the reader's locale, short on the axis, with the
// source's hedge ("more than", "nearly") kept as a sign so a chart never overstates a figure.
import type { Locale } from '../../locale';
import type { ChartValue, QualifierT } from './types';

const MARK: Record<QualifierT, string> = {
  exactly: '',
  'more-than': '>',
  'at-least': '≥',
  'up-to': '≤',
  nearly: '≈',
  about: '≈',
};

/** Above this, labels switch to compact notation (1.07B, 10.7亿) so they fit over a bar. */
const COMPACT_FROM = 1_000_000;

function format(locale: Locale, value: number, options: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

export function formatValue(locale: Locale, v: ChartValue): string {
  if (v.valueLabel) return v.valueLabel;
  const number =
    Math.abs(v.value) >= COMPACT_FROM
      ? format(locale, v.value, { notation: 'compact', maximumSignificantDigits: 4 })
      : format(locale, v.value, { maximumFractionDigits: 2 });
  return `${MARK[v.qualifier ?? 'exactly']}${number}`;
}

export function formatTick(locale: Locale, value: number, decimals: number, max: number): string {
  return max >= COMPACT_FROM
    ? format(locale, value, { notation: 'compact', maximumSignificantDigits: 3 })
    : format(locale, value, { maximumFractionDigits: decimals });
}
