// The lookup over the compiled search tables: names ranked by the key index (a cheap candidate filter, then
// fuse.js and a word matcher, rank.ts), every other text a record shows ranked by the full-text index
// (text-index.ts), both on one scale (merge.ts); a question's words say what is wanted (intent.ts), and
// resolve.ts / complete.ts turn the ranking into answers. This file wires them.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Kind } from '../knowledge/schema';
import { answerOf } from './answer';
import { choices, completionOrder, featuredOrder, MAX_CHOICES } from './complete';
import { type Question, readQuestion } from './intent';
import { KeyIndex } from './key-index';
import type { Choice, Hit, Lookup, Resolution, SearchOptions } from './lookup-types';
import { applyIntent, type Found, mergeFound, prefers, sortFound, textFound } from './merge';
import { hasCjk } from './normalise';
import { partialEdition, partialEditionDocs } from './partial';
import { isNumber, type QueryFacts, queryFacts } from './query';
import { lowestScore, Ranker } from './rank';
import { ACCEPT, MARGIN, resolveRanked } from './resolve';
import { numbersClash, type Scored, SEARCH_MAX } from './scoring';
import { isTextFiller } from './stopwords';
import { decodePostings, type SearchTables, SearchTablesSchema } from './tables';
import { TextIndex } from './text-index';
import { spellingOf } from './tie-break';
import { timeFit, withTime } from './time-fit';
import { queryTerms } from './tokens';

const DEFAULT_LIMIT = 10;
const DID_YOU_MEAN = 5;
/** A text match must beat a record's name match by this much to rank it (the name is the better evidence). */
const TEXT_OVER_NAME = 0.1;
/** Where a text match that is not clearly better goes: just after the best name match. */
const NEXT = 0.01;
/** What an edition scores when a /stat query names only it ("9th", "stats 2021"): it answers with its statistics. */
const EDITION_STATS_SCORE = 0.05;
/** As rank.ts: a record whose numbers all differ from the query's ranks lower. */
const NUMBER_PENALTY = 0.3;

export class SearchTablesError extends Error {}

export function createLookup(kb: KnowledgeBase): Lookup {
  const parsed = SearchTablesSchema.safeParse(kb.searchTables);
  if (!parsed.success) {
    throw new SearchTablesError(
      'The index has no valid search tables (it may be from an older version); run `npx shiting compile`.',
    );
  }
  return lookupFromTables(parsed.data);
}

interface Ranking {
  found: Found[];
  /** The facts of the text matched: the query's, or those of what is left once question words are dropped. */
  q: QueryFacts;
  question: Question;
  /** An edition that a /stat query names alone: it answers with its statistics. */
  editionStats?: Found;
}

/** Whether the best of a ranking is clearly best (as resolve decides it, on the score margin). */
function clearlyBest(ranked: readonly Scored[]): boolean {
  const top = ranked[0];
  const second = ranked[1];
  if (!top) return false;
  return top.exact || (top.score <= ACCEPT && (!second || second.score - top.score >= MARGIN));
}

/**
 * Whether a query term can match text: a Latin word of three letters or more (two while it is being typed), a
 * number of three digits or more (a small number is an ordinal or a day, found by name), any Chinese term.
 */
function meaningful(term: string, typing: boolean): boolean {
  if (hasCjk(term)) return true;
  if (isNumber(term)) return term.length >= 3;
  return term.length >= (typing ? 2 : 3);
}

const statisticsOnly = (kinds?: readonly Kind[]) =>
  kinds?.includes('statistics') === true && !kinds.includes('editions');

