// /onthisday [date:<MM-DD or YYYY-MM-DD>] — what happened on that month-day in any year.
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { isCalendarDay } from '../src/calendar';
import { DEFAULT_TIMEZONE } from '../src/digest/service';
import { clip, LIMITS } from '../src/discord-limits';
import { described } from '../src/locale/discord';
import { echo } from '../src/render/echo';
import { formatMonthDay, renderContext } from '../src/render/format';
import { entryLine, renderOnThisDay } from '../src/render/on-this-day';
import { embedReply, ephemeralReply } from '../src/render/reply';
import { defineCommand } from './define';
import { EVERYWHERE } from './options';
import type { Context } from './types';

const definition = {
  name: 'onthisday',
  ...described((t) => t.commands.onthisday),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'date',
      ...described((t) => t.commands.onthisday.date),
      required: false,
      autocomplete: true,
      max_length: 10,
    },
  ],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The years a date may name: 0000-06-03 or 9999-01-01 is a typo, not a day of the conferences' history. */
const YEARS = { min: 1900, max: 2100 } as const;

/** `03-28`, `3-28`, `2024-03-28` → `03-28`; or why not: not a real day (02-29 is, in some year), or a year out of range. */
function readMonthDay(text: string): { monthDay: string } | { problem: 'date' | 'year' } {
  const match = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(text.trim().replaceAll('/', '-'));
  if (!match) return { problem: 'date' };
  const year = match[1] ? Number(match[1]) : 2000; // a leap year, so 02-29 passes without one
  if (year < YEARS.min || year > YEARS.max) return { problem: 'year' };
  const month = Number(match[2]);
  const day = Number(match[3]);
  const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDay(`${year}-${monthDay}`) ? { monthDay } : { problem: 'date' };
}

/** `03-28`, `3-28`, `2024-03-28` → `03-28`; undefined when it is not a real day or its year is out of range. */
export function parseMonthDay(text: string): string | undefined {
  const read = readMonthDay(text);
  return 'monthDay' in read ? read.monthDay : undefined;
}

/** Today in the context's zone (the bot's default): 20:00 UTC on 03-27 is already 03-28 in Shanghai. */
function localToday(context: Context): DateTime {
  return DateTime.fromJSDate(context.now, { zone: context.timeZone ?? DEFAULT_TIMEZONE });
}

export const onthisday = defineCommand(definition, {
  handle(knowledge, options, context) {
    const ctx = renderContext(knowledge.kb, context.locale);
    const given = (options.date ?? '').trim();
    const read = given ? readMonthDay(given) : { monthDay: localToday(context).toFormat('MM-dd') };
    if ('problem' in read) {
      return ephemeralReply(
        read.problem === 'year'
          ? ctx.t.errors.badYear(echo(given), YEARS.min, YEARS.max)
          : ctx.t.errors.badDate(echo(given)),
      );
    }
    return embedReply([renderOnThisDay(ctx, read.monthDay, context.now)]);
  },
  autocomplete(knowledge, focused, _options, context) {
    if (focused.name !== 'date') return [];
    const ctx = renderContext(knowledge.kb, context.locale);
    const typed = focused.value.trim();
    // "0602" finds 06-02; with no digits typed ("xyz") only the text itself can match.
    const digits = typed.replace(/\D/g, '');
    const local = localToday(context);
    const today = local.toFormat('MM-dd');
    // Days with something on them, starting from today and wrapping around the year.
    const days = [...knowledge.kb.calendarDays];
    const ordered = [...days.filter((d) => d >= today), ...days.filter((d) => d < today)];
    const nowYear = local.year;
    return ordered
      .filter((d) => !typed || d.includes(typed) || (digits !== '' && d.replace('-', '').includes(digits)))
      .slice(0, LIMITS.autocomplete.choices)
      .map((d) => {
        const first = knowledge.kb.onMonthDay(d)[0];
        const what = first ? entryLine(ctx, first, nowYear).replaceAll('**', '') : '';
        return { name: clip(`${formatMonthDay(ctx, d)} — ${what}`, LIMITS.autocomplete.max), value: d };
      });
  },
});
