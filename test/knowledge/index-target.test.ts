// Only a Shiting index is ever replaced: a user's file, a folder, an index from newer code or a path at the top
// of the file system is refused, through `shiting compile` and `shiting start` (run in this process through the
// console's entry point; a refusal ends before the bot serves), and the user's file is byte-identical afterwards.
// The bot that recompiles an older index and serves from it is a real process.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import { IndexTargetError, inspectIndexFile } from '../../src/knowledge/index-target';
import { INDEX_SCHEMA_VERSION } from '../../src/knowledge/knowledge-base';
import { ensureIndex } from '../../src/knowledge/open';
import { SEARCH_TABLES_VERSION } from '../../src/search/tables';
import { removeTempDirs, spawnShiting, tempDir } from '../discord/helpers';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';

const MINI = fileURLToPath(new URL('../fixtures/seeds-mini', import.meta.url));
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

const mini = compileSeeds(MINI);
if (!mini.ok) throw new Error('the mini seeds must compile');
const CURRENT = mini.json;
/** The same index as written by code one schema version ahead. */
const NEWER = CURRENT.replace(
  `{"schemaVersion":${INDEX_SCHEMA_VERSION},`,
  `{"schemaVersion":${INDEX_SCHEMA_VERSION + 1},`,
);
/** `text` as if its search tables had been laid out by code `by` versions away from this one. */
function withSearchVersion(text: string, by: number): string {
  const marker = `"search":{"version":${SEARCH_TABLES_VERSION},`;
  if (!text.includes(marker)) throw new Error('the compiler no longer writes the search version this way');
  return text.replace(marker, `"search":{"version":${SEARCH_TABLES_VERSION + by},`);
}
const OLDER_SEARCH = withSearchVersion(CURRENT, -1);
const NEWER_SEARCH = withSearchVersion(CURRENT, 1);
/** How versions 1–3 began (no format marker), with one count other than the mini seeds'. */
const LEGACY = `{"schemaVersion":3,"hash":"${'a'.repeat(64)}","counts":${JSON.stringify({ ...mini.index.counts, works: 5 })},"records":{}}\n`;
const NOTES = 'my notes, not an index\n第二行\n';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
afterAll(removeTempDirs);

