// The README's example of next year's edition compiles against the real seeds and lands on the calendar.
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compileSeeds, formatSeedError } from '../../src/knowledge/compile';
import { removeTempDirs, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

it('compiles the example edition from src/knowledge/README.md', () => {
  const readme = readFileSync('src/knowledge/README.md', 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toMatch(/^- id: ciac-12\n/);
  const seeds = path.join(tempDir('shiting-readme-'), 'seeds');
  cpSync('seeds', seeds, { recursive: true });
  appendFileSync(
    path.join(seeds, 'sources.yaml'),
    [
      '',
      '- id: src-005-example-12th',
      '  file: 005_0123456789abcdef.txt',
      '  outlet: Example Daily',
      '  title: The 12th conference opens',
      "  published: '2025-03-27'",
      '  language: en',
      '  summary: An article about the twelfth edition.',
      '',
    ].join('\n'),
  );
  appendFileSync(path.join(seeds, 'editions.yaml'), `\n${example}`);
  const result = compileSeeds(seeds);
  if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
  expect(result.index.calendar['03-27']).toContainEqual({
    date: '2025-03-27',
    kind: 'editions',
    id: 'ciac-12',
    event: 'start',
  });
  expect(result.index.related['ciac-12']?.organizations).toEqual(
    expect.arrayContaining(['cnapsa', 'nrta', 'cac']),
  );
});
