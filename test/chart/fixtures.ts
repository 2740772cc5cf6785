// Chart inputs the tests share: shaped like what /stat and /edition hand over.
import type { ComparisonChartInput, SeriesChartInput } from '../../src/render/chart';

export const viewingTime: SeriesChartInput = {
  title: 'Average daily short-video viewing time per user',
  unit: 'minutes per day',
  caption: 'Sources: Annual report <2024> & Xinhua',
  points: [
    { asOf: 'Dec 2021', value: 125 },
    { asOf: 'Dec 2022', value: 168, qualifier: 'more-than' },
    { asOf: 'Dec 2023', value: 151, highlight: true },
  ],
};

export const usersZh: SeriesChartInput = {
  title: '网络视听用户规模',
  unit: '亿人',
  caption: '来源：中国网络视听协会；新华社',
  points: [
    { asOf: '2022年12月', value: 10.4 },
    { asOf: '2023年12月', value: 10.74, highlight: true },
  ],
};

export const editions: ComparisonChartInput = {
  title: 'Headline figures by edition',
  editions: ['9th', '10th', '11th'],
  highlight: 2,
  caption: 'Sources: Xinhua',
  measures: [
    { label: 'Guests', values: [{ value: 500 }, { value: 800, qualifier: 'more-than' }, { value: 1000 }] },
    { label: 'Attendees', values: [{ value: 8000 }, undefined, { value: 10000, qualifier: 'about' }] },
    { label: 'Events', values: [undefined, undefined, undefined] },
  ],
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (new TextDecoder().decode(png.subarray(12, 16)) !== 'IHDR')
    throw new Error('IHDR is not the first chunk');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
