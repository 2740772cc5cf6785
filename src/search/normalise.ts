// Text normalisation shared by the search tables (keys) and the lookup (queries): both sides must agree exactly.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

function isCjk(char: string): boolean {
  return CJK.test(char);
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
/** Ordinal words as people often misspell them (nineth, twelth): deterministic, so no edit-distance guessing. */
const ORDINAL_MISSPELLINGS: Record<string, number> = {
  frist: 1,
  secnd: 2,
  secound: 2,
  thrid: 3,
  forth: 4,
  fourht: 4,
  fith: 5,
  fiveth: 5,
  fifht: 5,
  seventht: 7,
  eigth: 8,
  eightth: 8,
  nineth: 9,
  nenth: 9,
  nineht: 9,
  tenht: 10,
  elevnth: 11,
  eleveth: 11,
  elevenht: 11,
  twelveth: 12,
  twelth: 12,
  twelvth: 12,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30 };
const CARDINALS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const ZH_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 九 → 9, 十一 → 11, 二十 → 20, 一百零二 → 102; undefined when it is not a Chinese numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in ZH_DIGITS) {
      digit = ZH_DIGITS[ch]!;
      seen = true;
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (seen ? digit : 1) * unit;
      digit = 0;
      seen = false;
    } else return undefined;
  }
  return total + digit;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthWord(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/**
 * The canonical form of a name or a query: NFKC (full-width → half-width), lower case, no diacritics, no
 * punctuation, single spaces; ordinals in any form (`9th`, `ninth`, `第九届`, `第9届`) become the bare number,
 * `第二季`/`season two` become `season 2`, `2024年` the year, `2024-03`/`3月` a month name. CJK runs stay
 * contiguous (matched as characters, not words) and are spaced off from Latin text.
 */
export function normalise(text: string): string {
  // A query is normalised by several readers in turn (its facts, its question words, autocomplete's partial
  // word): the last answer is kept for the next call with the same text.
  if (text === lastText) return lastNormalised;
  lastNormalised = normaliseText(text);
  lastText = text;
  return lastNormalised;
}

let lastText: string | undefined;
let lastNormalised = '';

function normaliseText(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
  // Apostrophes join (xi'an → xian, china's → chinas); digit groups join (10,000 → 10000).
  s = s.replace(/['’‘`]/g, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  // Dates before punctuation goes: 2024-03(-28) names a month.
  s = s.replace(/\b(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?\b/g, (m, y: string, mo: string) => {
    const month = Number(mo);
    return month >= 1 && month <= 12 ? ` ${y} ${monthWord(month)} ` : m;
  });
  s = s.replace(/(\d{4})\s*年/g, ' $1 ');
  s = s.replace(/([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?/g, (m, n: string) => {
    const month = parseChineseNumeral(n);
    return month !== undefined && month >= 1 && month <= 12 ? ` ${monthWord(month)} ` : m;
  });
  // 第九届, 第9届, 第二季, and without 第 before 届/季: 十一届, 二季.
  s = s.replace(
    /第\s*([0-9]+|[〇零一二两三四五六七八九十百]+)\s*(届|季|期|次|回)?|([0-9]+|[〇零一二两三四五六七八九十百]+)\s*(届|季)/g,
    (m, n1?: string, unit1?: string, n2?: string, unit2?: string) => {
      const value = parseChineseNumeral((n1 ?? n2)!);
      if (value === undefined) return m;
      return (unit1 ?? unit2) === '季' ? ` season ${value} ` : ` ${value} `;
    },
  );
  s = s.replace(/首\s*(届|季)/g, (_m, unit: string) => (unit === '季' ? ' season 1 ' : ' 1 '));
  // A query that is only a Chinese numeral (九, 十一) is the number; inside a name (一汽) the characters stay.
  const bare = s.trim();
  if (/^[〇零一二两三四五六七八九十百]+$/.test(bare)) {
    const value = parseChineseNumeral(bare);
    if (value !== undefined) s = String(value);
  }
  // English ordinals.
  s = s.replace(/\b(\d+)(?:st|nd|rd|th)\b/g, '$1');
  s = s.replace(
    /\b(twenty|thirty)[\s-]+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/g,
    (_m, t, o) => String(TENS[t as string]! + ORDINAL_WORDS[o as string]!),
  );
  s = s.replace(/\b[a-z]+\b/g, (w) =>
    w in ORDINAL_WORDS
      ? String(ORDINAL_WORDS[w])
      : w in ORDINAL_MISSPELLINGS
        ? String(ORDINAL_MISSPELLINGS[w])
        : w,
  );
  s = s.replace(/\bseason\s+([a-z]+)\b/g, (m, w: string) => (w in CARDINALS ? `season ${CARDINALS[w]}` : m));
  // s2, S2, s 2: the short form of a season.
  s = s.replace(/\bs\s*(\d{1,2})\b/g, 'season $1');
  // Month abbreviations only next to a year: "mar 2024", "2024 mar" ("may" stays a word alone).
  s = s.replace(/\b([a-z]{3,4})\.?\s+(\d{4})\b/g, (m, w: string, y: string) =>
    w in MONTH_ABBREVIATIONS ? `${monthWord(MONTH_ABBREVIATIONS[w]!)} ${y}` : m,
  );
  // Punctuation and symbols become spaces; CJK runs are spaced off; letters and digits split (ciac2024).
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  s = s.replace(CJK_RUN, (run) => ` ${run} `);
  s = s.replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The words of a normalised string; a CJK run is one word (it is matched by characters, not as a word). */
export function words(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}

/** Spaces removed, so that split and joined transliterations compare equal (han zhi jie = han zhijie). */
export function joined(normalised: string): string {
  return normalised.replaceAll(' ', '');
}

/**
 * The grams a key or query is indexed under: character bigrams of the joined text, plus single CJK
 * characters (a one-character Chinese query still finds its records) and the whole text when it is one character.
 */
export function grams(normalised: string): string[] {
  const chars = Array.from(joined(normalised));
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isCjk(c)) out.add(c);
    if (i + 1 < chars.length) out.add(c + chars[i + 1]!);
  }
  return [...out];
}

/** How a query names a time: years (2024) and months (`march`, `2024-03`, `3月`). */
export interface TimeHints {
  years: number[];
  /** 1–12. */
  months: number[];
}

export interface ParsedQuery {
  /** The whole query, normalised. */
  full: string;
  /** The query without its time words: what is matched against names. */
  text: string;
  time: TimeHints;
}

const YEAR = /^(19[9]\d|20\d\d|2100)$/;

/** Splits a query into the text to match and the years/months it names (which prefer records of that time). */
export function parseQuery(query: string): ParsedQuery {
  const full = normalise(query);
  const ws = words(full);
  const years = ws.filter((w) => YEAR.test(w)).map(Number);
  const monthIndex = (w: string) => MONTHS.indexOf(w as (typeof MONTHS)[number]);
  // "may" alone is a word, not a month, unless the query also names a year.
  const isMonth = (w: string) => monthIndex(w) >= 0 && (w !== 'may' || years.length > 0);
  const months = ws.filter(isMonth).map((w) => monthIndex(w) + 1);
  const text = ws.filter((w) => !YEAR.test(w) && !isMonth(w)).join(' ');
  return { full, text, time: { years: sortedUnique(years), months: sortedUnique(months) } };
}

/** The distinct numbers, in ascending order. */
export function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

// Reused rows: editDistance runs for many word pairs per query.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (a transposition is one edit), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n]!;
}
