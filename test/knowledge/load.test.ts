// The loader: answers from a compiled index, and refuses anything else with one line that says what to run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import { indexHash } from '../../src/knowledge/index-hash';
import { INDEX_SCHEMA_VERSION } from '../../src/knowledge/knowledge-base';
import {
  IndexLoadError,
  knowledgeFromIndex,
  loadIndexFile,
  resolveIndexPath,
} from '../../src/knowledge/load';
import { openKnowledge } from '../../src/knowledge/open';
import { removeTempDirs, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

let dir: string;
let json: string;

beforeAll(() => {
  const result = compileSeeds('test/fixtures/seeds-mini');
  if (!result.ok) throw new Error('the mini seeds must compile');
  json = result.json;
  dir = tempDir('shiting-load-');
});

function indexWith(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function refusal(file: string): string {
  try {
    loadIndexFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(IndexLoadError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('npx shiting compile');
    return message;
  }
  throw new Error(`${file} loaded, but it should have been refused`);
}

describe('loadIndexFile', () => {
  it('answers get, find, related and the calendar', () => {
    const kb = loadIndexFile(indexWith('good.json', json));
    expect(kb.counts.editions).toBe(3);
    expect(kb.get('people', 'wang-fang')?.name).toBe('Wang Fang');
    expect(kb.get('editions', 'wang-fang')).toBeUndefined();
    expect(kb.find('example-film')).toMatchObject({ kind: 'works', record: { title: 'Example Film' } });
    expect(kb.find('nothing')).toBeUndefined();
    expect(kb.related('wang-fang').editions).toEqual(['expo-2']);
    expect(kb.related('nothing')).toEqual({});
    expect(kb.calendarDays).toEqual(['01-01', '01-02', '03-28', '03-29', '03-30', '12-31']);
    expect(kb.onMonthDay('03-30')).toEqual([
      { date: '2024-03-30', kind: 'editions', id: 'expo-2', event: 'end' },
    ]);
    expect(kb.onMonthDay('07-07')).toEqual([]);
  });

  it('refuses a missing file', () => {
    expect(refusal(path.join(dir, 'absent.json'))).toMatch(
      /^no index at .*absent\.json: run `npx shiting compile` to build it$/,
    );
  });

  it('refuses a corrupt file', () => {
    expect(refusal(indexWith('corrupt.json', 'not json at all'))).toMatch(
      /is corrupt or truncated \(not valid JSON\)/,
    );
  });

  it('refuses a truncated file', () => {
    expect(refusal(indexWith('truncated.json', json.slice(0, json.length / 2)))).toMatch(
      /is corrupt or truncated/,
    );
  });

  it('refuses older and newer schema versions', () => {
    const current = `{"schemaVersion":${INDEX_SCHEMA_VERSION},`;
    const older = json.replace(current, `{"schemaVersion":${INDEX_SCHEMA_VERSION - 1},`);
    expect(refusal(indexWith('old.json', older))).toContain(
      `has older schema version ${INDEX_SCHEMA_VERSION - 1}; this Shiting reads version ${INDEX_SCHEMA_VERSION}`,
    );
    const newer = json.replace(current, `{"schemaVersion":${INDEX_SCHEMA_VERSION + 1},`);
    expect(refusal(indexWith('new.json', newer))).toContain(
      `has newer schema version ${INDEX_SCHEMA_VERSION + 1}`,
    );
  });

  it('refuses an index that fails the schema, naming where', () => {
    const badId = JSON.parse(json);
    badId.records.people[0].id = 'Not An Id';
    expect(refusal(indexWith('bad-id.json', JSON.stringify(badId)))).toMatch(
      /is damaged \(records\.people\[0\]: not a record with an id\)/,
    );
    const badDay = JSON.parse(json);
    badDay.calendar['3-28'] = [];
    expect(refusal(indexWith('bad-day.json', JSON.stringify(badDay)))).toMatch(
      /is damaged \(calendar\.3-28: /,
    );
    const badCount = JSON.parse(json);
    badCount.counts.people = 7;
    expect(refusal(indexWith('bad-count.json', JSON.stringify(badCount)))).toMatch(
      /is damaged \(counts\.people: 7 but 2 records\)/,
    );
  });

  it('accepts an index reformatted without changing its content', () => {
    const pretty = JSON.stringify(JSON.parse(json), null, 2);
    expect(loadIndexFile(indexWith('pretty.json', pretty)).counts.people).toBe(2);
  });

  it('lists the other members of a statistic series, in as-of order', () => {
    const kb = loadIndexFile(indexWith('series.json', json));
    expect(kb.related('users-2023').statistics).toEqual(['users-2022']);
    expect(kb.related('users-2022')).toEqual({
      sources: ['src-b'],
      editions: ['expo-1'],
      people: ['li-ming'],
      statistics: ['users-2023'],
    });
  });

  it('refuses an index whose content does not match its hash', () => {
    const edited = json.replace('Opened the main forum.', 'Closed the main forum.');
    expect(edited).not.toBe(json);
    expect(refusal(indexWith('edited.json', edited))).toMatch(/does not match its content hash/);
  });

  it('refuses something that is JSON but not an index', () => {
    expect(refusal(indexWith('other.json', '{"hello":1}'))).toMatch(/is not a Shiting index/);
  });
});

describe('knowledgeFromIndex', () => {
  it('builds the same knowledge from an index object', () => {
    const index = JSON.parse(json);
    const { hash, ...body } = index;
    expect(indexHash(body)).toBe(hash);
    expect(knowledgeFromIndex(index).get('reports', 'expo-report-2024')?.released).toBe('2024-03-29');
  });
});

describe('resolveIndexPath', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prefers the flag, then SHITING_INDEX, then build/index.json, relative to the working directory', () => {
    vi.stubEnv('SHITING_INDEX', 'from-env.json');
    expect(resolveIndexPath('from-flag.json')).toBe(path.resolve('from-flag.json'));
    expect(resolveIndexPath()).toBe(path.resolve('from-env.json'));
    vi.stubEnv('SHITING_INDEX', '');
    expect(resolveIndexPath()).toBe(path.resolve('build/index.json'));
  });
});

describe('openKnowledge', () => {
  it('loads the index and builds the lookup over it', () => {
    const { kb, lookup } = openKnowledge(indexWith('open.json', json));
    expect(kb.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(lookup.search('Wang Fang', { kinds: ['people'] })[0]?.id).toBe('wang-fang');
  });

  it('refuses an index without usable search tables, saying what to run', () => {
    const index = JSON.parse(json);
    index.search = null;
    const { hash: _, ...body } = index;
    index.hash = indexHash(body);
    const file = indexWith('no-search.json', JSON.stringify(index));
    expect(() => openKnowledge(file)).toThrow(IndexLoadError);
    expect(() => openKnowledge(file)).toThrow(/npx shiting compile/);
  });

  it('leaves the file it read unchanged', () => {
    const file = indexWith('untouched.json', json);
    openKnowledge(file);
    expect(readFileSync(file, 'utf8')).toBe(json);
  });
});