function file(dir: string, name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describe('inspectIndexFile', () => {
  it('tells an index of any version from anything else, without changing it', () => {
    const dir = tempDir('shiting-inspect-');
    expect(inspectIndexFile(file(dir, 'current.json', CURRENT))).toEqual({
      state: 'index',
      version: INDEX_SCHEMA_VERSION,
      counts: mini.index.counts,
      searchVersion: SEARCH_TABLES_VERSION,
    });
    expect(inspectIndexFile(file(dir, 'older-search.json', OLDER_SEARCH))).toMatchObject({
      searchVersion: SEARCH_TABLES_VERSION - 1,
    });
    expect(inspectIndexFile(file(dir, 'newer.json', NEWER))).toMatchObject({
      version: INDEX_SCHEMA_VERSION + 1,
    });
    expect(inspectIndexFile(file(dir, 'legacy.json', LEGACY))).toEqual({
      state: 'index',
      version: 3,
      counts: { ...mini.index.counts, works: 5 },
    });
    const pretty = JSON.stringify(JSON.parse(CURRENT), null, 2);
    expect(inspectIndexFile(file(dir, 'pretty.json', pretty))).toMatchObject({
      state: 'index',
      searchVersion: SEARCH_TABLES_VERSION,
    });
    expect(inspectIndexFile(file(dir, 'notes.txt', NOTES))).toEqual({ state: 'other' });
    expect(inspectIndexFile(file(dir, 'other.json', '{"schemaVersion": 2, "name": "x"}'))).toEqual({
      state: 'other',
    });
    expect(inspectIndexFile(file(dir, 'empty.json', ''))).toEqual({ state: 'other' });
    expect(inspectIndexFile(dir)).toEqual({ state: 'folder' });
    expect(inspectIndexFile(path.join(dir, 'absent.json'))).toEqual({ state: 'missing' });
    expect(inspectIndexFile(path.join(dir, 'notes.txt', 'index.json'))).toEqual({ state: 'under-a-file' });
  });
});

describe('ensureIndex', () => {
  it('refuses a non-index, a folder and a newer index with IndexTargetError, before compiling', () => {
    const dir = tempDir('shiting-ensure-');
    for (const [name, text, seeds] of [
      // Seeds that do not even exist: the refusal comes first, so it is the target that is reported.
      ['notes.txt', NOTES, path.join(dir, 'no-seeds-here')],
      ['newer.json', NEWER, MINI],
      ['newer-search.json', NEWER_SEARCH, MINI],
    ] as const) {
      const target = file(dir, name, text);
      let thrown: unknown;
      try {
        ensureIndex(seeds, target, 'SHITING_INDEX');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(IndexTargetError);
      // A reporter takes a code starting with E for a network error; this one has none.
      expect((thrown as { code?: unknown }).code).toBeUndefined();
      expect((thrown as Error).message).toContain(`SHITING_INDEX names ${target}`);
      expect((thrown as Error).message).not.toContain('\n');
      expect(readFileSync(target, 'utf8')).toBe(text);
    }
    expect(() => ensureIndex(MINI, dir, 'SHITING_INDEX')).toThrow(/which is a folder, not an index file/);
  });

  it('replaces an older index', () => {
    const dir = tempDir('shiting-ensure-');
    const legacy = file(dir, 'legacy.json', LEGACY);
    expect(ensureIndex(MINI, legacy, 'SHITING_INDEX')).toEqual({ compiled: true });
    expect(readFileSync(legacy, 'utf8')).toBe(CURRENT);
  });

  it('replaces an index of this schema version whose search tables are older, though newer than the seeds', () => {
    const dir = tempDir('shiting-ensure-');
    const stale = file(dir, 'stale.json', OLDER_SEARCH);
    expect(ensureIndex(MINI, stale, 'SHITING_INDEX')).toEqual({ compiled: true });
    expect(readFileSync(stale, 'utf8')).toBe(CURRENT);
    expect(ensureIndex(MINI, stale, 'SHITING_INDEX')).toEqual({ compiled: false });
  });

  it('names the newer search tables version it refuses to replace', () => {
    const dir = tempDir('shiting-ensure-');
    const newer = file(dir, 'newer-search.json', NEWER_SEARCH);
    expect(() => ensureIndex(MINI, newer)).toThrow(
      `an index written by a newer Shiting (search tables version ${SEARCH_TABLES_VERSION + 1}; this code knows up to ${SEARCH_TABLES_VERSION}); it was left as it was.`,
    );
  });

  it('creates a missing index named by a user only in a folder that exists', () => {
    const dir = tempDir('shiting-ensure-');
    const inFolder = path.join(dir, 'index.json');
    expect(ensureIndex(MINI, inFolder, 'SHITING_INDEX')).toEqual({ compiled: true });
    const deeper = path.join(dir, 'no', 'such', 'index.json');
    expect(() => ensureIndex(MINI, deeper, 'SHITING_INDEX')).toThrow(
      /does not exist; nothing was written\. Create the folder, run `npx shiting compile --out /,
    );
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
    // A path chosen in code (tests, benchmarks) gets its folders, as before.
    expect(ensureIndex(MINI, deeper)).toEqual({ compiled: true });
  });
});

describe('shiting compile --out', () => {
  it('refuses to overwrite a file that is not an index, or a newer index, and leaves it byte-identical', async () => {
    const dir = tempDir('shiting-compile-target-');
    const notes = file(dir, 'notes.txt', NOTES);
    const newer = file(dir, 'newer.json', NEWER);
    const viaOut = await shitingInProcess(['compile', '--seeds', MINI, '--out', notes], {});
    const viaEnv = await shitingInProcess(['compile', '--seeds', MINI], { SHITING_INDEX: notes });
    const viaNewer = await shitingInProcess(['compile', '--seeds', MINI, '--index', newer], {});
    expect(viaOut.code).toBe(1);
    expect(viaOut.stderr).toBe(
      `shiting compile: --out names ${notes}, which is not a Shiting index (a compiled index starts with {"schemaVersion":…); it was left as it was. Move the file away if it may be replaced, or choose another --out.\n`,
    );
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toContain(`SHITING_INDEX names ${notes}, which is not a Shiting index`);
    expect(viaEnv.stderr).toContain('choose another SHITING_INDEX');
    expect(viaNewer.code).toBe(1);
    expect(viaNewer.stderr).toContain(
      `--index names ${newer}, an index written by a newer Shiting (schema version ${INDEX_SCHEMA_VERSION + 1}; this code knows up to ${INDEX_SCHEMA_VERSION}); it was left as it was. Update the code, or choose another --out.`,
    );
    for (const r of [viaOut, viaEnv, viaNewer]) {
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    expect(readFileSync(notes, 'utf8')).toBe(NOTES);
    expect(readFileSync(newer, 'utf8')).toBe(NEWER);
  });

  it('replaces an older index, reporting the change of each count, and writes a new file when asked to', async () => {
    const dir = tempDir('shiting-compile-target-');
    const legacy = file(dir, 'legacy.json', LEGACY);
    const pretty = file(dir, 'pretty.json', JSON.stringify(JSON.parse(CURRENT), null, 2));
    const fresh = path.join(dir, 'new', 'folder', 'index.json');
    const replaced = await shitingInProcess(['compile', '--seeds', MINI, '--out', legacy], {});
    const reformatted = await shitingInProcess(['compile', '--seeds', MINI, '--out', pretty], {});
    const created = await shitingInProcess(['compile', '--seeds', MINI, '--out', fresh], {});
    expect(reformatted.code).toBe(0);
    expect(readFileSync(pretty, 'utf8')).toBe(CURRENT);
    expect(reformatted.stdout).toContain('same counts as the index it replaced');
    expect(replaced.code).toBe(0);
    expect(readFileSync(legacy, 'utf8')).toBe(CURRENT);
    // Only the kinds whose count changed, as before → after.
    expect(replaced.stdout).toContain('changed from the index it replaced:\n  works: 5 → 1\nhash ');
    expect(created.code).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toBe(CURRENT);
    expect(created.stdout).not.toContain('index it replaced');
  });
});

describe('shiting start', () => {
  function startEnvWith(index: string, dir: string): Record<string, string> {
    if (!fake) throw new Error('start the fake Discord first');
    return {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_INDEX: index,
      SHITING_DB: path.join(dir, 'shiting.db'),
      LOG_LEVEL: 'silent',
    };
  }

  it('refuses SHITING_INDEX or --index naming a non-index, a newer index or a folder, before connecting', async () => {
    fake = await startFakeDiscord();
    const dir = tempDir('shiting-start-target-');
    const notes = file(dir, 'notes.txt', NOTES);
    const newer = file(dir, 'newer.json', NEWER);
    const { token, apiUrl } = fake;
    const db = path.join(dir, 'shiting.db');
    const viaEnv = await shitingInProcess(['start'], startEnvWith(notes, dir));
    const viaFlag = await shitingInProcess(['start', '--index', notes], {
      DISCORD_TOKEN: token,
      DISCORD_API_URL: apiUrl,
      SHITING_DB: db,
      LOG_LEVEL: 'silent',
    });
    const viaNewer = await shitingInProcess(['start'], startEnvWith(newer, dir));
    const viaFolder = await shitingInProcess(['start'], startEnvWith(dir, dir));
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toBe(
      `shiting start: SHITING_INDEX (or --index) names ${notes}, which is not a Shiting index (a compiled index starts with {"schemaVersion":…); it was left as it was. Move the file away if it may be replaced, or point SHITING_INDEX (or --index) elsewhere.\n`,
    );
    expect(viaFlag.code).toBe(1);
    expect(viaFlag.stderr).toBe(viaEnv.stderr);
    expect(viaNewer.code).toBe(1);
    expect(viaNewer.stderr).toContain(`names ${newer}, an index written by a newer Shiting`);
    expect(viaNewer.stderr).toContain('Update the code, or point SHITING_INDEX (or --index) elsewhere.');
    expect(viaFolder.code).toBe(1);
    expect(viaFolder.stderr).toContain(`names ${dir}, which is a folder, not an index file`);
    for (const r of [viaEnv, viaFlag, viaNewer, viaFolder]) {
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain('could not reach');
    }
    expect(readFileSync(notes, 'utf8')).toBe(NOTES);
    expect(readFileSync(newer, 'utf8')).toBe(NEWER);
    // Checked before the database is opened or Discord is contacted.
    expect(fake.requests).toEqual([]);
    expect(existsSync(db)).toBe(false);
  });

  it('recompiles an index whose search tables are older, for start (a real process) and for ask, instead of refusing it', async () => {
    const shipped = { json: shippedIndexJson() };
    fake = await startFakeDiscord();
    const dir = tempDir('shiting-start-target-');
    const forStart = file(dir, 'start.json', withSearchVersion(shipped.json, -1));
    const forAsk = file(dir, 'ask.json', withSearchVersion(shipped.json, -1));
    const deployed = fake.nextRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    const bot = spawnShiting(['start'], startEnvWith(forStart, dir));
    const asked = await shitingInProcess(['ask', '/about'], { SHITING_INDEX: forAsk });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/^# About Shiting/);
    expect(readFileSync(forAsk, 'utf8')).toBe(shipped.json);
    await deployed;
    expect(readFileSync(forStart, 'utf8')).toBe(shipped.json);
    const reply = await fake.sendCommand({ name: 'about' });
    expect(reply.data.embeds?.[0]?.title).toBe('About Shiting');
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });

  it('does not create an index at the top of the file system or in a folder that does not exist', async () => {
    fake = await startFakeDiscord();
    const dir = tempDir('shiting-start-target-');
    const atRoot = path.join(path.parse(dir).root, `shiting-test-${process.pid}.json`);
    const noFolder = path.join(dir, 'missing', 'index.json');
    try {
      const root = await shitingInProcess(['start', '--index', atRoot], startEnvWith(atRoot, dir));
      const missing = await shitingInProcess(['start'], startEnvWith(noFolder, dir));
      expect(root.code).toBe(1);
      expect(root.stderr).toContain(
        `names ${atRoot}, a new file at the top of the file system; start does not create an index there. Run \`npx shiting compile --out ${atRoot}\``,
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`but ${path.dirname(noFolder)} does not exist; nothing was written.`);
      expect(existsSync(atRoot)).toBe(false);
      expect(existsSync(path.dirname(noFolder))).toBe(false);
      expect(fake.requests).toEqual([]);
    } finally {
      rmSync(atRoot, { force: true });
    }
  });
});
