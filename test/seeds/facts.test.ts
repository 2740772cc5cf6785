import { beforeAll, describe, expect, it } from 'vitest';
import { dateBasis } from '../../src/knowledge/calendar';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { Kind, RecordOf } from '../../src/knowledge/schema';
import { shippedKnowledgeBase } from '../support/shipped';

const S000 = 'src-000-short-video-s2';
const S001 = 'src-001-cover-news-11th';
const S002 = 'src-002-fifth-ciac';
const S003 = 'src-003-china-daily-11th';
const S004 = 'src-004-ninth-ciac';

let kb: KnowledgeBase;

beforeAll(() => {
  kb = shippedKnowledgeBase();
});

function must<K extends Kind>(kind: K, id: string): RecordOf[K] {
  const record = kb.get(kind, id);
  if (!record) throw new Error(`no ${kind} record ${id}`);
  return record;
}

describe('the sources themselves', () => {
  it('has one record per document, by file name', () => {
    const files = Object.fromEntries(kb.records.sources.map((s) => [s.id, s.file]));
    expect(files).toEqual({
      [S000]: '000_ff2a6dcaf15f3bfc.txt',
      [S001]: '001_86e362df461c6ce8.txt',
      [S002]: '002_2b4669771a46fac0.txt',
      [S003]: '003_c84a4b74f2fa5aaa.txt',
      [S004]: '004_f75ed3e276a0d9bd.txt',
    });
    expect(must('sources', S001)).toMatchObject({
      outlet: 'Cover News',
      author: 'Li Yuxin',
      machineTranslated: true,
    });
    expect(must('sources', S004).published).toBe('2021-06-03');
  });

  it('cites only sources that exist, in every record', () => {
    const known = new Set(kb.records.sources.map((s) => s.id));
    const cited = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(cited);
      if (value === null || typeof value !== 'object') return [];
      return Object.entries(value).flatMap(([key, v]) => (key === 'sources' ? (v as string[]) : cited(v)));
    };
    const { sources: _documents, ...facts } = kb.records;
    const all = cited(facts);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('statistics in Chinese', () => {
  it('gives every statistic its measure and the counted thing in Chinese, with no scale word in it', () => {
    for (const s of kb.records.statistics) {
      const zh = s.i18n?.['zh-CN'];
      expect(zh?.measure, s.id).toMatch(/\p{Script=Han}/u);
      expect(zh?.unit, s.id).toMatch(/\S/);
      // The scale comes from the English unit (million, billion); a Chinese one would apply it twice.
      expect(zh?.unit, s.id).not.toMatch(/[万亿千百]/);
    }
  });
});

describe('000: China Short Video Conference, season 2', () => {
  it('knows where season 2 was launched, its theme and host', () => {
    const s2 = must('editions', 'csvc-s2');
    expect(s2).toMatchObject({ series: 'csvc', season: 2, year: 2025, city: 'Hangzhou', hosts: ['cmg'] });
    expect(s2.theme).toBe('short video linking thousands of industries');
    expect(s2.sources).toEqual([S000]);
  });

  it("dates season 1's launch to September 2022", () => {
    const [claim] = must('editions', 'csvc-s1').dates;
    expect(claim).toMatchObject({ start: '2022-09', shown: true, sources: [S000] });
  });

  it("gives Zuo Xing's role", () => {
    const [role] = must('people', 'zuo-xing').roles;
    expect(role?.title).toMatch(/general director/i);
    expect(role).toMatchObject({ edition: 'csvc-s2', sources: [S000] });
    expect(kb.related('csvc-s2').people).toEqual(expect.arrayContaining(['zuo-xing', 'xu-husheng']));
  });
});

describe('001: the 11th edition, by Cover News', () => {
  it("keeps Cover News' March 28–29 as a claim that is not shown", () => {
    const claim = must('editions', 'ciac-11').dates.find((d) => d.sources.includes(S001));
    expect(claim).toMatchObject({ start: '2024-03-28', end: '2024-03-29', shown: false });
  });

  it("ties Liu Zhen to Kuaishou and the 'Seeing Inspiration in China' forum", () => {
    const liu = must('people', 'liu-zhen');
    expect(liu.roles[0]).toMatchObject({ organisation: 'kuaishou', edition: 'ciac-11' });
    expect(liu.roles[0]?.sources).toContain(S001);
    const keynote = liu.appearances.find((a) => a.forum === 'forum-seeing-inspiration-in-china');
    expect(keynote?.sources).toEqual([S001]);
    expect(must('forums', 'forum-seeing-inspiration-in-china').edition).toBe('ciac-11');
    expect(kb.related('liu-zhen').editions).toContain('ciac-11');
  });

  it('reports 151 minutes of short video a day from the 2024 report, in a series with 2021', () => {
    const stat = must('statistics', 'stat-short-video-daily-minutes-2024');
    expect(stat).toMatchObject({ value: 151, unit: 'minutes', edition: 'ciac-11', sources: [S001] });
    expect(stat.reportedBy?.report).toBe('report-ciac-2024');
    expect(must('statistics', 'stat-short-video-daily-minutes-2021').series).toBe(stat.series);
  });

  it('counts 270 million daily short-drama viewers on Kuaishou, reported by Liu Zhen', () => {
    const stat = must('statistics', 'stat-kuaishou-daily-short-drama-viewers');
    expect(stat).toMatchObject({ value: 270, unit: 'million people', sources: [S001] });
    expect(stat.reportedBy?.person).toBe('liu-zhen');
  });
});

describe('002: the 5th edition', () => {
  it('has its city, theme and 2017 year, with the inference explained', () => {
    const fifth = must('editions', 'ciac-5');
    expect(fifth).toMatchObject({ ordinal: 5, year: 2017, city: 'Chengdu' });
    expect(fifth.theme).toBe('New Mission, New Vision, and New Energy');
    const [claim] = fifth.dates;
    expect(claim).toMatchObject({ start: '2017-12-01', shown: true, sources: [S002] });
    expect(claim?.note).toMatch(/2017 development report/);
  });

  it('names its organisers, guiding bodies and figures', () => {
    const fifth = must('editions', 'ciac-5');
    expect(fifth.organisers).toEqual(['cnapsa', 'gov-chengdu']);
    expect(fifth.guidedBy).toEqual(['sapprft', 'cac']);
    expect(fifth.figures.find((f) => f.measure === 'events')).toMatchObject({ value: 36, sources: [S002] });
    expect(fifth.highlights).toHaveLength(6);
  });

  it('has the 5th organised by CNAPSA and Chengdu with no host above them (issue 12: 主办 in Chinese)', () => {
    const fifth = must('editions', 'ciac-5');
    expect(fifth.hosts).toEqual([]);
    expect(fifth.organisers).toEqual(['cnapsa', 'gov-chengdu']);
  });

  it("gives Tian Jin's SAPPRFT role", () => {
    expect(must('people', 'tian-jin').roles[0]).toMatchObject({ organisation: 'sapprft', sources: [S002] });
  });
});

describe('003: the 11th edition, by China Daily', () => {
  it('shows March 28–30, which only China Daily gives', () => {
    const eleventh = must('editions', 'ciac-11');
    const shown = eleventh.dates.filter((d) => d.shown);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ start: '2024-03-28', end: '2024-03-30', sources: [S003] });
    expect(shown[0]?.note).toBeTruthy();
    expect(eleventh.city).toBe('Chengdu');
    expect(kb.onMonthDay('03-28').some((e) => e.id === 'ciac-11' && e.event === 'start')).toBe(true);
  });

  it('cites China Daily alone for the calendar days of March 28–30, which Cover News disputes (issue 12)', () => {
    const item = kb.find('ciac-11');
    if (!item) throw new Error('no ciac-11');
    expect(dateBasis(item)).toEqual({ sources: [S003], differs: true });
    expect(kb.onMonthDay('03-30').find((e) => e.id === 'ciac-11')?.event).toBe('end');
    const fifth = kb.find('ciac-5');
    if (!fifth) throw new Error('no ciac-5');
    expect(dateBasis(fifth)).toEqual({ sources: [S002], differs: false });
  });

  it('counts nearly 10,000 representatives', () => {
    const figure = must('editions', 'ciac-11').figures.find((f) => f.measure === 'attendees');
    expect(figure).toMatchObject({ value: 10000, qualifier: 'nearly', sources: [S003] });
  });

  it("has Han Zhijie at Tencent Video and WeTV's 200 million downloads", () => {
    expect(must('people', 'han-zhijie').roles[0]).toMatchObject({
      organisation: 'tencent-video',
      sources: [S003],
    });
    const stat = must('statistics', 'stat-wetv-downloads');
    expect(stat).toMatchObject({ value: 200, qualifier: 'more-than', sources: [S003] });
  });

  it('gives the Chinese names from the editor’s note', () => {
    expect(must('series', 'ciac').i18n?.['zh-CN']?.name).toBe('中国网络视听大会');
    expect(must('series', 'ciac').sources).toContain(S003);
    expect(must('organizations', 'cnapsa').aliases).toContain('中国网络视听服务协会');
    expect(must('organizations', 'cnapsa').sources).toContain(S003);
  });
});

describe('004: the 9th edition', () => {
  it('shows the dateline June 3 and keeps the body’s “5th” as a differing claim', () => {
    const dates = must('editions', 'ciac-9').dates;
    expect(dates.find((d) => d.shown)).toMatchObject({ start: '2021-06-03', sources: [S004] });
    const other = dates.find((d) => !d.shown);
    expect(other).toMatchObject({ start: '2021-06-05', sources: [S004] });
    expect(other?.note).toBeTruthy();
  });

  it('lists its three firsts', () => {
    const firsts = must('editions', 'ciac-9').firsts;
    expect(firsts).toHaveLength(3);
    const text = firsts.map((f) => f.text).join(' ');
    expect(text).toMatch(/live/i);
    expect(text).toMatch(/international communication/i);
    expect(text).toMatch(/technology/i);
    for (const f of firsts) expect(f.sources).toEqual([S004]);
  });

  it('dates the international communication forum and names its hosts', () => {
    expect(must('forums', 'forum-ciac-9-international-communication')).toMatchObject({
      edition: 'ciac-9',
      date: '2021-06-03',
      hosts: ['nrta-international-cooperation'],
      organisers: ['mango-tv'],
      sources: [S004],
    });
  });

  it('puts the short-video user counts of June and December 2020 in one series', () => {
    const june = must('statistics', 'stat-short-video-users-2020-06');
    const december = must('statistics', 'stat-short-video-users-2020-12');
    expect([june.value, december.value]).toEqual([817, 873]);
    expect(june.series).toBe(december.series);
    expect(december.reportedBy?.report).toBe('report-ciac-2021');
    expect(must('reports', 'report-ciac-2021')).toMatchObject({ released: '2021-06-02', sources: [S004] });
  });

  it('records the machine-translated names as aliases', () => {
    const cao = must('people', 'cao-shibo');
    // The name as the source gives it; our pinyin reconstruction is only in the note, which says so.
    expect(cao.name).toBe('Cao World Expo');
    // Issue 12: the guess is not shown under "Also known as"; only the note gives it, as a guess.
    expect(cao.aliases).toEqual([]);
    expect(cao.i18n?.['zh-CN']?.name).toBeUndefined();
    expect(cao.note).toMatch(/machine translation/);
    expect(cao.note).toMatch(/"Cao Shibo" is only our guess/);
    expect(cao.sources).toEqual([S004]);
    expect(must('organizations', 'kuaishou').aliases).toContain('Aauto Quicker');
    expect(must('organizations', 'cac').aliases).toContain('Central Network Information Office');
    expect(must('organizations', 'cmg').aliases).toContain('Central Radio and Television General Station');
  });

  it('keeps the three CCTV News works apart, in no invented order (issue 12)', () => {
    const ids = ['they-were-young-at-that-time', 'their-love-at-that-time', 'their-friendship-at-that-time'];
    const titles = ids.map((id) => must('works', id).title);
    expect(titles).toEqual([
      'They were young at that time',
      'Their love at that time',
      'Their friendship at that time',
    ]);
    for (const id of ids) {
      const work = must('works', id);
      expect(work).toMatchObject({ by: ['cctv-news'], edition: 'ciac-9', sources: [S004] });
      expect(work.aliases ?? [], id).toEqual([]);
      expect(work.summary, id).not.toMatch(/followed by|began with|series/i);
      expect(work.i18n?.['zh-CN']?.summary, id).not.toMatch(/其后|开篇|系列/);
      expect(kb.related('cctv-news').works, id).toContain(id);
    }
    const cctvNews = must('organizations', 'cctv-news');
    expect(cctvNews.summary).not.toMatch(/began with|through the eyes of/);
    expect(cctvNews.i18n?.['zh-CN']?.summary).not.toMatch(/开篇|视角/);
  });

  it('names the 9th’s guiding unit as the source does, 中央网信办 (issue 12)', () => {
    const ninth = must('editions', 'ciac-9');
    expect(ninth.guidedBy).toEqual(['cac']);
    const named = ninth.namedAs?.find((n) => n.organisation === 'cac');
    expect(named).toMatchObject({ name: 'Central Network Information Office', sources: [S004] });
    expect(named?.i18n?.['zh-CN']?.name).toBe('中央网信办');
  });

  it("has Zhou Jie's 125 minutes as of March 2021", () => {
    const stat = must('statistics', 'stat-short-video-daily-minutes-2021');
    expect(stat).toMatchObject({ value: 125, asOf: '2021-03', sources: [S004] });
    expect(stat.reportedBy?.person).toBe('zhou-jie');
  });

  it('names no reporter where the article does not say who counted', () => {
    const unattributed = [
      'stat-plays-hundred-years-making-steel',
      'stat-plays-eleven-books',
      'stat-plays-ideal-shines-on-china',
      'stat-chengdu-check-in-points',
    ];
    for (const id of unattributed) {
      const stat = must('statistics', id);
      expect(stat.reportedBy, id).toBeUndefined();
      expect(stat.sources).toEqual([S004]);
      // Still linked both ways to its edition, and to nobody as its reporter.
      expect(kb.related(id)).toEqual({ editions: ['ciac-9'], sources: [S004] });
      expect(kb.related('ciac-9').statistics).toContain(id);
    }
    expect(kb.related('nrta').statistics ?? []).toEqual([]);
    expect(kb.related('gov-chengdu').statistics ?? []).toEqual([]);
  });
});

// Issue 12, "Claims the sources do not support": each removed or reworded to what the source says.
describe('claims the sources do not support (issue 12)', () => {
  const texts = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(texts);
    if (value === null || typeof value !== 'object') return [];
    return Object.values(value).flatMap(texts);
  };
  const all = () => texts(kb.records).join('\n');

  it('1: does not call the bodies that planned the China Daily series the 11th edition’s organisers', () => {
    const note = must('editions', 'ciac-11').dates.find((d) => d.shown)?.note ?? '';
    expect(note).not.toMatch(/with the organisers/);
    expect(note).toMatch(/editor's note/);
    expect(note).toMatch(/No source names the 11th edition's organisers/);
    expect(must('editions', 'ciac-11').dates.find((d) => d.shown)?.i18n?.['zh-CN']?.note).not.toMatch(
      /与主办方/,
    );
  });

  it('2: names the “stars of strength” instead of counting them', () => {
    expect(all()).not.toMatch(/six "stars of strength"|六位“力量之星”/);
    const night = must('forums', 'forum-ciac-9-new-video-night');
    for (const name of ['Zheng Hongjie', 'Peng', 'Fan Deduo', 'Zhang', 'Lu Weijian', 'Wu Zhaoguo'])
      expect(night.summary.replace(/\s+/g, ' ')).toContain(name);
  });

  it('3: dates only the programme launch to the 11th; the studio and the memorandum stay undated', () => {
    expect(must('organizations', 'pandaguide-studio').summary).not.toMatch(/at the 11th/);
    expect(must('organizations', 'fudan-journalism').summary).not.toMatch(/at the 11th/);
    const centre = must('organizations', 'sichuan-international-communication-center').summary;
    expect(centre.replace(/\s+/g, ' ')).toMatch(/without a date/);
  });

  it('4: does not call Ganzi a Tibetan Autonomous Prefecture, nor put it in Sichuan, which no source says', () => {
    const bureau = must('organizations', 'ganzi-culture-tourism-bureau');
    expect(bureau.summary).not.toMatch(/Tibetan|Sichuan/);
    expect(bureau.i18n?.['zh-CN']?.summary).not.toMatch(/藏族自治州|四川/);
    for (const id of ['stat-ganzi-tourists-2020', 'stat-ganzi-tourists-target-2021']) {
      expect(must('statistics', id).scope, id).toBe('Ganzi Prefecture');
      expect(must('statistics', id).i18n?.['zh-CN']?.scope, id).toBe('甘孜州');
    }
  });

  it('5: gives Zuo Xing no gender and marks CMG as our inference', () => {
    const zuo = must('people', 'zuo-xing');
    expect(texts(zuo).join('\n')).not.toMatch(/\bhis\b|\bhe\b|他/i);
    expect(zuo.roles[0]).toMatchObject({ organisation: 'cmg', basis: 'inference' });
    expect(zuo.roles[0]?.note).toMatch(/CMG is our inference/);
  });

  it('6: does not list the guess "Cao Shibo" as an alias', () => {
    expect(must('people', 'cao-shibo').aliases).toEqual([]);
  });

  it('7: uses no Chinese title that no source gives, but as an alias marked as background knowledge', () => {
    // Issue 11: a name people search by may come back as an alias, if the card marks it "not from the sources".
    const unmarked = (record: object): object => {
      const { aliases, basisOf, i18n, ...rest } = record as Record<string, unknown> & {
        basisOf?: { aliases?: { basis?: string } };
        i18n?: Record<string, Record<string, unknown>>;
      };
      if (basisOf?.aliases?.basis !== 'background') return record;
      const { aliases: _, ...marks } = basisOf;
      const local = Object.fromEntries(
        Object.entries(i18n ?? {}).map(([l, { aliases: __, ...t }]) => [l, t]),
      );
      return { ...rest, basisOf: marks, i18n: local };
    };
    const outside = texts(Object.values(kb.records).flatMap((list) => list.map(unmarked))).join('\n');
    for (const title of ['百炼成钢', '理想照耀中国', '如果蜗牛有爱情', '觉醒年代', '外国网红中国行'])
      expect(outside).not.toContain(title);
    const work = must('works', 'ideal-shines-on-china');
    expect(work.i18n?.['zh-CN']?.aliases).toEqual(['理想照耀中国']);
    expect(work.basisOf?.aliases).toMatchObject({
      basis: 'background',
      note: expect.stringMatching(/not given|give only/),
    });
    const tour = must('organizations', 'foreign-internet-celebrities-china-tour');
    expect(tour.i18n?.['zh-CN']?.aliases).toEqual(['外国网红中国行']);
    expect(tour.basisOf?.aliases?.basis).toBe('background');
  });

  it('8: has no "China Online Audiovisual Conference" alias', () => {
    expect(must('series', 'ciac').aliases).not.toContain('China Online Audiovisual Conference');
  });

  it('9: compares short video’s loyalty with comprehensive video only', () => {
    const stat = must('statistics', 'stat-short-video-daily-viewers-share-2021');
    expect(stat.summary).toMatch(/comprehensive video/);
    expect(stat.summary).not.toMatch(/any video category/);
    expect(stat.i18n?.['zh-CN']?.summary).toMatch(/综合视频/);
  });

  it('10: calls Zheng Hongjie a craftsman and Peng Xiaoying and Fan Deduo Wenzhou farmers, not creators', () => {
    expect(must('people', 'zheng-hongjie').roles[0]?.title).toBe('Craftsman');
    for (const id of ['peng-xiaoying', 'fan-deduo']) {
      const [role] = must('people', id).roles;
      expect(role?.title, id).toMatch(/^Wenzhou farmer/);
      expect(role?.title, id).not.toMatch(/creator/);
      expect(role?.i18n?.['zh-CN']?.title, id).not.toMatch(/创作者/);
    }
  });

  it('11: does not call If Snails Have Love or Ebola Frontline dramas', () => {
    expect(must('works', 'if-snails-have-love').kind).not.toBe('drama');
    expect(must('works', 'ebola-frontline').kind).not.toBe('drama');
  });

  it('12: scopes the 40 % and 30 % micro-drama figures to “users”, as the source does', () => {
    for (const id of ['stat-micro-drama-frequent-viewers-2024', 'stat-micro-drama-paying-users-2024']) {
      expect(must('statistics', id).scope, id).toBe('users');
      expect(must('statistics', id).i18n?.['zh-CN']?.scope, id).toBe('用户');
    }
  });

  it('13: gives the $10 billion as an estimate, not “about”', () => {
    const stat = must('statistics', 'stat-overseas-micro-drama-market-2027');
    expect(stat.qualifier).toBe('exactly');
    expect(stat.measure).toMatch(/estimate/);
  });
});

describe('claims that rest on our inference say so (issue 12)', () => {
  it('marks the 5th’s year, season 2’s year, Zuo Xing’s CMG and the performing “Xiaoying couple” as inferred, each with a note', () => {
    const claims = [
      must('editions', 'ciac-5').dates[0],
      must('editions', 'csvc-s2').dates[0],
      must('people', 'zuo-xing').roles[0],
      must('people', 'peng-xiaoying').appearances[0],
    ];
    for (const claim of claims) {
      expect(claim?.basis).toBe('inference');
      expect(claim?.note).toMatch(/\S/);
      expect(claim?.i18n?.['zh-CN']?.note).toMatch(/推断|推测/);
    }
  });
});
