// Issue 12 in the real seeds: what rests on our inference or on background knowledge is marked as such, down to a
// record's own summary, note, kind or parent, and the cards say so in every language; every date note is
// reachable from its edition's card; the Chinese wording of the 5th's organisers holds in every record.
import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { search } from '../../commands/search';
import { speaker } from '../../commands/speaker';
import { stat } from '../../commands/stat';
import type { Records } from '../../src/knowledge/records';
import type { FieldBasisT } from '../../src/knowledge/schema';
import type { Locale } from '../../src/locale';
import { ask, realKnowledge } from '../commands/knowledge';

const { kb } = realKnowledge();
type Payload = Awaited<ReturnType<typeof ask>>;
const field = (payload: Payload, name: RegExp) =>
  payload.embeds?.[0]?.fields?.find((f) => name.test(f.name))?.value ?? '';
const description = (payload: Payload) => payload.embeds?.[0]?.description ?? '';

/** Every object with a `basis` of inference or background anywhere in the records, with where it is. */
function marks(value: unknown, at: string): { at: string; claim: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => marks(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = object.basis === 'inference' || object.basis === 'background' ? [{ at, claim: object }] : [];
  return [
    ...own,
    ...Object.entries(object).flatMap(([k, v]) => (k === 'i18n' ? [] : marks(v, `${at}.${k}`))),
  ];
}

function basisOf(kind: keyof Records, id: string, name: string): FieldBasisT | undefined {
  const record = kb.get(kind, id) as { basisOf?: Record<string, FieldBasisT | undefined> } | undefined;
  if (!record) throw new Error(`no ${kind} ${id}`);
  return record.basisOf?.[name];
}

describe('marks in the real seeds (issue 12)', () => {
  it('gives every inference and background claim its note in English and Chinese', () => {
    const all = (Object.keys(kb.records) as (keyof Records)[]).flatMap((kind) =>
      kb.records[kind].flatMap((r) => marks(r, `${kind}[${r.id}]`)),
    );
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const { at, claim } of all) {
      expect(claim.note, at).toMatch(/\S/);
      const zh = (claim.i18n as { 'zh-CN'?: { note?: string } } | undefined)?.['zh-CN']?.note;
      expect(zh, at).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each([
    ['organizations', 'nrta', 'summary', 'background'],
    ['organizations', 'cac', 'summary', 'background'],
    ['organizations', 'cac', 'note', 'background'],
    ['organizations', 'cac', 'aliases', 'background'],
    ['organizations', 'cmg', 'summary', 'background'],
    ['organizations', 'cctv', 'parent', 'background'],
    ['organizations', 'cnapsa', 'aliases', 'background'],
    ['organizations', 'tencent', 'summary', 'background'],
    ['organizations', 'tencent-video', 'parent', 'inference'],
    ['organizations', 'mango-tv', 'kind', 'background'],
    ['organizations', 'cuc', 'note', 'background'],
    ['organizations', 'gov-chengdu', 'summary', 'inference'],
    ['organizations', 'insight-into-new-decade', 'parent', 'inference'],
    ['works', 'flower-fairy-on-little-four-wheels', 'by', 'inference'],
    ['works', 'out-of-black-eye-bay', 'by', 'inference'],
    ['works', 'ideal-shines-on-china', 'aliases', 'background'],
    ['organizations', 'foreign-internet-celebrities-china-tour', 'aliases', 'background'],
    ['forums', 'forum-ciac-9-new-video-night', 'aliases', 'background'],
    ['forums', 'forum-ciac-5-opening', 'date', 'inference'],
    ['forums', 'forum-ciac-9-international-communication', 'organisers', 'inference'],
    ['statistics', 'stat-short-video-daily-minutes-2024', 'asOf', 'inference'],
    ['statistics', 'stat-plays-hundred-years-making-steel', 'asOf', 'inference'],
    ['sources', 'src-003-china-daily-11th', 'published', 'inference'],
  ] as const)('%s[%s].%s rests on %s', (kind, id, name, basis) => {
    expect(basisOf(kind, id, name)?.basis).toBe(basis);
  });

  it('marks the roles read into the translation: Luo Jianhui’s SAPPRFT, Lu Weijian’s paper-making', () => {
    for (const id of ['luo-jianhui', 'lu-weijian']) {
      const [role] = kb.get('people', id)?.roles ?? [];
      expect(role?.basis, id).toBe('inference');
      expect(role?.note, id).toMatch(/The (article|translation) says/);
    }
  });

  it('marks where we place words the articles do not tie to the event or the talk', () => {
    const first = (id: string) => kb.get('people', id)?.appearances[0];
    for (const id of ['tian-jin', 'liu-zhen', 'han-zhijie', 'wu-kelei', 'peng-jianming'])
      expect(first(id)?.basis, id).toBe('inference');
    // Where the article says where the words were said, no mark.
    for (const id of ['zhou-jie', 'cao-shibo', 'zhang-yan', 'liu-hong'])
      expect(first(id)?.basis, id).toBeUndefined();
    const summit = kb.get('editions', 'ciac-9')?.firsts[1];
    expect(summit?.basis).toBe('inference');
    expect(summit?.note).toMatch(/that the two are one event is our reading/);
    expect(basisOf('organizations', 'china-asean-short-video-contest', 'summary')?.note).toMatch(
      /breaks off/,
    );
    expect(basisOf('works', 'the-awakening-age', 'by')?.basis).toBe('inference');
  });

  it('names no reporter for Chengdu Plus’s seven accounts, which China Daily states itself', () => {
    expect(kb.get('statistics', 'stat-chengdu-plus-accounts')?.reportedBy).toBeUndefined();
  });

  it('says of the 5th and season 2 nothing of the inferred year outside the marked date claims', () => {
    for (const id of ['ciac-5', 'csvc-s2']) {
      const record = kb.get('editions', id);
      expect(record?.summary, id).not.toMatch(/2017|in 2025/);
      expect(record?.i18n?.['zh-CN']?.summary, id).not.toMatch(/2017年|2025年在/);
    }
    expect(kb.get('series', 'csvc')?.summary).not.toMatch(/in Hangzhou in 2025/);
  });

  it('names no kind the sources do not give: Eleven Books and Seeing Words as Face are not “programmes”', () => {
    expect(kb.get('works', 'eleven-books')?.kind).toBe('other');
    expect(kb.get('works', 'seeing-words-as-face-beginning-season')?.kind).toBe('other');
    expect(kb.get('works', 'red-boat-billions-of-pixels')?.summary).not.toMatch(/resolution/);
    expect(kb.get('works', 'red-map')?.summary).not.toMatch(/interactive/);
  });
});

describe('the cards mark them (issue 12)', () => {
  it('marks an organisation’s background summary, note and aliases, in English, Chinese and Traditional Chinese', async () => {
    const en = await ask(search, { query: 'Cyberspace Administration of China' });
    expect(description(en)).toMatch(/ \(not from the sources: That this body is China's internet regulator/);
    expect(field(en, /^Note$/)).toMatch(
      /\(not from the sources: That the two translated names mean one body/,
    );
    expect(field(en, /^Also known as$/)).toMatch(
      /, 中央网信办\n\(not from the sources: CAC, the English name/,
    );
    const zh = await ask(search, { query: '国家互联网信息办公室' }, 'zh-CN');
    expect(description(zh)).toMatch(/（非来源所载：说它是中国的互联网主管部门，是背景知识。）$/);
    const tw = await ask(search, { query: 'Cyberspace Administration of China' }, 'zh-TW');
    expect(description(tw)).toMatch(/（非來源所載：/);
  });

  it('marks a parent and a maker that are our reading', async () => {
    expect(field(await ask(search, { query: 'Tencent Video' }), /^Part of$/)).toMatch(
      /^Tencent \(inferred: No source says Tencent Video belongs to Tencent/,
    );
    const film = await ask(search, { query: 'The Flower Fairy on the Little Four Wheels' }, 'zh-CN');
    expect(field(film, /^出品$/)).toMatch(/^快手\n（推断：文章说这两部讲述快手用户故事的纪录片/);
  });

  it('marks a role read into the translation, and an inferred as-of date with its reasoning', async () => {
    expect(description(await ask(speaker, { query: 'Luo Jianhui' }))).toMatch(
      /\(inferred: The article says only "from the State Administration"/,
    );
    expect(field(await ask(stat, { query: 'daily usage 2024' }), /^As of$/)).toBe(
      'March 2024 (inferred: The date the 2024 report was released; the article does not say which period the figure describes.)',
    );
  });

  it('lists the Chinese names people search by and marks them “not from the sources” (issue 11)', async () => {
    // The work and the tour: a list of their own on the Chinese cards, which the English card lists too.
    const drama = await ask(search, { query: '理想照耀中国' }, 'zh-CN');
    expect(drama.embeds?.[0]?.title).toBe('Ideal Shines on China');
    expect(field(drama, /^又称$/)).toBe(
      '理想照耀中国\n（非来源所载：“理想照耀中国”是这部剧为人所知的中文片名；五篇来源都没有给出，只有来源004给出英文名“Ideal Shines on China”。）',
    );
    const dramaTw = await ask(search, { query: '理想照耀中國' }, 'zh-TW');
    expect(field(dramaTw, /^又稱$/)).toMatch(
      /^理想照耀中國\n（非來源所載：“理想照耀中國”是這部劇為人所知的中文片名/,
    );
    const dramaEn = await ask(search, { query: '理想照耀中国' });
    expect(dramaEn.embeds?.[0]?.title).toBe('Ideal Shines on China');
    expect(field(dramaEn, /^Also known as$/)).toBe(
      '理想照耀中国\n(not from the sources: 理想照耀中国 is the Chinese title the drama is known by; the five sources give only the English "Ideal Shines on China" (source 004).)',
    );
    const tour = await ask(search, { query: '外国网红中国行' }, 'zh-CN');
    expect(tour.embeds?.[0]?.title).toBe('Foreign Internet Celebrities China Tour');
    expect(field(tour, /^又称$/)).toMatch(
      /^外国网红中国行\n（非来源所载：“外国网红中国行”是这个项目为人所知的中文名/,
    );
    const tourTw = await ask(search, { query: '外國網紅中國行' }, 'zh-TW');
    expect(field(tourTw, /^又稱$/)).toMatch(/^外國網紅中國行\n（非來源所載：/);
    const tourEn = await ask(search, { query: '外国网红中国行' });
    expect(tourEn.embeds?.[0]?.title).toBe('Foreign Internet Celebrities China Tour');
    expect(field(tourEn, /^Also known as$/)).toMatch(
      /^外国网红中国行\n\(not from the sources: 外国网红中国行 is the Chinese name the programme is known by/,
    );
    // The honour: one list with the article's English names in every locale, the mark naming the one that is ours.
    const night = await ask(search, { query: '力量之星' });
    expect(night.embeds?.[0]?.title).toBe(
      '2021 New Video Night and annual sharing meeting of short video creators',
    );
    expect(field(night, /^Also known as$/)).toMatch(
      /, stars of strength, 力量之星\n\(not from the sources: 力量之星 is the Chinese name of the "stars of strength"/,
    );
    expect(field(await ask(search, { query: '力量之星' }, 'zh-CN'), /^又称$/)).toMatch(
      /、力量之星\n（非来源所载：“力量之星”是晚会上评选的“stars of strength”的中文名/,
    );
    expect(field(await ask(search, { query: '力量之星' }, 'zh-TW'), /^又稱$/)).toMatch(
      /、力量之星\n（非來源所載：/,
    );
  });

  it('marks the organisers of the international communication forum as our reading of "hosted"', async () => {
    const forum = await ask(search, { query: 'Internet Audio-visual International Communication Forum' });
    expect(field(forum, /^Organised by$/)).toMatch(/^Mango TV\n\(inferred: The translation says/);
  });
});

describe('every date note is reachable from the edition card (issue 12)', () => {
  const dates = async (query: string, locale: Locale) =>
    field(await ask(edition, { query }, locale), /^(Dates|日期)$/);

  it.each([
    ['5th', 'en-US', /^December 1, 2017 \(inferred: .*2017 is inferred from the 2017 development report/s],
    ['第五届', 'zh-CN', /^2017年12月1日（推断：.*2017年是根据文中引用的2017年发展研究报告推断的/s],
    ['第五届', 'zh-TW', /^2017年12月1日（推斷：/],
    ['season 2', 'en-US', /^2025 \(inferred: The article of 4 July 2025 calls the launch recent/],
    ['第二季', 'zh-CN', /^2025年（推断：2025年7月4日的文章说启动是近期的事/],
    [
      'season 1',
      'en-US',
      /^September 2022\nLaunched in September 2022; the programme went on air later, in 2023\.$/,
    ],
    ['第一季', 'zh-CN', /^2022年9月\n2022年9月启动，节目随后于2023年播出。$/],
    ['11th', 'en-US', /shown: China Daily gives 28–30 March/],
    ['9th', 'en-US', /shown: From the article's dateline/],
  ] as const)('%s (%s)', async (query, locale, expected) => {
    expect(await dates(query, locale)).toMatch(expected);
  });

  it.each(['en-US', 'zh-CN'] as const)(
    'has a note on every date claim of every edition, each on its card (%s), shown or not',
    async (locale) => {
      for (const e of kb.records.editions) {
        const text = (await dates(e.id, locale)).replace(/\s+/g, ' ');
        for (const claim of e.dates) {
          const note = locale === 'en-US' ? claim.note : claim.i18n?.['zh-CN']?.note;
          expect(note, e.id).toMatch(/\S/);
          expect(text, `${e.id} ${claim.start}`).toContain(note?.replace(/\s+/g, ' '));
        }
      }
    },
  );

  it('gives the notes of the claims not shown under "sources differ": the 9th’s “5th”, Cover News’ 28–29 March', async () => {
    expect(await dates('9th', 'en-US')).toMatch(/\nJune 5, 2021: The body of the same article says/);
    expect(await dates('11th', 'en-US')).toMatch(/\nMarch 28\s–\s29, 2024: Cover News gives 28–29 March/);
    expect(await dates('第十一届', 'zh-CN')).toMatch(/\n2024年3月28日至29日：封面新闻给出的是3月28日至29日/);
  });
});

describe('Chinese renderings (issue 12)', () => {
  it('calls the 5th’s organisers 主办 and the 9th’s 承办 in the association’s and Chengdu’s own records too', () => {
    for (const id of ['cnapsa', 'gov-chengdu']) {
      const zh = kb.get('organizations', id)?.i18n?.['zh-CN']?.summary ?? '';
      expect(zh, id).toMatch(/主办了第五届/);
      expect(zh, id).not.toMatch(/承办了第五届|第五届大会的承办方|承办了第五届和第九届/);
      expect(zh, id).toMatch(/承办了第九届/);
    }
  });
});
