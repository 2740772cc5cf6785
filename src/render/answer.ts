// The lines a lookup reply states before the card: the one field a question asked for ("**Theme:** …"), and
// for a record found through its text, the passage that matched with the matched words in bold. Data text is
// escaped so that it cannot inject Markdown or mentions.
import type { AnyRecord } from '../knowledge/knowledge-base';
import type { Edition, Statistic } from '../knowledge/schema';
import { BASE_LOCALE, partnerLocale } from '../locale/locales';
import type { Answer, Hit } from '../search/lookup-types';
import { recordTexts, type TextPick } from '../search/record-texts';
import { findPassage } from '../search/snippet';
import { echo } from './echo';
import {
  formatDate,
  formatQuantity,
  formatRange,
  formatStatistic,
  localText,
  measureOf,
  nameById,
  namesOf,
  type RenderContext,
} from './format';
import { relatedIds } from './records/related';

/** The passage shown: long enough for a clause around the matched words, short beside the card. */
const PASSAGE_MAX = 200;
/** The most statistics an answer lists by name (the card lists them all). */
const STATISTICS_LISTED = 12;

/** Data text as a reply may show it: escaped, its spaces kept at both ends (pieces sit between bold marks). */
function inert(text: string): string {
  const core = text.trim();
  if (!core) return text;
  const lead = text.slice(0, text.indexOf(core));
  const trail = text.slice(text.indexOf(core) + core.length);
  return lead + echo(core, Number.POSITIVE_INFINITY) + trail;
}

function editionAnswer(ctx: RenderContext, e: Edition, answer: Answer): string | undefined {
  const { t } = ctx;
  switch (answer.field) {
    case 'theme': {
      const theme = localText(ctx, e, 'theme');
      return theme ? t.search.answer(t.label.theme, inert(theme)) : undefined;
    }
    case 'city': {
      const city = localText(ctx, e, 'city');
      return city ? t.search.answer(t.label.city, inert(city)) : undefined;
    }
    case 'dates': {
      const shown = e.dates.find((c) => c.shown) ?? e.dates[0];
      return shown ? t.search.answer(t.label.dates, formatRange(ctx, shown.start, shown.end)) : undefined;
    }
    case 'figure': {
      const f = e.figures.find((x) => x.measure === answer.measure);
      if (!f) return undefined;
      const unit = (t.readsSeedLanguage && f.label) || t.measures[f.measure];
      return t.search.answer(t.label.figures, inert(formatQuantity(ctx, f.value, f.qualifier, unit)));
    }
    case 'statistics': {
      const names = namesOf(ctx, relatedIds(ctx, e.id, 'statistics'));
      if (names.length === 0) return undefined;
      const shown = names.slice(0, STATISTICS_LISTED).map(inert).join(t.list);
      return t.search.answer(
        t.label.statistics,
        names.length > STATISTICS_LISTED ? `${shown}${t.list}…` : shown,
      );
    }
    case 'value':
      return undefined;
  }
}

function statisticAnswer(ctx: RenderContext, s: Statistic): string {
  return ctx.t.search.answer(inert(measureOf(ctx, s)), inert(formatStatistic(ctx, s)));
}

/** The answer line for a hit, when its question asked for one field and the record has it. */
function answerLine(ctx: RenderContext, item: AnyRecord, answer: Answer): string | undefined {
  if (item.kind === 'editions') return editionAnswer(ctx, item.record, answer);
  if (item.kind === 'statistics' && answer.field === 'value') return statisticAnswer(ctx, item.record);
  if (item.kind === 'forums' && answer.field === 'dates' && item.record.date)
    return ctx.t.search.answer(ctx.t.label.date, formatDate(ctx, item.record.date));
  return undefined;
}

/** The passage of the record's text (in the reply's language, else English) with the matched words in bold. */
function passageLine(ctx: RenderContext, item: AnyRecord, matched: readonly string[]): string | undefined {
  const pickLocal: TextPick = (i, f) => [localText(ctx, i, f)];
  const namesOf = (id: string) => [nameById(ctx, id)];
  // Chinese words typed to an English reply matched the Chinese text: look there next, then in English.
  const locales = [partnerLocale(ctx.locale), BASE_LOCALE];
  const picks: TextPick[] = [
    pickLocal,
    ...locales.map(
      (locale): TextPick =>
        (i, f) => [localText({ locale }, i, f)],
    ),
  ];
  let passage: ReturnType<typeof findPassage>;
  for (const pick of picks) {
    const texts = recordTexts(item, pick, namesOf);
    passage = findPassage([...texts.titles, ...texts.prose], matched, PASSAGE_MAX);
    if (passage) break;
  }
  if (!passage) return undefined;
  let out = '';
  let at = 0;
  for (const [a, b] of passage.marks) {
    out += `${inert(passage.text.slice(at, a))}**${inert(passage.text.slice(a, b))}**`;
    at = b;
  }
  out += inert(passage.text.slice(at));
  return ctx.t.search.because(out);
}

/** What a reply states before the card of `hit`: the answer asked for, then why it came up. */
export function answerLines(ctx: RenderContext, item: AnyRecord, hit: Hit): string[] {
  const lines: string[] = [];
  const answer = hit.answer && answerLine(ctx, item, hit.answer);
  if (answer) lines.push(answer);
  const why = hit.matched && passageLine(ctx, item, hit.matched);
  if (why) lines.push(why);
  return lines;
}
