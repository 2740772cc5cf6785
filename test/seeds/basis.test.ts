// Issue 12, "How it stays right": every claim says what it rests on. The compiler refuses an inference or
// background claim without its note, at any level (a record's field, a highlight, a date claim, a role), and
// a mark on a field the record does not have; the cards mark each accepted one in every language.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { search } from '../../commands/search';
import { compileSeeds, formatSeedError } from '../../src/knowledge/compile';
import { ask, knowledgeOf } from '../commands/knowledge';
import { removeTempDirs, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/seeds-basis';

/** The fixture with its three refused marks put right: two notes written, the stray mark removed. */
function corrected(): string {
  const dir = tempDir('shiting-basis-');
  cpSync(FIXTURE, dir, { recursive: true });
  const fix = (file: string, from: string, to: string) => {
    const at = path.join(dir, file);
    const text = readFileSync(at, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(at, text.replace(from, to));
  };
  fix(
    'editions.yaml',
    '      basis: inference\n      sources: [src-a]',
    '      basis: inference\n      note: The guest list has more foreign names than Chinese ones.\n      sources: [src-a]',
  );
  fix('organizations.yaml', '    note: { basis: inference, note: There is no note to mark. }\n', '');
  fix(
    'organizations.yaml',
    'summary: { basis: background }',
    'summary: { basis: background, note: Known from its own website. }',
  );
  return dir;
}

describe('the compiler and basis (issue 12)', () => {
  it('refuses inference or background without a note, and a mark on a field the record lacks, each at its line', () => {
    const result = compileSeeds(FIXTURE);
    expect(result.ok ? [] : result.errors.map(formatSeedError)).toEqual([
      `${FIXTURE}/editions.yaml:35: editions[expo-2].highlights[0].basis: \`basis: inference\` needs a \`note\` saying what the inference rests on`,
      `${FIXTURE}/organizations.yaml:16: organizations[example-ministry].basisOf.note: \`basisOf.note\` marks a \`note\` this record does not have`,
      `${FIXTURE}/organizations.yaml:25: organizations[example-association].basisOf.summary.basis: \`basis: background\` needs a \`note\` saying what the background knowledge is`,
    ]);
  });

  it('accepts them with their notes, and the cards mark each in English and Chinese', async () => {
    const result = compileSeeds(corrected());
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const knowledge = knowledgeOf(result.index.records);
    const card = async (query: string, locale: 'en-US' | 'zh-CN' | 'zh-TW' = 'en-US') =>
      (await ask(search, { query }, locale, knowledge)).embeds?.[0];
    const field = (embed: Awaited<ReturnType<typeof card>>, name: RegExp) =>
      embed?.fields?.find((f) => name.test(f.name))?.value;

    const association = await card('Example Association');
    expect(association?.description).toBe(
      'Hosts the conference. (not from the sources: Known from its own website.)',
    );
    expect(field(association, /^Part of$/)).toBe(
      'Example Ministry (inferred: The articles name the two together.)',
    );

    const ministry = await card('Example Ministry');
    expect(field(ministry, /^Kind$/)).toBe(
      'government body (not from the sources: That it is a government body is what we know; the articles do not say.)',
    );
    const zhMinistry = await card('示例部', 'zh-CN');
    expect(field(zhMinistry, /^类型$/)).toBe(
      '政府机构（非来源所载：说它是政府机构，是我们已知的背景，文章并没有说。）',
    );
    const twMinistry = await card('示例部', 'zh-TW');
    expect(field(twMinistry, /^類型$/)).toMatch(/（非來源所載：說它是政府機構/);

    const second = await ask(edition, { query: '2' }, 'en-US', knowledge);
    const highlights = field(second.embeds?.[0], /^Highlights$/);
    expect(highlights).toBe(
      [
        '• Most guests came from abroad. (inferred: The guest list has more foreign names than Chinese ones.)',
        '• The hall was full. (inferred: The article shows a photo of a full hall but does not say so.)',
      ].join('\n'),
    );
    const zhSecond = await ask(edition, { query: '2' }, 'zh-CN', knowledge);
    expect(field(zhSecond.embeds?.[0], /^亮点$/)).toMatch(
      /会场座无虚席。（推断：文章配有会场满座的照片，但没有这样说。）/,
    );

    const film = await card('Example Film');
    expect(field(film, /^By$/)).toMatch(
      /\n\(inferred: The article says they showed it; that they made it is our reading\.\)$/,
    );
  });

  it('shows the note of a single date claim on the source text on the edition card, below the date', async () => {
    const result = compileSeeds(corrected());
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const knowledge = knowledgeOf(result.index.records);
    const dates = async (locale: 'en-US' | 'zh-CN') =>
      (await ask(edition, { query: '3' }, locale, knowledge)).embeds?.[0]?.fields?.find((f) =>
        /^(Dates|日期)$/.test(f.name),
      )?.value;
    expect(await dates('en-US')).toBe('March 2025\nThe article gives the month and no day.');
    expect(await dates('zh-CN')).toBe('2025年3月\n文章只给出月份，没有具体日期。');
  });
});
