// Without its font a chart cannot be drawn: the reply still answers, with every figure in the card.
import { describe, expect, it, vi } from 'vitest';
import { stat } from '../../commands/stat';
import { ask } from './knowledge';

vi.mock('../../src/render/chart', async (importOriginal) => {
  const chart = await importOriginal<typeof import('../../src/render/chart')>();
  return {
    ...chart,
    chartFiles: () => {
      throw new chart.ChartFontError(
        'The chart font package @fontsource/noto-sans-sc is missing: run `npm ci`.',
      );
    },
  };
});

describe('a chart that cannot be drawn', () => {
  it('leaves the card without an image and says so', async () => {
    const payload = await ask(stat, { query: 'short video users' });
    expect(payload.embeds?.[0]?.title).toBe('number of short-video users in China');
    expect(payload.embeds?.[0]?.image).toBeUndefined();
    expect(payload.content).toBe('The chart could not be drawn here; the figures are all in the card.');
  });
});
