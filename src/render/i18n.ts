// Message catalogues for the reply locales. English is the reference; Chinese must provide every key.
import type { Kind } from '../knowledge/schema';
import type { Locale } from '../locale';
import type { Echoed } from './echo';

const en = {
  kinds: {
    sources: ['source', 'sources'],
    series: ['series', 'series'],
    editions: ['edition', 'editions'],
    people: ['person', 'people'],
    organizations: ['organisation', 'organisations'],
    statistics: ['statistic', 'statistics'],
    forums: ['forum', 'forums'],
    reports: ['report', 'reports'],
    works: ['work', 'works'],
  } satisfies Record<Kind, [string, string]>,
  label: {
    dates: 'Dates',
    date: 'Date',
    city: 'City',
    theme: 'Theme',
    series: 'Series',
    hosts: 'Hosted by',
    organisers: 'Organised by',
    guidedBy: 'Guided by',
    figures: 'Figures',
    firsts: 'Firsts',
    highlights: 'Highlights',
    forums: 'Forums',
    reports: 'Reports',
    speakers: 'Speakers',
    statistics: 'Statistics',
    works: 'Works',
    people: 'People',
    editions: 'Editions',
    roles: 'Roles',
    appearances: 'Appearances',
    announced: 'Figures announced',
    value: 'Value',
    asOf: 'As of',
    scope: 'Scope',
    reportedBy: 'Reported by',
    edition: 'Edition',
    trend: 'Over time',
    published: 'Published',
    outlet: 'Outlet',
    language: 'Language',
    machineTranslated: 'Machine-translated',
    repostedBy: 'Re-posted by',
    author: 'Author',
    kind: 'Kind',
    parent: 'Part of',
    publisher: 'Published by',
    released: 'Released',
    by: 'By',
    aliases: 'Also known as',
    note: 'Note',
    alsoMatching: 'Also matching',
    sources: 'Sources',
    records: 'Records',
    index: 'Index',
    citedIn: 'Facts drawn from it',
    lookUp: 'Look up next',
  },
  languages: { en: 'English', zh: 'Chinese', 'en+zh': 'English and Chinese' },
  measures: {
    guests: 'guests',
    attendees: 'attendees',
    events: 'events',
    organisations: 'organisations',
    forums: 'forums',
  },
  qualifiers: {
    exactly: '',
    'more-than': 'more than ',
    nearly: 'nearly ',
    about: 'about ',
    'at-least': 'at least ',
    'up-to': 'up to ',
  },
  appearanceAs: {
    speaker: 'speaker',
    guest: 'guest',
    honouree: 'honouree',
    organiser: 'organiser',
    performer: 'performer',
    interviewee: 'interviewee',
  },
  orgKinds: {
    government: 'government body',
    association: 'association',
    company: 'company',
    media: 'media',
    academic: 'academic',
    initiative: 'initiative',
    other: 'organisation',
  },
  workKinds: {
    documentary: 'documentary',
    drama: 'drama',
    film: 'film',
    series: 'series',
    'short-video': 'short video',
    programme: 'programme',
    exhibition: 'exhibition',
    other: 'work',
  },
  events: {
    start: 'opens',
    day: 'continues',
    end: 'closes',
    held: 'held',
    released: 'released',
  },
  edition: {
    title: (ordinal: number, series: string) => `${englishOrdinal(ordinal)} ${series}`,
    season: (season: number, series: string) => `${series}, season ${season}`,
  },
  yes: 'yes',
  list: ', ',
  /** Between two sentences. */
  sentenceGap: ' ',
  /** A remark after a text: "March 2024 (note)". */
  aside: (text: string, note: string) => `${text} (${note})`,
  /** Between clauses of one line. */
  clauses: '; ',
  andMore: (n: number) => `and ${n} more`,
  sourcesDiffer: (claims: string) => `Sources differ: ${claims}`,
  shownBecause: (reason: string) => `shown: ${reason}`,
  yearsAgo: (n: number) =>
    n === 0
      ? 'this year'
      : n > 0
        ? `${n} year${n === 1 ? '' : 's'} ago`
        : `in ${-n} year${n === -1 ? '' : 's'}`,
  sourcesFooter: (list: string) => `Sources: ${list}`,
  undated: 'undated',
  /** Where the source leaves a fact out (who reported a figure): said, not guessed. */
  notStated: 'not stated in the source',
  search: {
    didYouMean: 'Did you mean',
    noClearMatch: (q: Echoed) => `No clear match for “${q}”.`,
    notFound: (q: Echoed, what: string) => `Nothing found for “${q}” among ${what}.`,
    tryOther: (command: string) => `Try other words, or browse with ${command}.`,
    pick: 'Pick a suggestion from the list, or add a year, a city or an organisation.',
  },
  errors: {
    emptyQuery: 'Type something to look up: a name, a year, a city or a few words.',
    queryTooLong: (max: number) => `That query is too long; use at most ${max} characters.`,
    unknownOption: (name: Echoed, known: string) => `Unknown option “${name}”. This command takes: ${known}.`,
    badDate: (value: Echoed) =>
      `“${value}” is not a date. Write it as MM-DD (03-28) or YYYY-MM-DD (2024-03-28).`,
    badYear: (value: Echoed, min: number, max: number) =>
      `“${value}” names a year outside ${min}–${max}. Give a year in that range, or just MM-DD (03-28).`,
    unknownCommand: (name: Echoed) => `Unknown command /${name}.`,
    failed: 'Something went wrong while answering; please try again.',
  },
  onThisDay: {
    title: (day: string) => `On this day: ${day}`,
    nothing: (day: string) => `Nothing in the records happened on ${day}.`,
    before: 'Nearest before',
    after: 'Nearest after',
  },
  about: {
    title: 'About Shiting',
    description:
      'Shiting answers questions about the China Internet Audiovisual Conference and the China Short Video Conference from curated facts, each traced to its source.',
    version: (v: number, hash: string) => `schema v${v} · hash ${hash}`,
    commands: 'Commands',
  },
  consoleEphemeral: '(only you can see this)',
  chart: {
    measures: { guests: 'Guests', attendees: 'Attendees', events: 'Events' },
    ordinal: (n: number) => englishOrdinal(n),
    season: (n: number) => `Season ${n}`,
    comparisonTitle: (series: string) => `Guests, attendees and events by edition: ${series}`,
    noComparison: (series: string) =>
      `No comparison chart: fewer than two editions of the ${series} report guests, attendees or events.`,
    seriesMatch: (q: Echoed) =>
      `“${q}” matches one measure at several dates: showing the latest value with the whole series.`,
    unavailable: 'The chart could not be drawn here; the figures are all in the card.',
  },
};

