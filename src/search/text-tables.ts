// The full-text part of the search tables: every text a record shows, in every locale, as weighted terms
// (BM25F: a name counts most, then titles, then prose), built by the compiler. Postings carry each term's
// field-weighted, length-normalised frequency, so a query only adds up idf-weighted saturations.
import { z } from 'zod';
import type { FigureT } from '../knowledge/schema';
import { termsOf } from './tokens';

/** Field weights: a match in a name beats one in a title, which beats one in a summary. */
export const FIELD_WEIGHT = { name: 8, title: 3, prose: 1 } as const;
export type FieldClass = keyof typeof FIELD_WEIGHT;
/** BM25's length normalisation. */
const B = 0.75;
/** Frequencies are stored as integers in this many steps per unit. */
const TF_SCALE = 8;

/** The words a figure stored on an edition is asked for by ("how many attendees"), in every locale. */
export const FIGURE_WORDS: Record<FigureT['measure'], string> = {
  attendees:
    'attendees attendance attended attending visitors participants audience people 观众 参会者 参会 与会 人次 参观',
  guests: 'guests speakers 嘉宾 演讲嘉宾',
  events: 'events activities 活动',
  organisations: 'organisations organizations companies institutions exhibitors 机构 企业 单位 参展',
  forums: 'forums sessions 论坛 分论坛',
};

/** Term postings: `doc.frequency` pairs, doc numbers as base-36 deltas, frequencies in base 36. */
const TermPostings = z.string().regex(/^[0-9a-z]+\.[0-9a-z]+(?:,[0-9a-z]+\.[0-9a-z]+)*$/);

export const TextTablesSchema = z.object({
  /** Every term, sorted, so that the terms starting with a prefix form one run. */
  terms: z.array(z.string().min(1)),
  /** Parallel to `terms`. Doc numbers: search docs first, then `figures`. */
  postings: z.array(TermPostings),
  /** Text docs beyond the search docs: one per figure stored on an edition, found by /stat as a statistic. */
  figures: z.array(
    z.object({
      doc: z.number().int().nonnegative(),
      measure: z.enum(['guests', 'attendees', 'events', 'organisations', 'forums']),
    }),
  ),
});
export type TextTables = z.infer<typeof TextTablesSchema>;

/** What one text doc is made of: texts by field class. */
export type TextFields = { [F in FieldClass]: readonly string[] };

function encodeTermPostings(entries: readonly (readonly [number, number])[]): string {
  let prev = 0;
  return entries
    .map(([doc, tf], i) => {
      const d = i === 0 ? doc : doc - prev;
      prev = doc;
      return `${d.toString(36)}.${tf.toString(36)}`;
    })
    .join(',');
}

export function decodeTermPostings(encoded: string): { docs: Int32Array; tf: Float32Array } {
  const parts = encoded.split(',');
  const docs = new Int32Array(parts.length);
  const tf = new Float32Array(parts.length);
  let acc = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const dot = p.indexOf('.');
    acc += Number.parseInt(p.slice(0, dot), 36);
    docs[i] = acc;
    tf[i] = Number.parseInt(p.slice(dot + 1), 36) / TF_SCALE;
  }
  return { docs, tf };
}

/** Deterministic: the same docs give the same tables. */
export function buildTextTables(docs: readonly TextFields[], figures: TextTables['figures']): TextTables {
  const classes = Object.keys(FIELD_WEIGHT) as FieldClass[];
  // The same text recurs (a role title, an organisation's name, a text its locales share): split each once.
  const split = new Map<string, string[]>();
  const termsOnce = (text: string) => {
    let terms = split.get(text);
    if (!terms) {
      terms = termsOf(text);
      split.set(text, terms);
    }
    return terms;
  };
  const counted = docs.map(
    (d) =>
      Object.fromEntries(classes.map((c) => [c, d[c].flatMap(termsOnce)])) as Record<FieldClass, string[]>,
  );
  const average = Object.fromEntries(
    classes.map((c) => [
      c,
      Math.max(1, counted.reduce((n, d) => n + d[c].length, 0) / Math.max(1, docs.length)),
    ]),
  ) as Record<FieldClass, number>;
  const byTerm = new Map<string, [number, number][]>();
  counted.forEach((fields, doc) => {
    const weighted = new Map<string, number>();
    for (const c of classes) {
      const terms = fields[c];
      if (terms.length === 0) continue;
      const norm = FIELD_WEIGHT[c] / (1 - B + (B * terms.length) / average[c]);
      for (const t of terms) weighted.set(t, (weighted.get(t) ?? 0) + norm);
    }
    for (const [t, w] of weighted) {
      const list = byTerm.get(t) ?? [];
      list.push([doc, Math.max(1, Math.round(w * TF_SCALE))]);
      byTerm.set(t, list);
    }
  });
  const terms = [...byTerm.keys()].sort();
  return { terms, postings: terms.map((t) => encodeTermPostings(byTerm.get(t)!)), figures };
}
