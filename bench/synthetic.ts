// A seeded generator of records shaped like the real seeds (pinyin names, organisations with Chinese names and
// machine-translated aliases, dated statistics, editions), and of a fixed query mix over them, for the benchmarks.
import type { IndexFile } from '../src/knowledge/knowledge-base';
import type {
  Edition,
  Organization,
  Person,
  Report,
  Series,
  Source,
  Statistic,
} from '../src/knowledge/schema';

export type Records = IndexFile['records'];

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SURNAMES: readonly [string, string][] = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Huang', '黄'],
  ['Zhao', '赵'],
  ['Wu', '吴'],
  ['Zhou', '周'],
  ['Xu', '徐'],
  ['Sun', '孙'],
  ['Ma', '马'],
  ['Zhu', '朱'],
  ['Hu', '胡'],
  ['Guo', '郭'],
  ['He', '何'],
  ['Gao', '高'],
  ['Lin', '林'],
  ['Luo', '罗'],
  ['Zheng', '郑'],
  ['Liang', '梁'],
  ['Xie', '谢'],
  ['Song', '宋'],
  ['Tang', '唐'],
  ['Han', '韩'],
  ['Feng', '冯'],
  ['Deng', '邓'],
  ['Cao', '曹'],
  ['Peng', '彭'],
  ['Zeng', '曾'],
  ['Xiao', '肖'],
  ['Tian', '田'],
  ['Dong', '董'],
  ['Pan', '潘'],
  ['Yuan', '袁'],
  ['Cai', '蔡'],
  ['Jiang', '蒋'],
  ['Yu', '余'],
  ['Du', '杜'],
  ['Ye', '叶'],
  ['Cheng', '程'],
  ['Wei', '魏'],
  ['Su', '苏'],
  ['Lu', '卢'],
  ['Ding', '丁'],
  ['Ren', '任'],
  ['Shen', '沈'],
  ['Yao', '姚'],
  ['Fu', '傅'],
];
const GIVEN: readonly [string, string][] = [
  ['wei', '伟'],
  ['fang', '芳'],
  ['min', '敏'],
  ['jing', '静'],
  ['li', '丽'],
  ['qiang', '强'],
  ['lei', '磊'],
  ['jun', '军'],
  ['yang', '洋'],
  ['yong', '勇'],
  ['yan', '艳'],
  ['jie', '杰'],
  ['tao', '涛'],
  ['ming', '明'],
  ['chao', '超'],
  ['xiu', '秀'],
  ['hua', '华'],
  ['ping', '平'],
  ['gang', '刚'],
  ['gui', '桂'],
  ['zhi', '志'],
  ['hong', '红'],
  ['xin', '新'],
  ['hui', '慧'],
  ['ling', '玲'],
  ['bo', '波'],
  ['dan', '丹'],
  ['kai', '凯'],
  ['rui', '瑞'],
  ['shan', '珊'],
  ['zhen', '振'],
  ['yu', '宇'],
  ['hao', '浩'],
  ['xuan', '轩'],
  ['chen', '晨'],
  ['long', '龙'],
  ['feng', '峰'],
  ['guo', '国'],
  ['dong', '东'],
  ['ning', '宁'],
  ['lan', '兰'],
  ['xia', '霞'],
  ['peng', '鹏'],
  ['hai', '海'],
  ['jian', '建'],
  ['wen', '文'],
  ['qing', '青'],
  ['yue', '悦'],
  ['zhong', '忠'],
  ['kang', '康'],
  ['an', '安'],
  ['bin', '斌'],
  ['cheng', '成'],
  ['de', '德'],
  ['fei', '飞'],
  ['he', '和'],
  ['jia', '佳'],
  ['lin', '琳'],
  ['mei', '梅'],
  ['song', '松'],
];
const PLACES: readonly [string, string][] = [
  ['Chengdu', '成都'],
  ['Beijing', '北京'],
  ['Shanghai', '上海'],
  ['Hangzhou', '杭州'],
  ['Hunan', '湖南'],
  ['Zhejiang', '浙江'],
  ['Jiangsu', '江苏'],
  ['Guangdong', '广东'],
  ['Shenzhen', '深圳'],
  ['Chongqing', '重庆'],
  ['Xiamen', '厦门'],
  ['Wuhan', '武汉'],
  ['Tianjin', '天津'],
  ['Fujian', '福建'],
  ['Shandong', '山东'],
];
const CORES: readonly [string, string, string][] = [
  ['Mango', '芒果', 'Mangguo'],
  ['Bilibili', '哔哩哔哩', 'Beeper'],
  ['Kuaishou', '快手', 'Fast Hand'],
  ['Douyin', '抖音', 'Shake Sound'],
  ['iQiyi', '爱奇艺', 'Love Strange Art'],
  ['Tencent', '腾讯', 'Soaring News'],
  ['Youku', '优酷', 'Excellent Cool'],
  ['Xigua', '西瓜', 'Watermelon'],
  ['Migu', '咪咕', 'Mi Gu'],
  ['Huashu', '华数', 'China Digital'],
  ['Pear', '梨', 'Pear Tree'],
  ['Starlight', '星光', 'Star Light'],
  ['Cloud', '云', 'Cloud'],
  ['Phoenix', '凤凰', 'Phoenix'],
  ['Dragon', '龙', 'Long'],
  ['Sunshine', '阳光', 'Sun Light'],
];
const ORG_KINDS: readonly [string, string, Organization['kind']][] = [
  ['Media Group', '传媒集团', 'media'],
  ['Network Technology Co.', '网络科技有限公司', 'company'],
  ['Culture Communication Co.', '文化传播有限公司', 'company'],
  ['Audiovisual Association', '视听协会', 'association'],
  ['Broadcasting Bureau', '广播电视局', 'government'],
  ['Communication University', '传媒大学', 'academic'],
  ['Film and Television Studio', '影视工作室', 'company'],
];
const TOPICS: readonly [string, string][] = [
  ['short video', '短视频'],
  ['micro-drama', '微短剧'],
  ['live streaming', '网络直播'],
  ['online audio', '网络音频'],
  ['long video', '长视频'],
  ['internet audiovisual', '网络视听'],
  ['online literature adaptation', '网络文学改编'],
  ['AI generated video', 'AI生成视频'],
  ['rural livestream commerce', '乡村直播电商'],
  ['documentary', '纪录片'],
];
const MEASURES: readonly [string, string, string][] = [
  ['users of', '用户规模', 'million users'],
  ['average daily usage time of', '人均单日使用时长', 'minutes'],
  ['market size of', '市场规模', 'billion yuan'],
  ['share of netizens using', '网民使用率', 'percent'],
  ['number of creators in', '创作者数量', 'million creators'],
  ['new titles released in', '上线新作数量', 'titles'],
];
const THEMES = [
  'New era, new audiovisual',
  'Audiovisual power',
  'Intelligent audiovisual future',
  'Together online',
];
const WORK_WORDS = [
  'River',
  'Mountain',
  'Light',
  'Home',
  'Road',
  'Spring',
  'Sea',
  'Village',
  'Story',
  'Dream',
];
const WORK_ZH = ['河', '山', '光', '家', '路', '春', '海', '村', '故事', '梦'];

