// The compiler: every kind of seed problem is reported with file, line, path and message, all in one run.
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSeeds, formatSeedError } from '../../src/knowledge/compile';
import { indexHash } from '../../src/knowledge/index-hash';
import { INDEX_SCHEMA_VERSION } from '../../src/knowledge/knowledge-base';
import { removeTempDirs, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

const FIXTURES = 'test/fixtures';

function problems(fixture: string): string[] {
  const result = compileSeeds(`${FIXTURES}/${fixture}`);
  if (result.ok) throw new Error(`${fixture} compiled, but it is meant to be broken`);
  return result.errors.map(formatSeedError);
}

describe('compileSeeds: broken seeds', () => {
  it('reports a YAML syntax error with its line', () => {
    expect(problems('seeds-yaml-syntax')).toEqual([
      `${FIXTURES}/seeds-yaml-syntax/people.yaml:6: people: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('maps schema violations to the line of the field, and flags unknown fields', () => {
    const f = `${FIXTURES}/seeds-schema/editions.yaml`;
    expect(problems('seeds-schema')).toEqual([
      `${f}:1: editions[expo-1].summary: missing required field \`summary\``,
      `${f}:3: editions[expo-1].ordinal: Too small: expected number to be >0`,
      `${f}:8: editions[expo-1].organizers: unknown field \`organizers\`; did you mean \`organisers\`?`,
      `${f}:10: editions[Expo_2].id: must be kebab-case: lower-case letters, digits and single hyphens`,
      `${f}:14: editions[Expo_2].dates[0].start: Invalid input: expected string, received number; write it in quotes: '2024'`,
    ]);
  });

  it('reports unknown references with a suggestion, and references to the wrong kind', () => {
    const f = `${FIXTURES}/seeds-unknown-ref`;
    expect(problems('seeds-unknown-ref')).toEqual([
      `${f}/editions.yaml:2: editions[expo-1].series: unknown series \`exp\`; did you mean \`expo\`?`,
      `${f}/editions.yaml:7: editions[expo-1].hosts[0]: unknown organisation \`example-asociation\`; did you mean \`example-association\`?`,
      `${f}/editions.yaml:8: editions[expo-1].guidedBy[0]: \`wang-fang\` is a person, not an organisation`,
      `${f}/editions.yaml:8: editions[expo-1].guidedBy[1]: unknown organisation \`nobody-at-all\``,
      // No id is near `ea`, but the organisation's alias EA is.
      `${f}/people.yaml:5: people[wang-fang].roles[0].organisation: unknown organisation \`ea\`; did you mean \`example-association\`?`,
    ]);
  });

  it('reports duplicate ids across kinds, naming the first use', () => {
    const f = `${FIXTURES}/seeds-duplicate-id`;
    expect(problems('seeds-duplicate-id')).toEqual([
      `${f}/organizations.yaml:1: organizations[example-association].id: duplicate id \`example-association\`: already used by people[example-association] (${f}/people.yaml:7)`,
      `${f}/organizations.yaml:6: organizations[wang-fang].id: duplicate id \`wang-fang\`: already used by people[wang-fang] (${f}/people.yaml:1)`,
    ]);
  });

  it('reports one name claimed by two records, ignoring case, width and spacing', () => {
    const f = `${FIXTURES}/seeds-alias-clash`;
    expect(problems('seeds-alias-clash')).toEqual([
      `${f}/organizations.yaml:10: organizations[example-agency].aliases[0]: name \`ＥＡ\` is also claimed by organizations[example-association] (${f}/organizations.yaml:3); a name finds one record`,
      `${f}/organizations.yaml:11: organizations[example-agency].aliases[1]: name \`example assn\` is also claimed by organizations[example-association] (${f}/organizations.yaml:3); a name finds one record`,
      `${f}/people.yaml:9: people[wang-fang-2].name: name \`WANG FANG\` is also claimed by people[wang-fang] (${f}/people.yaml:2); a name finds one record`,
    ]);
  });

  it('reports impossible dates and spans that end before they start', () => {
    const f = `${FIXTURES}/seeds-bad-dates`;
    expect(problems('seeds-bad-dates')).toEqual([
      `${f}/editions.yaml:5: editions[expo-1].dates[0].start: impossible date 2023-02-30: day 30 does not exist: 2023-02 has 28 days`,
      `${f}/editions.yaml:14: editions[expo-2].dates[0].end: ends (2024-03-27) before it starts (2024-03-28)`,
      `${f}/reports.yaml:3: reports[expo-report].released: impossible date 2024-13: month 13 does not exist`,
    ]);
  });

  it('reports facts without a source and citations of sources that do not exist', () => {
    const f = `${FIXTURES}/seeds-sources`;
    expect(problems('seeds-sources')).toEqual([
      `${f}/editions.yaml:8: editions[expo-1].figures[0].sources: missing \`sources\`: every fact needs at least one source`,
      `${f}/editions.yaml:12: editions[expo-1].highlights[0].sources[0]: unknown source \`src-c\`; did you mean \`src-a\`?`,
      `${f}/series.yaml:5: series[expo].sources: every fact needs at least one source`,
    ]);
  });

  it('requires exactly one shown claim when an edition has several dates', () => {
    const f = `${FIXTURES}/seeds-shown/editions.yaml`;
    expect(problems('seeds-shown')).toEqual([
      `${f}:4: editions[expo-1].dates: 2 date claims and none has \`shown: true\`: mark the one the bot shows`,
      `${f}:20: editions[expo-2].dates[1].shown: only one date claim can be shown, and dates[0] already is`,
    ]);
  });

  it('refuses seed files it does not know', () => {
    const f = `${FIXTURES}/seeds-unknown-file`;
    expect(problems('seeds-unknown-file')).toEqual([
      `${f}/people.yml:1: people: seed files end in .yaml: rename it to people.yaml`,
      `${f}/speakers.yaml:1: speakers: unknown seed file; the seed files are sources.yaml, series.yaml, editions.yaml, people.yaml, organizations.yaml, statistics.yaml, forums.yaml, reports.yaml, works.yaml`,
    ]);
  });

  it('reports every problem of every file in one run, without cascades from an unreadable file', () => {
    const f = `${FIXTURES}/seeds-many`;
    // people.yaml cannot be read, so statistics' `reportedBy.person: wang-fang` is not called unknown.
    expect(problems('seeds-many')).toEqual([
      `${f}/organizations.yaml:3: organizations[example-association].kind: Invalid option: expected one of "government"|"association"|"company"|"media"|"academic"|"initiative"|"other"`,
      `${f}/people.yaml:3: people: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${f}/statistics.yaml:5: statistics[users-2023].asOf: impossible date 2023-02-29: day 29 does not exist: 2023-02 has 28 days`,
      `${f}/statistics.yaml:7: statistics[users-2023].edition: unknown edition \`expo-9\``,
    ]);
  });

  it('reports a seed file it cannot read, without cascading into references to its records', () => {
    const dir = tempDir('shiting-unreadable-');
    cpSync(`${FIXTURES}/seeds-mini`, dir, { recursive: true });
    rmSync(path.join(dir, 'people.yaml'));
    mkdirSync(path.join(dir, 'people.yaml'));
    const result = compileSeeds(dir);
    expect(result.ok ? [] : result.errors.map((e) => `${e.line}: ${e.path}: ${e.message}`)).toEqual([
      '1: people: cannot read the file (EISDIR)',
    ]);
  });

  it('refuses an inference or background claim without its note, and accepts one with it (issue 12)', () => {
    const dir = tempDir('shiting-basis-');
    cpSync(`${FIXTURES}/seeds-mini`, dir, { recursive: true });
    const person = (id: string, basis: string, note?: string) =>
      [
        `- id: ${id}`,
        `  name: ${id}`,
        '  roles:',
        '    - title: Analyst',
        `      basis: ${basis}`,
        ...(note ? [`      note: ${note}`] : []),
        '      sources: [src-b]',
        '  sources: [src-b]',
        '',
      ].join('\n');
    appendFileSync(path.join(dir, 'people.yaml'), person('noted', 'inference', 'The title is our reading.'));
    const good = compileSeeds(dir);
    if (!good.ok) throw new Error(good.errors.map(formatSeedError).join('\n'));
    expect(good.index.records.people.at(-1)?.roles[0]).toMatchObject({ basis: 'inference' });

    appendFileSync(
      path.join(dir, 'people.yaml'),
      person('unnoted', 'inference') + person('unnoted-background', 'background') + person('plain', 'source'),
    );
    const bad = compileSeeds(dir);
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'people[unnoted].roles[0].basis: `basis: inference` needs a `note` saying what the inference rests on',
      'people[unnoted-background].roles[0].basis: `basis: background` needs a `note` saying what the background knowledge is',
    ]);
  });

  it('accepts a statistic with no reporter, but checks a reporter that is given', () => {
    const dir = tempDir('shiting-reporter-');
    cpSync(`${FIXTURES}/seeds-mini`, dir, { recursive: true });
    const stat = (id: string, reportedBy?: string) =>
      [
        `- id: ${id}`,
        '  measure: example check-in spots',
        '  value: 100',
        '  unit: spots',
        ...(reportedBy ? [`  reportedBy: ${reportedBy}`] : []),
        '  edition: expo-1',
        '  sources: [src-b]',
        '',
      ].join('\n');
    appendFileSync(path.join(dir, 'statistics.yaml'), stat('spots-unattributed'));
    const good = compileSeeds(dir);
    if (!good.ok) throw new Error(good.errors.map(formatSeedError).join('\n'));
    expect(good.index.records.statistics.at(-1)?.reportedBy).toBeUndefined();
    expect(good.index.related['spots-unattributed']).toEqual({ editions: ['expo-1'], sources: ['src-b'] });
    expect(good.index.related['expo-1']?.statistics).toContain('spots-unattributed');

    appendFileSync(
      path.join(dir, 'statistics.yaml'),
      stat('spots-empty-reporter', '{}') + stat('spots-unknown-reporter', '{ person: nobody }'),
    );
    const bad = compileSeeds(dir);
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'statistics[spots-empty-reporter].reportedBy: name a report, a person or an organisation',
      'statistics[spots-unknown-reporter].reportedBy.person: unknown person `nobody`',
    ]);
  });

  it('refuses a folder without seed files, or without sources, instead of compiling nothing', () => {
    const empty = tempDir('shiting-empty-');
    const result = compileSeeds(empty);
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'seeds: no seed files in this folder; expected sources.yaml, series.yaml, editions.yaml, people.yaml, organizations.yaml, statistics.yaml, forums.yaml, reports.yaml, works.yaml',
    ]);

    const noSources = tempDir('shiting-no-sources-');
    cpSync(`${FIXTURES}/seeds-mini`, noSources, { recursive: true });
    rmSync(path.join(noSources, 'sources.yaml'));
    const missing = compileSeeds(noSources);
    // One problem, not one "unknown source" per citation.
    expect(missing.ok ? [] : missing.errors.map((e) => `${e.line}: ${e.path}: ${e.message}`)).toEqual([
      '1: sources: no such file; every fact cites a source listed in it',
    ]);

    writeFileSync(path.join(noSources, 'sources.yaml'), '# none yet\n');
    const none = compileSeeds(noSources);
    expect(none.ok ? [] : none.errors.map((e) => `${e.path}: ${e.message}`)).toContain(
      'sources: lists no sources; every fact must cite one',
    );
  });

  it('reports a missing seeds folder instead of throwing', () => {
    expect(problems('no-such-folder')).toEqual([
      `${FIXTURES}/no-such-folder:1: seeds: no such folder of seed files`,
    ]);
  });
});

