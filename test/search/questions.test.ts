// The questions people actually type, written from the five source articles (the seeds carry their facts):
// each must put its record first, or in the first three, of what /search (or the command named) answers. The
// rows of issue 11's table come first; then every kind of record, in English and in Chinese.
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/knowledge/schema';
import { createLookup } from '../../src/search/lookup';
import type { Answer } from '../../src/search/lookup-types';
import { buildSearchTables } from '../../src/search/tables';
import { shippedCompiled } from '../support/shipped';
import { knowledgeOf } from './fixtures';

const records = shippedCompiled().index.records;
const lookup = createLookup(knowledgeOf(records, buildSearchTables(records)));

/** The command a question is typed into: the kinds it searches. */
const COMMAND: Record<string, readonly Kind[] | undefined> = {
  search: undefined,
  speaker: ['people'],
  stat: ['statistics'],
  edition: ['editions'],
};

interface Question {
  q: string;
  command?: keyof typeof COMMAND;
  /** The record that must be first. */
  first?: string;
  /** Records that must all be in the first three. */
  top3?: string[];
  /** The field the reply must lead with. */
  answer?: Answer;
}

const QUESTIONS: Question[] = [
  // Issue 11's table.
  { q: 'who spoke about micro-dramas', top3: ['liu-zhen', 'wu-kelei'] },
  { q: 'what was the theme in 2021', first: 'ciac-9', answer: { field: 'theme' } },
  {
    q: 'how many attendees 2024',
    command: 'stat',
    first: 'ciac-11',
    answer: { field: 'figure', measure: 'attendees' },
  },
  { q: 'brazil', top3: ['liu-zhen'] },
  { q: 'sanxingdui', top3: ['liu-zhen', 'foreign-internet-celebrities-china-tour'] },
  { q: 'trust economy', first: 'cao-shibo' },
  { q: 'kuaishou', command: 'speaker', top3: ['liu-zhen', 'cao-shibo'] },
  { q: 'tencent vice president', command: 'speaker', first: 'han-zhijie' },
  { q: '力量之星', top3: ['fan-deduo'] },
  // …and by the Chinese names they are known by: aliases marked as background knowledge, in both scripts.
  { q: '理想照耀中国', first: 'ideal-shines-on-china' },
  { q: '理想照耀中國', first: 'ideal-shines-on-china' },
  { q: '力量之星', first: 'forum-ciac-9-new-video-night' },
  { q: '外国网红中国行', first: 'foreign-internet-celebrities-china-tour' },
  { q: '外國網紅中國行', first: 'foreign-internet-celebrities-china-tour' },
  { q: '外国网红', top3: ['foreign-internet-celebrities-china-tour'] },
  { q: '快手副总裁', first: 'liu-zhen' },
  { q: '快手副总裁', command: 'speaker', first: 'liu-zhen' },
  // Editions.
  { q: 'when was the 11th', first: 'ciac-11', answer: { field: 'dates' } },
  { q: 'when was the 9th conference held', first: 'ciac-9', answer: { field: 'dates' } },
  { q: 'where was the 5th held', first: 'ciac-5', answer: { field: 'city' } },
  { q: 'theme of the 5th', first: 'ciac-5', answer: { field: 'theme' } },
  { q: 'what is the theme of season 2', first: 'csvc-s2', answer: { field: 'theme' } },
  { q: 'how many guests at the 9th', first: 'ciac-9', answer: { field: 'figure', measure: 'guests' } },
  { q: 'how many events did the 5th have', first: 'ciac-5', answer: { field: 'figure', measure: 'events' } },
  { q: 'stats 2021', command: 'stat', first: 'ciac-9', answer: { field: 'statistics' } },
  { q: '9th', command: 'stat', first: 'ciac-9', answer: { field: 'statistics' } },
  { q: 'conference in Hangzhou', top3: ['csvc-s2'] },
  { q: 'short video linking thousands of industries', first: 'csvc-s2' },
  { q: 'New Journey of Seeing and Hearing', first: 'ciac-9' },
  // People.
  { q: 'who is Zuo Xing', first: 'zuo-xing' },
  { q: 'who directed the second season', command: 'speaker', first: 'zuo-xing' },
  { q: 'deputy director of SAPPRFT', command: 'speaker', first: 'tian-jin' },
  { q: 'who from Tencent spoke at the 5th', command: 'speaker', top3: ['sun-zhonghuai'] },
  { q: 'Zhejiang Radio and TV Group', command: 'speaker', first: 'lv-jianchu' },
  { q: 'cover news reporter', command: 'speaker', first: 'li-yuxin' },
  { q: 'overseas micro drama market forecast', command: 'speaker', first: 'wu-kelei' },
  { q: 'What did Dianzhong Technology say', top3: ['wu-kelei', 'dianzhong-tech'] },
  { q: 'Han Zhiji', first: 'han-zhijie' },
  // Organisations, reports, forums, works, series, statistics.
  { q: 'Aauto Quicker', first: 'kuaishou' },
  { q: 'who hosted the 9th', top3: ['ciac-9'] },
  { q: 'development report 2024', top3: ['report-ciac-2024'] },
  { q: 'international communication summit', top3: ['forum-ciac-9-international-communication'] },
  { q: 'short video live broadcast day', first: 'forum-ciac-9-short-video-live-day' },
  { q: 'Ideal Shines on China', first: 'ideal-shines-on-china' },
  { q: 'how many plays did Eleven Books get', top3: ['stat-plays-eleven-books'] },
  { q: 'China Short Video Conference', first: 'csvc' },
  { q: 'daily usage in 2021', command: 'stat', first: 'stat-short-video-daily-minutes-2021' },
  {
    q: 'how many online audiovisual users',
    command: 'stat',
    top3: ['stat-online-audiovisual-users-2020-12'],
  },
  { q: 'WeTV downloads', command: 'stat', first: 'stat-wetv-downloads' },
  { q: 'how many users paid for micro-dramas', command: 'stat', first: 'stat-micro-drama-paying-users-2024' },
  // Chinese.
  { q: '谁讲了微短剧', top3: ['wu-kelei', 'liu-zhen'] },
  { q: '2021年的主题是什么', first: 'ciac-9', answer: { field: 'theme' } },
  { q: '第十一届什么时候举办', first: 'ciac-11', answer: { field: 'dates' } },
  { q: '第十一届有多少观众', first: 'ciac-11', answer: { field: 'figure', measure: 'attendees' } },
  { q: '2024年有多少观众', command: 'stat', first: 'ciac-11' },
  { q: '第九届中国网络视听大会', first: 'ciac-9' },
  { q: '中国短视频大会', first: 'csvc' },
  { q: '快手', first: 'kuaishou' },
  { q: '快手', command: 'speaker', top3: ['liu-zhen'] },
  { q: '腾讯视频副总裁', command: 'speaker', first: 'han-zhijie' },
  { q: '騰訊視頻副總裁', command: 'speaker', first: 'han-zhijie' },
  { q: '快手副總裁', command: 'speaker', first: 'liu-zhen' },
  { q: '三星堆', top3: ['foreign-internet-celebrities-china-tour', 'liu-zhen'] },
  { q: '巴西', top3: ['liu-zhen'] },
  { q: '乡村振兴', top3: ['fan-deduo'] },
  { q: '鄉村振興', top3: ['fan-deduo'] },
  { q: '乡村振兴晚会', top3: ['forum-ciac-9-new-video-night'] },
  { q: '谁是力量之星', command: 'speaker', top3: ['fan-deduo'] },
  { q: '微短剧海外市场', command: 'speaker', first: 'wu-kelei' },
  { q: '第九届的统计数据', command: 'stat', first: 'ciac-9', answer: { field: 'statistics' } },
  { q: '人均单日使用时长 2024年', command: 'stat', first: 'stat-short-video-daily-minutes-2024' },
  { q: '成都', command: 'edition', top3: ['ciac-11'] },
  { q: '国家广播电视总局', first: 'nrta' },
  { q: '信任经济', top3: ['cao-shibo'] },
];

