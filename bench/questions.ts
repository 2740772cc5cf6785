// Generated summaries for the synthetic records, and natural questions about them: each person spoke about a
// project with a made-up name of their own (in English and in Chinese), each organisation runs one, so every
// question has one right answer that only the record's text, not its name, gives away.
import type { Query, Records } from './synthetic';

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

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ru',
  'te',
  'vo',
  'zi',
  'pa',
  'ne',
  'do',
  'shu',
  'qa',
  'fe',
  'ji',
  'wo',
  'xe',
];
const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川风云雷电霜雪';
const TOPICS = [
  'rural creators',
  'live commerce',
  'micro-dramas abroad',
  'artificial intelligence in editing',
  'copyright protection',
  'audio books',
  'virtual idols',
  'short-video tourism',
  'news verification',
  'children and screen time',
];
const TOPICS_ZH = [
  '乡村创作者',
  '直播电商',
  '微短剧出海',
  '人工智能剪辑',
  '版权保护',
  '有声书',
  '虚拟偶像',
  '短视频旅游',
  '新闻核实',
  '未成年人保护',
];

/** A made-up word from n, unique per n: four syllables (16⁴ = 65,536 before repeating), with n's remainder. */
function coined(n: number): string {
  let out = '';
  let v = n;
  for (let i = 0; i < 4; i++) {
    out += SYLLABLES[v % SYLLABLES.length];
    v = Math.floor(v / SYLLABLES.length);
  }
  return v > 0 ? `${out}${SYLLABLES[v % SYLLABLES.length]}` : out;
}

function coinedZh(n: number): string {
  let out = '';
  let v = n;
  for (let i = 0; i < 3; i++) {
    out += HAN[v % HAN.length];
    v = Math.floor(v / HAN.length);
  }
  return out;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The records with a summary of their own on every person and organisation (a copy; the input is left alone). */
export function withSummaries(records: Records, seed: number): Records {
  const rand = rng(seed);
  let n = 0;
  const people = records.people.map((p) => {
    const i = n++;
    const topic = Math.floor(rand() * TOPICS.length);
    const summary = `Spoke about ${TOPICS[topic]} and the ${cap(coined(i))} project, which ${p.name} leads.`;
    const zh = `谈到了${TOPICS_ZH[topic]}和${coinedZh(i)}项目。`;
    const appearances = p.appearances.length
      ? p.appearances.map((a) => ({ ...a, summary, i18n: { 'zh-CN': { summary: zh } } }))
      : [];
    return {
      ...p,
      appearances,
      note: appearances.length ? undefined : summary,
      i18n: { ...p.i18n, 'zh-CN': { ...p.i18n?.['zh-CN'], ...(appearances.length ? {} : { note: zh }) } },
    };
  });
  const organizations = records.organizations.map((o) => {
    const i = n++;
    const topic = Math.floor(rand() * TOPICS.length);
    return {
      ...o,
      summary: `Runs the ${cap(coined(i))} platform for ${TOPICS[topic]}.`,
      i18n: {
        ...o.i18n,
        'zh-CN': { ...o.i18n?.['zh-CN'], summary: `运营${coinedZh(i)}平台，关注${TOPICS_ZH[topic]}。` },
      },
    };
  });
  return { ...records, people, organizations };
}

export type QuestionKind = 'question' | 'question-zh';

/** Natural questions: "who spoke about the X project", "which organisation runs X", and the Chinese forms. */
export function questions(
  records: Records,
  seed: number,
  count = 120,
): (Query | { kind: QuestionKind; text: string; expect: string })[] {
  const rand = rng(seed);
  const out: { kind: QuestionKind; text: string; expect: string }[] = [];
  const people = records.people.length;
  const total = people + records.organizations.length;
  for (let q = 0; q < count; q++) {
    const i = Math.floor(rand() * total);
    const zh = q % 3 === 2;
    if (i < people) {
      const p = records.people[i]!;
      out.push(
        zh
          ? { kind: 'question-zh', text: `谁谈到了${coinedZh(i)}项目`, expect: p.id }
          : { kind: 'question', text: `who spoke about the ${coined(i)} project`, expect: p.id },
      );
    } else {
      const o = records.organizations[i - people]!;
      out.push(
        zh
          ? { kind: 'question-zh', text: `哪个机构运营${coinedZh(i)}平台`, expect: o.id }
          : { kind: 'question', text: `which organisation runs the ${coined(i)} platform`, expect: o.id },
      );
    }
  }
  return out;
}