export type Messages = typeof en;

const zh: Messages = {
  kinds: {
    sources: ['来源', '来源'],
    series: ['系列', '系列'],
    editions: ['届次', '届次'],
    people: ['人物', '人物'],
    organizations: ['机构', '机构'],
    statistics: ['数据', '数据'],
    forums: ['论坛', '论坛'],
    reports: ['报告', '报告'],
    works: ['作品', '作品'],
  },
  label: {
    dates: '日期',
    date: '日期',
    city: '城市',
    theme: '主题',
    series: '系列',
    hosts: '主办',
    organisers: '承办',
    guidedBy: '指导单位',
    figures: '规模',
    firsts: '首次',
    highlights: '亮点',
    forums: '论坛',
    reports: '报告',
    speakers: '发言嘉宾',
    statistics: '数据',
    works: '作品',
    people: '人物',
    editions: '届次',
    roles: '职务',
    appearances: '出席',
    announced: '发布的数据',
    value: '数值',
    asOf: '截至',
    scope: '范围',
    reportedBy: '发布方',
    edition: '届次',
    trend: '历年变化',
    published: '发表',
    outlet: '媒体',
    language: '语言',
    machineTranslated: '机器翻译',
    repostedBy: '转载于',
    author: '作者',
    kind: '类型',
    parent: '隶属',
    publisher: '发布机构',
    released: '发布时间',
    by: '出品',
    aliases: '又称',
    note: '备注',
    alsoMatching: '其他匹配',
    sources: '来源',
    records: '记录',
    index: '索引',
    citedIn: '引用它的记录',
    lookUp: '继续查询',
  },
  languages: { en: '英文', zh: '中文', 'en+zh': '中英文' },
  measures: {
    guests: '位嘉宾',
    attendees: '位参会者',
    events: '场活动',
    organisations: '家机构',
    forums: '场论坛',
  },
  qualifiers: {
    exactly: '',
    'more-than': '超过',
    nearly: '近',
    about: '约',
    'at-least': '至少',
    'up-to': '最多',
  },
  appearanceAs: {
    speaker: '发言',
    guest: '嘉宾',
    honouree: '获奖',
    organiser: '组织',
    performer: '表演',
    interviewee: '受访',
  },
  orgKinds: {
    government: '政府机构',
    association: '协会',
    company: '企业',
    media: '媒体',
    academic: '学术机构',
    initiative: '项目',
    other: '机构',
  },
  workKinds: {
    documentary: '纪录片',
    drama: '剧集',
    film: '电影',
    series: '系列节目',
    'short-video': '短视频',
    programme: '节目',
    exhibition: '展览',
    other: '作品',
  },
  events: {
    start: '开幕',
    day: '进行中',
    end: '闭幕',
    held: '举行',
    released: '发布',
  },
  edition: {
    title: (ordinal: number, series: string) => `第${chineseNumber(ordinal)}届${series}`,
    season: (season: number, series: string) => `${series}第${chineseNumber(season)}季`,
  },
  yes: '是',
  list: '、',
  sentenceGap: '',
  aside: (text: string, note: string) => `${text}（${note}）`,
  clauses: '；',
  andMore: (n: number) => `等另外${n}项`,
  sourcesDiffer: (claims: string) => `各来源说法不一：${claims}`,
  shownBecause: (reason: string) => `采用：${reason}`,
  yearsAgo: (n: number) => (n === 0 ? '今年' : n > 0 ? `${n}年前` : `${-n}年后`),
  sourcesFooter: (list: string) => `来源：${list}`,
  undated: '日期不详',
  notStated: '来源未说明',
  search: {
    didYouMean: '你是不是要找',
    noClearMatch: (q) => `“${q}”没有明确的匹配。`,
    notFound: (q, what) => `在${what}中没有找到“${q}”。`,
    tryOther: (command: string) => `换个说法试试，或用 ${command} 浏览。`,
    pick: '请从建议列表中选择，或加上年份、城市或机构名。',
  },
  errors: {
    emptyQuery: '请输入要查询的内容：名字、年份、城市或几个关键词。',
    queryTooLong: (max: number) => `查询内容太长，最多${max}个字符。`,
    unknownOption: (name, known) => `未知选项“${name}”。此命令的选项：${known}。`,
    badDate: (value) => `“${value}”不是有效日期。请写成 MM-DD（03-28）或 YYYY-MM-DD（2024-03-28）。`,
    badYear: (value, min, max) =>
      `“${value}”的年份不在${min}–${max}之间。请给出此范围内的年份，或只写 MM-DD（03-28）。`,
    unknownCommand: (name) => `未知命令 /${name}。`,
    failed: '回答时出错了，请稍后再试。',
  },
  onThisDay: {
    title: (day: string) => `历史上的今天：${day}`,
    nothing: (day: string) => `记录中没有发生在${day}的事。`,
    before: '之前最近',
    after: '之后最近',
  },
  about: {
    title: '关于视听',
    description:
      '视听（Shiting）根据整理过的资料回答有关中国网络视听大会和中国短视频大会的问题，每条事实都注明来源。',
    version: (v: number, hash: string) => `结构版本 v${v} · 哈希 ${hash}`,
    commands: '命令',
  },
  consoleEphemeral: '（仅你可见）',
  chart: {
    measures: { guests: '嘉宾', attendees: '参会人数', events: '活动场次' },
    ordinal: (n: number) => `第${chineseNumber(n)}届`,
    season: (n: number) => `第${chineseNumber(n)}季`,
    comparisonTitle: (series: string) => `${series}历届嘉宾、参会人数与活动场次`,
    noComparison: (series: string) =>
      `无法绘制对比图：${series}中公布嘉宾、参会人数或活动场次的届次不足两届。`,
    seriesMatch: (q) => `“${q}”对应同一指标在不同时间的数值：以下显示最新数值及其历年变化。`,
    unavailable: '此处无法绘制图表；所有数值都在卡片中。',
  },
};

const CATALOGUES: Record<Locale, Messages> = { 'en-US': en, 'zh-CN': zh };

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numerals as used in 第十一届: 1–9999 (anything larger stays in digits). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit) {
      if (zero) out += '零';
      out += DIGITS[digit] + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}