export function lookupFromTables(tables: SearchTables): Lookup {
  const index = new KeyIndex(tables);
  const ranker = new Ranker(index);
  const text = new TextIndex(tables.text, tables.docs.length);
  const { docs } = index;
  const kindOf = (doc: number) => docs[doc]!.kind;
  const fitOf = (q: QueryFacts) => (doc: number) => timeFit(docs[doc]!.t, q.time);
  // Per doc, reused by every query (and left as found): a name match's score (NaN: none), and whether a doc
  // is already listed.
  const nameScore = new Float64Array(docs.length).fill(Number.NaN);
  const listed = new Uint8Array(docs.length);

  // A figure stored on an edition answers /stat as a statistic would.
  const textAllowed = (kinds?: readonly Kind[]) => (t: number) =>
    text.figureOf(t) !== undefined && kinds?.includes('statistics')
      ? true
      : index.allowed(text.searchDoc(t), kinds);

  function statsOfEdition(doc: number): number[] {
    const encoded = tables.editionStats[String(doc)];
    return encoded ? [...decodePostings(encoded)] : [];
  }

  /** "9th", "stats 2021" asked of statistics: the edition named, when it has statistics. */
  function editionNamedAlone(q: QueryFacts, question: Question, kinds?: readonly Kind[]): number | undefined {
    if (!statisticsOnly(kinds) && question.intent !== 'statistics') return undefined;
    let edition: number | undefined;
    if (q.ordinal !== undefined) edition = ranker.editionWithKey(q.ordinal);
    else if (q.text && statisticsOnly(kinds)) {
      // "ninth CIAC", "第九届中国网络视听大会": the query names an edition exactly.
      const [top] = ranker.rank(q, ['editions']);
      if (top?.exact) edition = top.doc;
    } else if (!q.text && q.time.years.length === 1 && q.time.months.length === 0) {
      for (let i = 0; i < docs.length && docs[i]!.kind === 'editions'; i++) {
        if (docs[i]!.t?.includes(q.time.years[0]!)) {
          edition = i;
          break;
        }
      }
    }
    return edition !== undefined && statsOfEdition(edition).length > 0 ? edition : undefined;
  }

  function rankQuery(query: string, kinds: readonly Kind[] | undefined, typing: boolean): Ranking {
    const raw = queryFacts(query);
    const question = readQuestion(query);
    let q = raw;
    // A question ("who spoke about …") is no name: only what is left of it is ranked by name.
    const onlyContent =
      question.asked && question.dropped && question.content !== '' && raw.ordinal === undefined;
    let named = onlyContent ? [] : ranker.rank(raw, kinds);
    const rawClear = clearlyBest(named);
    const rawExact = named[0]?.exact === true;
    // Question words and filler never count as matches: the rest is what is looked up. A name the query as
    // typed clearly matches stays the answer unless what is left clearly matches another, better.
    // An ordinal amid filler ("the 30th") is already read as one (query.ts).
    if (question.dropped && question.content && !rawExact && raw.ordinal === undefined) {
      const qc = queryFacts(question.content);
      // A question ("who …", "… 吗") is no name: only an exact name outweighs what is left of it. What is left
      // is not ranked where it cannot win: a clear name match within MARGIN of the lowest score any ranking
      // gives (rank.ts) stands whatever it matches.
      const canKeepRaw = rawClear && !question.asked;
      const content =
        canKeepRaw && named[0]!.score <= lowestScore(qc) + MARGIN ? undefined : ranker.rank(qc, kinds);
      const keepRaw =
        canKeepRaw &&
        !(
          content &&
          clearlyBest(content) &&
          content[0]!.doc !== named[0]!.doc &&
          content[0]!.score + MARGIN < named[0]!.score
        );
      if (!keepRaw && content) {
        q = qc;
        named = content;
      }
    }
    const asTyped = q === raw;
    const all = queryTerms(q.text);
    let terms = all.filter(
      (t, i) => !isTextFiller(t.term) && meaningful(t.term, typing && i === all.length - 1),
    );
    // One Chinese character being typed (刘): the words of the text that start with it.
    if (typing && terms.length === 0 && hasCjk(q.text) && Array.from(q.joined).length === 1)
      terms = [{ term: q.joined, core: true }];
    const hits =
      terms.length > 0 ? text.search({ terms, prefixLast: typing, allowed: textAllowed(kinds) }) : [];
    const byText = textFound(hits, text);
    if (byText.size > 0) {
      byText.forEach((f) => {
        f.score = withTime(f.score, docs[f.doc]!.t, q.time);
        // An ordinal is never a typo, nor is it matched by a text about another edition.
        if (q.numbers.length > 0 && numbersClash(index, f.doc, q.numbers)) f.score += NUMBER_PENALTY;
      });
      // Today's answer stands: a clear name match keeps it first, text matches after it; and a text match goes
      // ahead of the best name match only when it is clearly better.
      const top = named[0];
      const clearName = asTyped && clearlyBest(named);
      for (let i = 0; i < named.length; i++) nameScore[named[i]!.doc] = named[i]!.score;
      byText.forEach((f) => {
        const n = nameScore[f.doc]!;
        if (!Number.isNaN(n) && f.score + TEXT_OVER_NAME > n) byText.delete(f.doc);
        else if (top && clearName) {
          if (f.doc === top.doc) byText.delete(f.doc);
          else f.score = Math.max(f.score, top.score + MARGIN);
        } else if (top && f.score > top.score - TEXT_OVER_NAME) f.score = Math.max(f.score, top.score + NEXT);
      });
      for (let i = 0; i < named.length; i++) nameScore[named[i]!.doc] = Number.NaN;
    }
    const found = mergeFound(named, byText);
    // The intent moves records only when what is left of the question is what is matched.
    const intent = rawExact || (asTyped && rawClear) ? undefined : question.intent;
    applyIntent(found, intent, kindOf);
    // Without text matches or an intent, found is the name ranking as ranked, already in sortFound's order
    // (rank sorts by the same rule on the same facts): sorting it again would change nothing.
    if (intent !== undefined || byText.size > 0) sortFound(found, fitOf(q));
    const alone = rawExact || (asTyped && rawClear) ? undefined : editionNamedAlone(q, question, kinds);
    const editionStats =
      alone !== undefined ? { doc: alone, score: EDITION_STATS_SCORE, exact: false } : undefined;
    return { found, q, question, ...(editionStats ? { editionStats } : {}) };
  }

  function hitOf(r: Ranking) {
    return (s: Scored): Hit => {
      const d = docs[s.doc]!;
      const f = s as Found;
      const answer =
        s === r.editionStats ? { field: 'statistics' as const } : answerOf(r.question.intent, d.kind, f);
      return {
        kind: d.kind,
        id: d.id,
        score: Math.min(1, Math.max(0, s.score)),
        label: d.label,
        ...(answer ? { answer } : {}),
        ...(f.matched ? { matched: f.matched } : {}),
      };
    };
  }

  /** The ranking as answers: the edition named alone first, with its statistics after it. */
  function ordered(r: Ranking): Found[] {
    if (!r.editionStats) return r.found;
    const stats = new Set(statsOfEdition(r.editionStats.doc));
    const listed = statsOfEdition(r.editionStats.doc).map((doc) => ({ doc, score: 0.1, exact: false }));
    return [
      r.editionStats,
      ...listed,
      ...r.found.filter((s) => s.doc !== r.editionStats!.doc && !stats.has(s.doc)),
    ];
  }

  // An id (autocomplete sends the chosen record's id) comes first in every answer, exactly.
  function search(query: string, options: SearchOptions = {}): Hit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const byId = index.idDoc(query, options.kinds);
    const r = rankQuery(query, options.kinds, false);
    const list = byId !== undefined ? r.found : ordered(r);
    const head: Scored[] = byId !== undefined ? [{ doc: byId, score: 0, exact: true }] : [];
    const shown = (s: Scored) => s.score <= SEARCH_MAX && s.doc !== byId;
    // The first `limit` shown, taken without filtering the whole ranking first (slice's rules for any other limit).
    if (!Number.isInteger(limit) || limit < 0)
      return [...head, ...list.filter(shown)].slice(0, limit).map(hitOf(r));
    const out = head.slice(0, limit);
    for (let i = 0; i < list.length && out.length < limit; i++) if (shown(list[i]!)) out.push(list[i]!);
    return out.map(hitOf(r));
  }

  function resolve(query: string, options: SearchOptions = {}): Resolution {
    const limit = options.limit ?? DID_YOU_MEAN;
    const byId = index.idDoc(query, options.kinds);
    if (byId !== undefined) {
      const d = docs[byId]!;
      return {
        status: 'found',
        hit: { kind: d.kind, id: d.id, score: 0, label: d.label },
        exact: true,
        others: [],
      };
    }
    const r = rankQuery(query, options.kinds, false);
    const hit = hitOf(r);
    if (r.editionStats) {
      const [first, ...rest] = ordered(r);
      return { status: 'found', hit: hit(first!), exact: false, others: rest.slice(0, limit).map(hit) };
    }
    return resolveRanked({
      ranked: r.found,
      limit,
      timeFit: fitOf(r.q),
      hit,
      spelling: spellingOf(index, r.q),
      hasContent: !r.question.dropped || r.question.content !== '',
    });
  }

  function complete(query: string, options: SearchOptions = {}): Choice[] {
    const max = Math.min(options.limit ?? MAX_CHOICES, MAX_CHOICES);
    if (!query.trim()) return choices(index, featuredOrder(index, options.kinds), max);
    const r = rankQuery(query, options.kinds, true);
    const byName: Scored[] = [];
    for (let i = 0; i < r.found.length; i++) {
      const s = r.found[i]!;
      if (s.score <= SEARCH_MAX && !s.matched) byName.push(s);
    }
    const order = completionOrder(index, byName, r.q, index.idDoc(query, options.kinds));
    // Then the editions a word part-way typed could become (ni → ninth, 第十 → 第十一届, 202 → 2024), then text.
    const partial = partialEdition(query);
    const editions = partial
      ? partialEditionDocs(index, partial, (doc) => index.allowed(doc, options.kinds))
      : [];
    // "9th" typed into /stat: the statistics of the 9th.
    const statsFirst = r.editionStats ? statsOfEdition(r.editionStats.doc) : [];
    // Each doc once, where it first comes: the statistics, the names, the editions, then text matches.
    const all: number[] = [];
    const list = (doc: number) => {
      if (listed[doc] === 0) {
        listed[doc] = 1;
        all.push(doc);
      }
    };
    for (let i = 0; i < statsFirst.length; i++) list(statsFirst[i]!);
    for (let i = 0; i < order.length; i++) list(order[i]!);
    for (let i = 0; i < editions.length; i++) list(editions[i]!);
    for (let i = 0; i < r.found.length; i++) {
      const s = r.found[i]!;
      if (s.score <= SEARCH_MAX && s.matched) list(s.doc);
    }
    for (let i = 0; i < all.length; i++) listed[all[i]!] = 0;
    // A question being typed ("who spoke about mic…"): the records of the kind it asks for first.
    const { intent } = r.question;
    if (intent && r.question.asked) {
      // Only a figure tells records of one kind apart (prefers): the docs found through one.
      const figures = new Map<number, Found>();
      for (let i = 0; i < r.found.length; i++)
        if (r.found[i]!.figure) figures.set(r.found[i]!.doc, r.found[i]!);
      const wanted = (doc: number) => prefers(intent, kindOf(doc), figures.get(doc) ?? {});
      return choices(index, [...all.filter(wanted), ...all.filter((d) => !wanted(d))], max);
    }
    return choices(index, all, max);
  }

  // The per-doc arrays above, the ranker's and the text index's are reused by every query and put back after
  // each: a query that throws (a bug) must not leave marks that would skew every later answer of a long-running bot.
  const reset = () => {
    ranker.reset();
    text.reset();
    nameScore.fill(Number.NaN);
    listed.fill(0);
  };
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (error) {
        reset();
        throw error;
      }
    };
  return { search: guarded(search), resolve: guarded(resolve), complete: guarded(complete) };
}
