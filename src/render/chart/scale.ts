// A linear value axis with round tick values, always including zero so bar lengths are honest.

export interface Scale {
  lo: number;
  hi: number;
  ticks: number[];
  /** Decimals the tick labels need. */
  decimals: number;
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export function niceScale(values: readonly number[], count = 5): Scale {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const step = niceStep(span, count);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const decimals = Math.min((String(Number(step.toPrecision(12))).split('.')[1] ?? '').length, 6);
  const ticks: number[] = [];
  // Integer steps, rounded to the step's decimals: no drift from adding floats (0.1 + 0.2 …).
  for (let k = Math.round(lo / step); k <= Math.round(hi / step); k++)
    ticks.push(Number((k * step).toFixed(decimals)));
  return { lo, hi: hi === lo ? lo + step : hi, ticks, decimals };
}

/** Maps a value to a pixel coordinate between `from` (lo) and `to` (hi). */
export function project(scale: Scale, value: number, from: number, to: number): number {
  return from + ((value - scale.lo) / (scale.hi - scale.lo)) * (to - from);
}
