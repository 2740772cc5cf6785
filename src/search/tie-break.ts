// How resolve settles a near tie (scores within MARGIN of the best): on the record whose name is clearly the
// closest spelling of the query, or on the one text match that matched every term of the query while the others
// each missed one. Otherwise the tie stands and the answer is "ambiguous".
import type { KeyIndex } from './key-index';
import type { Found } from './merge';
import { editDistance, hasCjk } from './normalise';
import type { QueryFacts } from './query';

/**
 * Edits from the query to a doc's closest name and that name's length, and whether those edits are the letters
 * still to type of a name the query is the start of (`completes`); undefined when no spelling is involved.
 */
export type Spelling = (doc: number) => { edits: number; length: number; completes: boolean } | undefined;

/** The fewest letters of a last word typed part-way that make it a spelling of the word. */
const MIN_PART = 2;
/** The most edits a spelling comparison counts. */
const MAX_SPELLING_EDITS = 4;

/**
 * Whether the query is a name's words with the last one part-way ("Peng Lon" of Peng Long and of Peng Longbin):
 * then the letters still missing are its spelling. A query of fewer words ("zhang" of Zhang Yi) has none, nor
 * one whose last word is an initial ("zhang w" is as much Zhang Wen as Zhang Wei).
 */
function completes(index: KeyIndex, k: number, q: QueryFacts): boolean {
  const ws = index.keyWords(k);
  const own = ws.length > 1 ? ws.length - 1 : 1;
  const n = q.words.length;
  if (n < 2 || own !== n || q.words[n - 1]!.length < MIN_PART) return false;
  for (let i = 0; i < n - 1; i++) if (ws[i] !== q.words[i]) return false;
  return ws[n - 1]!.startsWith(q.words[n - 1]!);
}

/**
 * Edits from the query to each doc's closest name. A name that starts with the query is no spelling (undefined:
 * "zhang" is as much Zhang Yi as Zhang Ying), unless the query has its words, the last part-way (see completes).
 */
export function spellingOf(index: KeyIndex, q: QueryFacts): Spelling {
  const cjk = hasCjk(q.joined);
  return (doc) => {
    let best: { edits: number; length: number; completes: boolean } | undefined;
    for (let k = index.docFirstKey[doc]!; k < index.docFirstKey[doc + 1]!; k++) {
      const key = index.keyJoined(k);
      // A name in another script is no spelling of the query (卢磊东 is not 4 edits from "lu le").
      if (hasCjk(key) !== cjk) continue;
      let edits: number;
      let completing = false;
      if (key.startsWith(q.joined)) {
        if (!completes(index, k, q)) return undefined;
        edits = Math.min(key.length - q.joined.length, MAX_SPELLING_EDITS + 1);
        completing = true;
      } else edits = editDistance(q.joined, key, MAX_SPELLING_EDITS);
      if (!best || edits < best.edits) best = { edits, length: key.length, completes: completing };
    }
    return best;
  };
}

/** A closer spelling is clearly best when it is this many edits and this share of the name closer than any other… */
const CLOSER_EDITS = 1;
const CLOSER_SHARE = 0.1;
/** …or, when it is also the record ranked first, at most 1 / CLOSER_RATIO as many edits away as any other. */
const CLOSER_RATIO = 1.5;
/** …and itself at most this share of the name away (a typo, not another word). */
const TYPO_SHARE = 0.34;
/** A name the query is being typed toward wins only with this many letters to go. */
const COMPLETION_EDITS = 1;
/** Shares are compared with this slack: 3/10 − 2/10 is a hair under 0.1 in floating point. */
const EPSILON = 1e-9;

interface Measured {
  s: Found;
  edits: number;
  share: number;
  completes: boolean;
}

/**
 * The one record of a near tie whose name is clearly the closest spelling of the query, if there is one. A long
 * name one edit closer than the next is a smaller share of it closer ("Song Minkaxng": 1 edit from Song Minkang,
 * 2 from Song Xinkang, 1/11 of the name): when the ranking puts that record first too, half as many edits away
 * (two thirds from two typos) is clear enough.
 */
function closestSpelling(close: readonly Found[], spelling: Spelling | undefined): Found | undefined {
  if (!spelling || close.length < 2) return undefined;
  const measured: Measured[] = [];
  for (const s of close) {
    const d = spelling(s.doc);
    if (!d) return undefined;
    measured.push({ s, edits: d.edits, share: d.edits / Math.max(1, d.length), completes: d.completes });
  }
  measured.sort((a, b) => a.share - b.share);
  const [best, next, ...more] = measured as [Measured, Measured, ...Measured[]];
  if (best.share > TYPO_SHARE + EPSILON) return undefined;
  // While a name is being typed ("Zeng De" of Zeng Dezhi, Zeng Defang) no other name wins by a typo (Feng De),
  // and the one typed toward wins only with one letter to go ("Peng Lon" of Peng Long).
  if (measured.some((m) => m.completes) && !(best.completes && best.edits <= COMPLETION_EDITS))
    return undefined;
  if (next.edits - best.edits >= CLOSER_EDITS && next.share - best.share >= CLOSER_SHARE - EPSILON)
    return best.s;
  // "Ranked first" means strictly: with equal scores the first is first only by doc order.
  const agreed =
    best.s === close[0] &&
    close[0]!.score < close[1]!.score &&
    [next, ...more].every(
      (m) => m.edits - best.edits >= CLOSER_EDITS && m.edits >= CLOSER_RATIO * best.edits,
    );
  return agreed ? best.s : undefined;
}

/**
 * The best of a near tie when it is a text match of every query term and each other record of the tie is a text
 * match that missed one: 谁谈到了水雷甲项目 matches 水雷, 雷甲 and 甲项 in one person's text, and only 水雷 in the
 * texts of people whose projects are 水雷丙 or 水雷丁.
 */
function onlyFullMatch(close: readonly Found[]): Found | undefined {
  const [best, ...rest] = close;
  if (!best?.everyTerm || rest.length === 0) return undefined;
  return rest.every((s) => s.matched !== undefined && !s.everyTerm) ? best : undefined;
}

/**
 * The record that settles a near tie (best first, as ranked), if one does. `byText` false: a query of only
 * question words (哪家公司) has no content whose every term a text could match (家公 is a pair across 哪家).
 */
export function settleTie(close: readonly Found[], spelling?: Spelling, byText = true): Found | undefined {
  return closestSpelling(close, spelling) ?? (byText ? onlyFullMatch(close) : undefined);
}