function ask(question: Question) {
  const kinds = COMMAND[question.command ?? 'search'];
  const options = kinds ? { kinds } : {};
  const r = lookup.resolve(question.q, { ...options, limit: 9 });
  const listed = r.status === 'found' ? [r.hit, ...r.others] : r.candidates;
  return { r, listed };
}

describe('the question set', () => {
  it('has at least 60 questions, 20 of them Chinese, covering every kind of record', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(QUESTIONS.filter((q) => /\p{Script=Han}/u.test(q.q)).length).toBeGreaterThanOrEqual(20);
    const ids = QUESTIONS.flatMap((q) => [...(q.first ? [q.first] : []), ...(q.top3 ?? [])]);
    const kindOf = (id: string) =>
      (Object.keys(records) as Kind[]).find((k) => records[k].some((r: { id: string }) => r.id === id));
    const covered = new Set(ids.map(kindOf));
    for (const k of [
      'series',
      'editions',
      'people',
      'organizations',
      'statistics',
      'forums',
      'reports',
      'works',
    ])
      expect(covered, k).toContain(k);
  });

  for (const question of QUESTIONS) {
    const name = `${question.command ?? 'search'}: ${question.q}`;
    it(name, () => {
      const { listed } = ask(question);
      const ids = listed.map((h) => h.id);
      if (question.first) expect(ids[0], ids.join(' ')).toBe(question.first);
      for (const id of question.top3 ?? []) expect(ids.slice(0, 3), ids.join(' ')).toContain(id);
      if (question.answer) expect(listed[0]?.answer).toEqual(question.answer);
    });
  }

  it('answers the Chinese names of the work, the honour and the tour, in both scripts, with their record, not “ambiguous”', () => {
    const named: [string, string][] = [
      ['理想照耀中国', 'ideal-shines-on-china'],
      ['理想照耀中國', 'ideal-shines-on-china'],
      ['力量之星', 'forum-ciac-9-new-video-night'],
      ['外国网红中国行', 'foreign-internet-celebrities-china-tour'],
      ['外國網紅中國行', 'foreign-internet-celebrities-china-tour'],
      // The Traditional forms of the other Chinese aliases, derived when the index is compiled, find theirs too.
      ['國家廣電總局', 'nrta'],
      ['國家網信辦', 'cac'],
      ['中央網信辦', 'cac'],
      ['網路視聽大會', 'ciac'],
    ];
    for (const [q, id] of named) {
      const r = lookup.resolve(q);
      expect(r.status === 'found' ? r.hit.id : r.status, q).toBe(id);
    }
  });

  it('answers nonsense with no clear match, even when one common word matches', () => {
    for (const q of ['xyzzy qwv', 'china xyzzy', 'the', 'what is', '的是什么', 'china']) {
      expect(lookup.resolve(q).status, q).not.toBe('found');
    }
  });
});