function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Unique ids: the first record keeps `base`, later ones get a counter. */
function idMaker(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

/**
 * `n` records (about; the split over kinds is fixed), valid against the seed schemas with defaults applied and
 * with every reference pointing at a record that exists. The same `n` and `seed` give the same records.
 */
export function generate(n: number, seed: number): Records {
  const rand = rng(seed);
  const makeId = idMaker();
  const sourceCount = Math.max(3, Math.round(n * 0.01));
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: makeId(`source-${i}`),
    file: `${String(i % 1000).padStart(3, '0')}_${(i * 2654435761 + seed).toString(16).replace('-', '')}.txt`,
    outlet: pick(rand, ['Xinhua', 'China Daily', 'People’s Daily', 'CGTN', 'Sina Tech']),
    title: `Report ${i} on internet audiovisual conferences`,
    published: `${int(rand, 2015, 2025)}-${String(int(rand, 1, 12)).padStart(2, '0')}`,
    language: pick(rand, ['en', 'zh', 'en+zh'] as const),
    machineTranslated: rand() < 0.3,
    summary: 'A synthetic source.',
  }));
  const cites = () => [pick(rand, sources).id];

  const seriesCount = Math.max(2, Math.round(n * 0.0005));
  const series: Series[] = Array.from({ length: seriesCount }, (_, i) => {
    const [place, placeZh] = PLACES[i % PLACES.length]!;
    const [topic, topicZh] = TOPICS[i % TOPICS.length]!;
    const season = i % 4 === 3;
    const name = i === 0 ? 'China Internet Audiovisual Conference' : `${place} ${topic} conference ${i}`;
    return {
      id: makeId(i === 0 ? 'ciac' : kebab(`${place} ${topic} conference ${i}`)),
      name,
      i18n: { 'zh-CN': { name: i === 0 ? '中国网络视听大会' : `${placeZh}${topicZh}大会${i}` } },
      short: i === 0 ? 'CIAC' : undefined,
      aliases: i === 0 ? ['China Online Audiovisual Conference'] : [],
      unit: season ? 'season' : 'edition',
      summary: 'A synthetic conference series.',
      sources: cites(),
    };
  });

  const editionCount = Math.max(seriesCount, Math.round(n * 0.004));
  const editions: Edition[] = Array.from({ length: editionCount }, (_, i) => {
    const s = series[i % seriesCount]!;
    const number = Math.floor(i / seriesCount) + 1;
    const year = 2013 + number;
    const [city, cityZh] = pick(rand, PLACES);
    const month = String(int(rand, 1, 12)).padStart(2, '0');
    const start = `${year}-${month}-${String(int(rand, 1, 25)).padStart(2, '0')}`;
    return {
      id: makeId(s.unit === 'season' ? `${s.id}-s${number}` : `${number}-${s.id}`),
      series: s.id,
      ...(s.unit === 'season' ? { season: number } : { ordinal: number }),
      year,
      dates: [{ start, sources: cites(), shown: true }],
      city,
      i18n: { 'zh-CN': { city: cityZh } },
      theme: pick(rand, THEMES),
      aliases: [],
      hosts: [],
      organisers: [],
      guidedBy: [],
      figures: [],
      firsts: [],
      highlights: [],
      summary: 'A synthetic edition.',
      sources: cites(),
    };
  });

  const orgCount = Math.max(2, Math.round(n * 0.15));
  const organizations: Organization[] = Array.from({ length: orgCount }, (_, i) => {
    const [place, placeZh] = pick(rand, PLACES);
    const [core, coreZh, translated] = pick(rand, CORES);
    const [suffix, suffixZh, kind] = pick(rand, ORG_KINDS);
    // Branch numbers skip the years (a year in a query is read as a time, not as part of a name).
    const branch = Math.floor(i / 7);
    const number = i >= PLACES.length * CORES.length ? ` ${branch < 1990 ? branch : branch + 200}` : '';
    const name = `${place} ${core} ${suffix}${number}`;
    const withZh = rand() < 0.6;
    return {
      id: makeId(kebab(name)),
      name,
      i18n: withZh ? { 'zh-CN': { name: `${placeZh}${coreZh}${suffixZh}${number.trim()}` } } : undefined,
      // Machine translations of the Chinese name, as the real seeds carry them.
      aliases: rand() < 0.5 ? [`${place} ${translated} ${suffix}${number}`] : [],
      kind,
      summary: 'A synthetic organisation.',
      sources: cites(),
    };
  });

  const peopleCount = Math.max(2, Math.round(n * 0.4));
  const usedNames = new Set<string>();
  const people: Person[] = Array.from({ length: peopleCount }, () => {
    let name = '';
    let nameZh = '';
    for (let tries = 0; tries < 20 && (!name || usedNames.has(name)); tries++) {
      const [sur, surZh] = pick(rand, SURNAMES);
      const syllables = rand() < 0.7 || tries > 5 ? 2 : 1;
      const parts = Array.from({ length: syllables + (tries > 10 ? 1 : 0) }, () => pick(rand, GIVEN));
      const given = parts.map((p) => p[0]).join('');
      name = `${sur} ${given[0]!.toUpperCase()}${given.slice(1)}`;
      nameZh = surZh + parts.map((p) => p[1]).join('');
    }
    usedNames.add(name);
    const edition = pick(rand, editions);
    return {
      id: makeId(kebab(name)),
      name,
      i18n: rand() < 0.7 ? { 'zh-CN': { name: nameZh } } : undefined,
      aliases: rand() < 0.1 ? [name.split(' ').reverse().join(' ')] : [],
      roles: [{ title: 'Speaker', organisation: pick(rand, organizations).id, sources: cites() }],
      appearances:
        rand() < 0.5
          ? [{ edition: edition.id, as: 'speaker', summary: 'Spoke on a panel.', sources: cites() }]
          : [],
      sources: cites(),
    };
  });

  const reportCount = Math.max(1, Math.round(n * 0.05));
  const reports: Report[] = Array.from({ length: reportCount }, (_, i) => {
    const [topic, topicZh] = TOPICS[i % TOPICS.length]!;
    const year = 2015 + (Math.floor(i / TOPICS.length) % 11);
    const serial = i >= TOPICS.length * 11 ? ` ${Math.floor(i / (TOPICS.length * 11)) + 1}` : '';
    return {
      id: makeId(kebab(`${topic} development report ${year}${serial}`)),
      name: `China ${topic} development report (${year})${serial}`,
      i18n: { 'zh-CN': { name: `中国${topicZh}发展报告（${year}）${serial.trim()}` } },
      aliases: [],
      year,
      publisher: pick(rand, organizations).id,
      released: `${year}-${String(int(rand, 1, 12)).padStart(2, '0')}`,
      summary: 'A synthetic report.',
      sources: cites(),
    };
  });

  const statCount = Math.max(2, Math.round(n * 0.25));
  const statistics: Statistic[] = Array.from({ length: statCount }, (_, i) => {
    const [measure, measureZh, unit] = MEASURES[i % MEASURES.length]!;
    const [topic, topicZh] = TOPICS[Math.floor(i / MEASURES.length) % TOPICS.length]!;
    const group = Math.floor(i / (MEASURES.length * TOPICS.length));
    const year = 2015 + (group % 11);
    const scope = group >= 11 ? pick(rand, PLACES)[0] : undefined;
    const text = `${measure} ${topic}`;
    return {
      id: makeId(kebab(`${text} ${scope ?? ''} ${year}`)),
      measure: text,
      series: kebab(`${text} ${scope ?? 'china'}`),
      value: int(rand, 1, 1500),
      unit,
      qualifier: 'exactly',
      asOf: `${year}-12`,
      scope,
      reportedBy:
        rand() < 0.5 ? { report: pick(rand, reports).id } : { organisation: pick(rand, organizations).id },
      aliases: [`${topicZh}${measureZh}`],
      sources: cites(),
    };
  });

  const forumCount = Math.max(1, Math.round(n * 0.08));
  const forums = Array.from({ length: forumCount }, (_, i) => {
    const edition = pick(rand, editions);
    const [topic, topicZh] = pick(rand, TOPICS);
    const [place, placeZh] = pick(rand, PLACES);
    return {
      id: makeId(kebab(`${place} ${topic} forum ${i}`)),
      name: `${place} ${topic} forum ${i}`,
      i18n: { 'zh-CN': { name: `${placeZh}${topicZh}论坛${i}` } },
      aliases: [],
      edition: edition.id,
      date: edition.dates[0]!.start,
      hosts: [],
      organisers: [pick(rand, organizations).id],
      summary: 'A synthetic forum.',
      sources: cites(),
    };
  });

  const workCount = Math.max(1, Math.round(n * 0.05));
  const works = Array.from({ length: workCount }, (_, i) => {
    const a = int(rand, 0, WORK_WORDS.length - 1);
    const b = int(rand, 0, WORK_WORDS.length - 1);
    return {
      id: makeId(kebab(`the ${WORK_WORDS[a]} ${WORK_WORDS[b]} ${i}`)),
      title: `The ${WORK_WORDS[a]} of the ${WORK_WORDS[b]} ${i}`,
      i18n: { 'zh-CN': { title: `${WORK_ZH[a]}${WORK_ZH[b]}${i}` } },
      aliases: [],
      kind: pick(rand, ['documentary', 'drama', 'film', 'series', 'short-video'] as const),
      edition: rand() < 0.5 ? pick(rand, editions).id : undefined,
      by: [pick(rand, organizations).id],
      summary: 'A synthetic work.',
      sources: cites(),
    };
  });

  return { sources, series, editions, people, organizations, statistics, forums, reports, works };
}