describe('compileSeeds: a valid set of seeds', () => {
  const mini = compileSeeds(`${FIXTURES}/seeds-mini`);
  if (!mini.ok) throw new Error(mini.errors.map(formatSeedError).join('\n'));
  const { index, json } = mini;

  it('counts the records of each kind', () => {
    expect(index.counts).toEqual({
      sources: 2,
      series: 1,
      editions: 3,
      people: 2,
      organizations: 2,
      statistics: 2,
      forums: 1,
      reports: 1,
      works: 1,
    });
  });

  it('is deterministic: the same seeds give the same bytes', () => {
    const again = compileSeeds(`${FIXTURES}/seeds-mini`);
    expect(again.ok && again.json).toBe(json);
  });

  it('hashes everything but the hash, and writes the schema version first', () => {
    const { hash, ...body } = JSON.parse(json);
    expect(hash).toBe(index.hash);
    expect(indexHash(body)).toBe(hash);
    expect(json.startsWith(`{"schemaVersion":${INDEX_SCHEMA_VERSION},"hash":"`)).toBe(true);
  });

  it('writes pure ASCII, escaping Chinese, which reads back unchanged', () => {
    expect(/^[\x20-\x7e]*\n$/.test(json)).toBe(true);
    expect(JSON.parse(json).records.series[0].i18n['zh-CN'].name).toBe('示例大会');
  });

  it('marks a lone date claim as shown', () => {
    const first = index.records.editions.find((e) => e.id === 'expo-1')!;
    expect(first.dates.map((d) => d.shown)).toEqual([true]);
  });

  it('builds the month-day calendar from shown, full dates only', () => {
    expect(Object.keys(index.calendar)).toEqual(['01-01', '01-02', '03-28', '03-29', '03-30', '12-31']);
    expect(index.calendar['12-31']).toEqual([
      { date: '2023-12-31', kind: 'editions', id: 'expo-1', event: 'start' },
    ]);
    expect(index.calendar['03-29']).toEqual([
      { date: '2024-03-29', kind: 'editions', id: 'expo-2', event: 'day' },
      { date: '2024-03-29', kind: 'reports', id: 'expo-report-2024', event: 'released' },
    ]);
    expect(index.calendar['03-28']).toEqual([
      { date: '2024-03-28', kind: 'editions', id: 'expo-2', event: 'start' },
      { date: '2024-03-28', kind: 'forums', id: 'expo-2-main-forum', event: 'held' },
    ]);
    // The unshown claim (03-27) and a month-only date (expo-3) are not on the calendar.
    expect(index.calendar['03-27']).toBeUndefined();
  });

  it('links records both ways', () => {
    expect(index.related['expo-2']).toEqual({
      sources: ['src-a', 'src-b'],
      series: ['expo'],
      people: ['wang-fang'],
      organizations: ['example-ministry', 'example-association'],
      statistics: ['users-2023'],
      forums: ['expo-2-main-forum'],
      reports: ['expo-report-2024'],
      works: ['example-film'],
    });
    expect(index.related['wang-fang']).toMatchObject({
      editions: ['expo-2'],
      organizations: ['example-association'],
      forums: ['expo-2-main-forum'],
      works: ['example-film'],
    });
    expect(index.related['example-association']).toMatchObject({
      editions: ['expo-2'],
      people: ['wang-fang'],
      organizations: ['example-ministry'],
      forums: ['expo-2-main-forum'],
      reports: ['expo-report-2024'],
      works: ['example-film'],
    });
    expect(index.related['expo-report-2024']?.statistics).toEqual(['users-2023']);
    expect(index.related['li-ming']?.statistics).toEqual(['users-2022']);
    // Editions are listed by date, statistics by as-of date.
    expect(index.related.expo?.editions).toEqual(['expo-1', 'expo-2', 'expo-3']);
    expect(index.related['src-b']?.statistics).toEqual(['users-2022', 'users-2023']);
  });

  it('does not store statistic series in the file (the loader lists siblings)', () => {
    expect(index.related['users-2023']?.statistics).toBeUndefined();
  });
});
