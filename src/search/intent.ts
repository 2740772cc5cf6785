// What a question asks for, and what is left of it to match: "who spoke about micro-dramas" wants people and
// matches "micro dramas"; "what was the theme in 2021" wants an edition's theme in 2021; 2024年有多少观众 wants
// a figure (观众) in 2024. Question words and filler are dropped (stopwords.ts); intent words are dropped too.
import { hasCjk, normalise, words } from './normalise';
import { CHINESE_QUESTION_WORDS, isFiller } from './stopwords';
import { segments } from './tokens';

/** What a question asks for: a kind of record, or one field of a record. */
export type Intent = 'person' | 'organization' | 'figure' | 'dates' | 'theme' | 'city' | 'statistics';

export interface Question {
  intent?: Intent;
  /**
   * Whether it is put as a question: it opens with a question word (who, what, when, how …), or has a Chinese
   * one anywhere (谁, 什么, 吗 …). Words like "who" inside a name ("share of users who watch …") are not.
   */
  asked: boolean;
  /** The normalised query without question words, filler and intent words (time words stay). */
  content: string;
  /** Whether anything was dropped: otherwise `content` is the query itself. */
  dropped: boolean;
}

/** Words that say what is wanted, and are not matched. */
const INTENT_WORDS: Record<string, Intent> = {
  who: 'person',
  whom: 'person',
  whose: 'person',
  谁: 'person',
  是谁: 'person',
  when: 'dates',
  date: 'dates',
  dates: 'dates',
  day: 'dates',
  days: 'dates',
  什么时候: 'dates',
  何时: 'dates',
  何時: 'dates',
  哪天: 'dates',
  日期: 'dates',
  时间: 'dates',
  時間: 'dates',
  theme: 'theme',
  themes: 'theme',
  motto: 'theme',
  slogan: 'theme',
  主题: 'theme',
  主題: 'theme',
  where: 'city',
  city: 'city',
  venue: 'city',
  哪里: 'city',
  哪裡: 'city',
  城市: 'city',
  地点: 'city',
  地點: 'city',
  stat: 'statistics',
  stats: 'statistics',
  statistics: 'statistics',
  statistic: 'statistics',
  figures: 'statistics',
  数据: 'statistics',
  數據: 'statistics',
  统计: 'statistics',
  統計: 'statistics',
  多少: 'figure',
  几: 'figure',
  幾: 'figure',
};

/**
 * Words naming a kind of record that say what is wanted only right after "which" / "what" or a Chinese question
 * word ("which organisation runs …", 哪个机构运营 …, 哪家公司 …); anywhere else they may be part of a name.
 */
const ASKED_KIND: Record<string, Intent> = {
  organisation: 'organization',
  organisations: 'organization',
  organization: 'organization',
  organizations: 'organization',
  company: 'organization',
  companies: 'organization',
  机构: 'organization',
  機構: 'organization',
  公司: 'organization',
};
const WHICH = new Set(['which', 'what']);

/** English words that make a question when they open the query. */
const OPENERS = new Set([
  'who',
  'whom',
  'whose',
  'what',
  'whats',
  'when',
  'where',
  'which',
  'why',
  'how',
  'did',
  'does',
  'do',
  'is',
  'are',
  'was',
  'were',
  'can',
  'tell',
  'show',
  'list',
  'find',
]);
/** English intents that only a question's opening word carries ("who spoke", not "users who watch"). */
const OPENING_ONLY: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'when', 'where', 'how']);
/** Chinese question words and particles: a question wherever they stand. */
const ZH_QUESTION: ReadonlySet<string> = new Set([...CHINESE_QUESTION_WORDS, '什么时候']);

/** Whether piece i names the kind a question asks for: "which organisation", 哪个机构, 哪家公司. */
function askedKind(all: readonly { text: string; cjk: boolean }[], i: number): Intent | undefined {
  const kind = ASKED_KIND[all[i]!.text];
  if (!kind) return undefined;
  const before = all[i - 1]?.text;
  if (!all[i]!.cjk) return i === 1 && before !== undefined && WHICH.has(before) ? kind : undefined;
  // The segmenter splits 哪家 into 哪 | 家.
  const asks = (p?: { text: string; cjk: boolean }) => p?.cjk === true && ZH_QUESTION.has(p.text);
  return asks(all[i - 1]) || (before === '家' && asks(all[i - 2])) ? kind : undefined;
}

/** The words of a normalised query, Chinese runs split into their segments. */
function pieces(normalised: string): { text: string; cjk: boolean }[] {
  return words(normalised).flatMap((w): { text: string; cjk: boolean }[] =>
    hasCjk(w) ? segments(w).map((text) => ({ text, cjk: true })) : [{ text: w, cjk: false }],
  );
}

export function readQuestion(query: string): Question {
  const full = normalise(query);
  const all = pieces(full);
  let intent: Intent | undefined;
  const kept: string[] = [];
  let glue = false;
  let dropped = false;
  const asked =
    (all[0] !== undefined && OPENERS.has(all[0].text)) || all.some((p) => p.cjk && ZH_QUESTION.has(p.text));
  all.forEach((p, i) => {
    const next = all[i + 1]?.text;
    const said = i > 0 && OPENING_ONLY.has(p.text) ? undefined : (INTENT_WORDS[p.text] ?? askedKind(all, i));
    // "how many" / "how much" / "number of": a figure.
    const figure =
      (p.text === 'how' && i === 0 && (next === 'many' || next === 'much')) ||
      (p.text === 'number' && next === 'of');
    if (figure) intent ??= 'figure';
    if (said) intent = intent === 'figure' && said === 'statistics' ? intent : (intent ?? said);
    // 哪家 ("which one of the businesses"), split by the segmenter: the counter is part of the question word.
    const counter = p.text === '家' && all[i - 1]?.text === '哪';
    if (said || figure || counter || isFiller(p.text)) {
      dropped = true;
      glue = false;
      return;
    }
    // Chinese segments that stood side by side stay one run ("快手" "副总裁" → 快手副总裁).
    if (p.cjk && glue) kept[kept.length - 1] += p.text;
    else kept.push(p.text);
    glue = p.cjk;
  });
  return dropped ? { intent, asked, content: kept.join(' '), dropped } : { asked, content: full, dropped };
}