export interface Query {
  kind: 'exact' | 'typo1' | 'typo2' | 'prefix' | 'chinese';
  text: string;
  /** The record the query means (for typo accuracy). */
  expect: string;
}

/** The fixed query mix: 50 exact names, 40 with one typo, 40 with two, 40 three-letter prefixes, 30 Chinese. */
export const QUERY_MIX = { exact: 50, typo1: 40, typo2: 40, prefix: 40, chinese: 30 } as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit (substitute, delete, insert, transpose) on a letter after the first. */
function typo(rand: Rand, text: string): string {
  const positions = [...text].flatMap((c, i) => (i > 0 && /[a-z]/i.test(c) ? [i] : []));
  if (positions.length < 2) return text;
  const i = pick(rand, positions);
  const chars = [...text];
  switch (int(rand, 0, 3)) {
    case 0:
      chars[i] = pick(
        rand,
        [...LETTERS].filter((c) => c !== chars[i]!.toLowerCase()),
      );
      break;
    case 1:
      chars.splice(i, 1);
      break;
    case 2:
      chars.splice(i, 0, pick(rand, [...LETTERS]));
      break;
    default: {
      const j = i + 1 < chars.length && /[a-z]/i.test(chars[i + 1]!) ? i + 1 : i - 1;
      if (j === 0 || chars[i] === chars[j])
        chars[i] = pick(
          rand,
          [...LETTERS].filter((c) => c !== chars[i]),
        );
      else [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
  }
  return chars.join('');
}

/** Names people type: people and organisations (and their Chinese names). */
function named(records: Records): { id: string; name: string; nameZh?: string }[] {
  return [...records.people, ...records.organizations].map((r) => ({
    id: r.id,
    name: r.name,
    nameZh: r.i18n?.['zh-CN']?.name,
  }));
}

export function queries(records: Records, seed: number): Query[] {
  const rand = rng(seed);
  const pool = named(records);
  const withZh = pool.filter((r) => r.nameZh);
  const out: Query[] = [];
  for (let i = 0; i < QUERY_MIX.exact; i++) {
    const r = pick(rand, pool);
    out.push({ kind: 'exact', text: r.name, expect: r.id });
  }
  for (const [kind, edits] of [
    ['typo1', 1],
    ['typo2', 2],
  ] as const) {
    for (let i = 0; i < QUERY_MIX[kind]; i++) {
      const r = pick(rand, pool);
      let text = r.name;
      // Each edit must change the text (a substitution can put back the same letter only by chance).
      for (let e = 0; e < edits; e++) text = typo(rand, text);
      out.push({ kind, text, expect: r.id });
    }
  }
  for (let i = 0; i < QUERY_MIX.prefix; i++) {
    const r = pick(rand, pool);
    out.push({ kind: 'prefix', text: r.name.slice(0, 3), expect: r.id });
  }
  for (let i = 0; i < QUERY_MIX.chinese; i++) {
    const r = pick(rand, withZh.length ? withZh : pool);
    const zh = r.nameZh ?? r.name;
    // Half whole Chinese names, half a part of one (Chinese queries match partially).
    const text = i % 2 === 0 || zh.length < 4 ? zh : zh.slice(1, 1 + Math.max(2, Math.floor(zh.length / 2)));
    out.push({ kind: 'chinese', text, expect: r.id });
  }
  return out;
}
