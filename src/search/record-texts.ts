// The texts a record shows besides its names, by how much a match in them counts: titles (a role, a theme, a
// measure, the organisation a person works for) and prose (summaries, highlights, firsts, what people spoke
// about, notes). The compiler indexes them in every locale; a reply reads them in its own to show why a record
// came up. One list for both, so the index never finds a record by a text that no reply shows.
import type { AnyRecord } from '../knowledge/knowledge-base';
import type { allTexts } from '../locale/local-text';

/** How a text of a field is read: every locale's (indexing) or the reply's own (snippets). */
export type TextPick = typeof allTexts;

/** The names of another record (a person's organisation), by id: every locale's, or none when unknown. */
export type NamesOf = (id: string) => readonly string[];

export interface RecordTexts {
  titles: string[];
  prose: string[];
}

type Present = string | undefined;

export function recordTexts(item: AnyRecord, pick: TextPick, namesOf: NamesOf): RecordTexts {
  const titles: Present[] = [];
  const prose: Present[] = [];
  const notes = (list: readonly { text: string; i18n?: object }[]) =>
    list.flatMap((n) => pick(n as { text: string; i18n?: Record<string, { text?: string }> }, 'text'));
  switch (item.kind) {
    case 'editions': {
      const e = item.record;
      titles.push(...pick(e, 'theme'), ...pick(e, 'city'), e.province);
      prose.push(...pick(e, 'summary'), ...notes(e.highlights), ...notes(e.firsts));
      for (const f of e.figures) prose.push(f.label);
      break;
    }
    case 'people': {
      const p = item.record;
      for (const r of p.roles) {
        titles.push(...pick(r, 'title'));
        if (r.organisation) titles.push(...namesOf(r.organisation));
      }
      for (const a of p.appearances) prose.push(...pick(a, 'summary'));
      prose.push(...pick(p, 'note'));
      break;
    }
    case 'organizations': {
      const o = item.record;
      prose.push(...pick(o, 'summary'), ...pick(o, 'note'));
      break;
    }
    case 'statistics': {
      const s = item.record;
      titles.push(...pick(s, 'measure'), ...pick(s, 'scope'));
      prose.push(...pick(s, 'summary'), ...pick(s, 'asOfNote'));
      break;
    }
    case 'series':
    case 'forums':
    case 'reports':
      prose.push(...pick(item.record, 'summary'));
      break;
    case 'works': {
      const w = item.record;
      for (const id of w.by) titles.push(...namesOf(id));
      prose.push(...pick(w, 'summary'));
      break;
    }
    case 'sources':
      break;
  }
  const present = (list: Present[]) => list.filter((t): t is string => !!t);
  return { titles: present(titles), prose: present(prose) };
}
