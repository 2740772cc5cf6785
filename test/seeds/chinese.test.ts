// zh-CN replies read in Chinese: every free-text field of the real seeds has its Chinese counterpart (i18n.zh-CN).
import { describe, expect, it } from 'vitest';
import type { Records } from '../../src/knowledge/records';
import { seedRecords } from '../commands/knowledge';

/** English free-text fields and the list (parent key) they must sit in; undefined: anywhere. */
const FIELDS: Readonly<Record<string, string | undefined>> = {
  summary: undefined,
  text: undefined,
  note: undefined,
  scope: undefined,
  asOfNote: undefined,
  dateNote: undefined,
  // A source's or work's title is a name, not prose: only a role's title is translated.
  title: 'roles',
};

interface Gap {
  at: string;
  problem: string;
}

/** Every English text field under `value` whose Chinese counterpart is missing or not Chinese. */
function gaps(value: unknown, at: string, parent?: string): Gap[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => gaps(v, `${at}[${i}]`, parent));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const found: Gap[] = [];
  const texts = (record.i18n as { 'zh-CN'?: Record<string, unknown> } | undefined)?.['zh-CN'] ?? {};
  for (const [key, english] of Object.entries(record)) {
    if (key === 'i18n') continue;
    if (key in FIELDS && typeof english === 'string' && (FIELDS[key] ?? parent) === parent) {
      const chinese = texts[key];
      if (typeof chinese !== 'string') found.push({ at: `${at}.${key}`, problem: `no zh-CN ${key}` });
      else if (!/\p{Script=Han}/u.test(chinese))
        found.push({ at: `${at}.i18n.zh-CN.${key}`, problem: 'not Chinese' });
    }
    found.push(...gaps(english, `${at}.${key}`, key));
  }
  return found;
}

const records: Records = seedRecords();

describe('Chinese counterparts in the seeds', () => {
  it.each(Object.keys(records) as (keyof Records)[])('%s: every English text has its Chinese', (kind) => {
    const list: { id: string }[] = records[kind];
    const missing = list.flatMap((r) => gaps(r, `${kind}[${r.id}]`));
    expect(missing).toEqual([]);
  });

  it('checks the fields it should', () => {
    const zh = (texts: Record<string, string>) => ({ i18n: { 'zh-CN': texts } });
    const person = { note: 'A note', summary: 'Said', ...zh({ summary: '说' }), sources: ['a'] };
    expect(gaps(person, 'p')).toEqual([{ at: 'p.note', problem: 'no zh-CN note' }]);
    const roleless = { roles: [{ title: 'Reporter', ...zh({ title: 'Reporter' }) }], title: 'Not a role' };
    expect(gaps(roleless, 'r')).toEqual([{ at: 'r.roles[0].i18n.zh-CN.title', problem: 'not Chinese' }]);
    const notes = {
      highlights: [{ text: 'A highlight' }],
      dates: [{ note: 'A note', ...zh({ note: '说明' }) }],
    };
    expect(gaps(notes, 'e')).toEqual([{ at: 'e.highlights[0].text', problem: 'no zh-CN text' }]);
  });
});
