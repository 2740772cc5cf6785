// One chart render as a worker of the pool runs it: plain data in and out, since errors lose their class
// crossing threads (a missing font must still read as ChartFontError on the other side).
import type { Locale } from '../../locale';
import type { ReplyFile } from '../reply';
import { type ChartSpec, chartFile } from './files';
import { ChartFontError } from './fonts';

export interface ChartTask {
  spec: ChartSpec;
  locale: Locale;
}

export type ChartTaskResult =
  | { status: 'ok'; file: ReplyFile }
  | { status: 'no-chart' }
  | { status: 'font-error'; message: string };

export function renderChartTask(task: ChartTask): ChartTaskResult {
  try {
    const file = chartFile(task.spec, task.locale);
    return file ? { status: 'ok', file } : { status: 'no-chart' };
  } catch (error) {
    if (error instanceof ChartFontError) return { status: 'font-error', message: error.message };
    throw error;
  }
}
