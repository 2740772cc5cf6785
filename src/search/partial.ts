// A word part-way typed that names an edition once finished: `ni`/`nin` (ninth, nineteenth), `ele` (eleventh),
// `第`/`第十` (第十届, 第十一届), `20`/`202` (a year). Autocomplete offers the editions it could become.
import type { KeyIndex } from './key-index';
import { normalise } from './normalise';

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const ZH_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 11 → 十一, 20 → 二十, 23 → 二十三 (1–99). */
function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = ZH_DIGITS[n % 10]!;
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones}`;
}

/** What a partly typed last word could become: ordinals (numbers) and years (digits started). */
export interface Partial {
  ordinals: (n: number) => boolean;
  years: (y: number) => boolean;
}

/** The partial edition word the query ends with, if it ends with one. */
export function partialEdition(query: string): Partial | undefined {
  const raw = query.trim().toLowerCase();
  const zh = /第\s*([一二三四五六七八九十]*)$/.exec(raw);
  if (zh) {
    const typed = zh[1]!;
    return { ordinals: (n) => n < 100 && chineseNumeral(n).startsWith(typed), years: () => false };
  }
  const words = normalise(query).split(' ');
  const last = words[words.length - 1] ?? '';
  if (/^\d+$/.test(last)) {
    return {
      ordinals: (n) => String(n).startsWith(last) && String(n) !== last,
      years: (y) => last.length >= 2 && String(y).startsWith(last),
    };
  }
  if (last.length >= 2 && /^[a-z]+$/.test(last)) {
    const numbers = ORDINALS.flatMap((w, i) => (w.startsWith(last) && w !== last ? [i + 1] : []));
    if (numbers.length > 0) return { ordinals: (n) => numbers.includes(n), years: () => false };
  }
  return undefined;
}

/** The edition docs a partial word could become, in doc order (latest first). */
export function partialEditionDocs(
  index: KeyIndex,
  partial: Partial,
  allowed: (doc: number) => boolean,
): number[] {
  const out: number[] = [];
  // Editions come first in doc order (tables.ts), so the walk stops at the first other kind.
  for (let i = 0; i < index.docs.length && index.docs[i]!.kind === 'editions'; i++) {
    const d = index.docs[i]!;
    if (!allowed(i)) continue;
    const numbered = d.keys.some((k) => /^\d+$/.test(k) && partial.ordinals(Number(k)));
    const dated = (d.t ?? []).some((t) => t < 10000 && partial.years(t));
    if (numbered || dated) out.push(i);
  }
  return out;
}
