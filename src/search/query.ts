// What the lookup needs to know about a query, worked out once per query rather than once per candidate.
import { grams, hasCjk, joined, type ParsedQuery, parseQuery, words } from './normalise';

/** Queries of at most this many Latin characters are answered from the prefix map. */
const SHORT_QUERY = 3;

/** A query word for the word matcher; a Chinese one carries its grams. */
export interface QueryWord {
  word: string;
  grams?: string[];
}

export interface QueryFacts extends ParsedQuery {
  /** `full` without spaces, for exact matches against joined keys. */
  fullJoined: string;
  /** The words of `text` (time words removed). */
  words: readonly string[];
  match: readonly QueryWord[];
  /** `text` without spaces, and its length. */
  joined: string;
  length: number;
  cjk: boolean;
  /** Short Latin text: matched by prefix from the prefix map, without typos. */
  short: boolean;
  /** The words that are numbers (ordinals, seasons, values). */
  numbers: readonly string[];
  /** The word being typed, and the ones before it (autocomplete). */
  last: string;
  init: readonly string[];
  /** The lone ordinal or season the query names amid filler words ("the 9th" → "9"), if that is all it names. */
  ordinal: string | undefined;
}

const DIGITS = /^\d+$/;
// One RegExp for every call: a literal in the function would be a new object each time.
export const isNumber = (word: string) => DIGITS.test(word);

/** Words that only say "an edition" ("the 9th edition", "No. 9", "第十一届大会"): an ordinal needs none of them. */
const EDITION_FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'edition',
  'editions',
  'conference',
  'conferences',
  'session',
  'annual',
  'no',
  'nr',
  'num',
  'number',
  '届',
  '大会',
  '会议',
]);

/** The ordinal ("9") or season ("season 2") the words name once filler words are dropped, if that is all they name. */
export function ordinalCore(qWords: readonly string[]): string | undefined {
  const core = qWords.filter((w) => !EDITION_FILLER.has(w));
  if (core.length === 1 && isNumber(core[0]!)) return core[0];
  // "season 2" and "the 2nd season" alike.
  const number = core.find(isNumber);
  if (core.length === 2 && core.includes('season') && number !== undefined) return `season ${number}`;
  return undefined;
}

export function queryFacts(query: string): QueryFacts {
  const parsed = parseQuery(query);
  const { text } = parsed;
  const qWords = words(text);
  const textJoined = joined(text);
  const cjk = hasCjk(text);
  // Named one by one, not spread: an object literal that spreads and then adds a dozen properties cost ~4 KB.
  return {
    full: parsed.full,
    text,
    time: parsed.time,
    fullJoined: joined(parsed.full),
    words: qWords,
    match: qWords.map((word) => (hasCjk(word) ? { word, grams: grams(word) } : { word })),
    joined: textJoined,
    length: textJoined.length,
    cjk,
    short: !cjk && textJoined.length <= SHORT_QUERY,
    numbers: qWords.filter(isNumber),
    last: qWords[qWords.length - 1] ?? '',
    init: qWords.slice(0, -1),
    ordinal: ordinalCore(qWords),
  };
}
