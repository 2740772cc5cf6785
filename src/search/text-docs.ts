// What the full-text index holds per search doc (its names, titles and prose in every locale) and the extra
// docs for the figures stored on editions, which /stat finds as if they were statistics.
import type { AnyRecord, IndexFile } from '../knowledge/knowledge-base';
import type { Kind } from '../knowledge/schema';
import { allAliases, allTexts } from '../locale/local-text';
import { recordTexts } from './record-texts';
import { FIGURE_WORDS, type TextFields, type TextTables } from './text-tables';

type Records = IndexFile['records'];

export interface NamedDoc {
  kind: Kind;
  id: string;
  /** The names the name index has for it (raw, every locale). */
  names: readonly string[];
}

export function textDocs(
  records: Records,
  docs: readonly NamedDoc[],
): { fields: TextFields[]; figures: TextTables['figures'] } {
  const byId = new Map<string, AnyRecord>();
  for (const kind of Object.keys(records) as Kind[]) {
    for (const record of records[kind]) byId.set(record.id, { kind, record } as AnyRecord);
  }
  const names = new Map<string, string[]>();
  for (const o of records.organizations) names.set(o.id, [...allTexts(o, 'name'), ...allAliases(o)]);
  for (const p of records.people) names.set(p.id, [...allTexts(p, 'name'), ...allAliases(p)]);
  const namesOf = (id: string) => names.get(id) ?? [];
  const fields: TextFields[] = docs.map((d) => {
    const item = byId.get(d.id);
    const texts = item ? recordTexts(item, allTexts, namesOf) : { titles: [], prose: [] };
    return { name: d.names, title: texts.titles, prose: texts.prose };
  });
  const figures: TextTables['figures'] = [];
  docs.forEach((d, doc) => {
    const item = byId.get(d.id);
    if (item?.kind !== 'editions') return;
    for (const f of item.record.figures) {
      if (figures.some((x) => x.doc === doc && x.measure === f.measure)) continue;
      figures.push({ doc, measure: f.measure });
      fields.push({ name: d.names, title: [FIGURE_WORDS[f.measure]], prose: f.label ? [f.label] : [] });
    }
  });
  return { fields, figures };
}
