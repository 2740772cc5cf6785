// `shiting digest preview`: the digest a channel would get on a date, in its language, with its role ping and its
// forum-post or thread title, printed without Discord.

import { isCalendarDay } from '../calendar';
import { digestTitle, markedAsTest } from '../digest/payload';
import { digestBody } from '../digest/post';
import { localDateAt } from '../digest/schedule';
import { digestDate } from '../digest/select';
import { DEFAULT_TIMEZONE, digestFor } from '../digest/service';
import { digestText } from '../digest/text';
import { loadIndexFile } from '../knowledge/load';
import { LOCALES, type Locale } from '../locale';
import { messages } from '../render/i18n';
import { replyText } from '../render/text';
import { CONSOLE_FLAGS, readCommonFlag } from './command-line';
import { type FlagValues, parseFlags, printHelp, type Usage, usageError } from './flags';
import { prepareIndex } from './index-file';

const USAGE = {
  command: 'digest preview',
  flags: {
    date: {
      value: 'YYYY-MM-DD|MM-DD',
      about: 'the local date of the digest; MM-DD is in the current year (default: today)',
    },
    now: { value: 'ISO-TIME', about: 'the time taken as now, as for `shiting ask` (default: the clock)' },
    timezone: CONSOLE_FLAGS.timezone,
    language: {
      value: 'en-US|zh-CN|zh-TW',
      about: "the digest's language, as /digest set language: takes it (default: --locale, else en-US)",
    },
    role: {
      value: 'ROLE-ID',
      about: 'the role the post pings at its top, as /digest set role: (default none)',
    },
    test: { about: 'mark it as a test post, as /digest test does' },
    locale: CONSOLE_FLAGS.locale,
    json: CONSOLE_FLAGS.json,
    index: CONSOLE_FLAGS.index,
  },
} as const satisfies Usage;

interface Flags {
  /** YYYY-MM-DD, or MM-DD for the current year at `now` in `timeZone`. */
  date?: string;
  now: Date;
  timeZone: string;
  locale: Locale;
  roleId?: string;
  test: boolean;
  json: boolean;
  index?: string;
}

type Parsed = { ok: true; flags: Flags } | { ok: false; message: string };

/** The flags' values checked; parseFlags has already refused unknown flags and missing values. */
function check(values: FlagValues<typeof USAGE.flags>): Parsed {
  const flags: Flags = {
    timeZone: DEFAULT_TIMEZONE,
    locale: 'en-US',
    json: values.json === true,
    test: values.test === true,
    now: new Date(),
    index: values.index,
  };
  if (values.role !== undefined) {
    if (!/^\d{17,20}$/.test(values.role))
      return { ok: false, message: `--role takes a role id (17 to 20 digits), not "${values.role}"` };
    flags.roleId = values.role;
  }
  if (values.date !== undefined) {
    // MM-DD as /onthisday takes it; Feb 29 is checked once the year is known.
    if (!isCalendarDay(values.date) && !isCalendarDay(`2000-${values.date}`))
      return { ok: false, message: `--date takes a date like 2025-03-28 or 03-28, not "${values.date}"` };
    flags.date = values.date;
  }
  for (const name of ['now', 'timezone', 'locale'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    const common = readCommonFlag(`--${name}`, value);
    if (common && !common.ok) return common;
    if (common) Object.assign(flags, common.set);
  }
  if (values.language !== undefined) {
    if (!(LOCALES as readonly string[]).includes(values.language))
      return {
        ok: false,
        message: `--language takes ${LOCALES.join(', ')} (the languages a digest is written in), not "${values.language}"`,
      };
    flags.locale = values.language as Locale;
  }
  return { ok: true, flags };
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return printHelp(USAGE);
  if (sub !== 'preview')
    return usageError(USAGE, sub ? `unknown digest command "${sub}"` : 'give a digest command: preview');
  const read = parseFlags(USAGE, rest);
  if ('exit' in read) return read.exit;
  const parsed = check(read.values);
  if (!parsed.ok) return usageError(USAGE, parsed.message);
  const { flags } = parsed;
  const today = localDateAt(flags.now, flags.timeZone);
  const date = digestDate(flags.date, today);
  if (!isCalendarDay(date)) {
    process.stderr.write(`shiting digest: --date ${flags.date} is not a day in ${today.slice(0, 4)}\n`);
    return 2;
  }
  const file = prepareIndex(flags.index, 'digest');
  if (!file) return 1;
  let kb: ReturnType<typeof loadIndexFile>;
  try {
    kb = loadIndexFile(file);
  } catch (error) {
    process.stderr.write(`shiting digest: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const rendered = digestFor(kb, date, flags.locale);
  const message = flags.test ? markedAsTest(rendered, flags.locale) : rendered;
  // The message as a text or announcement channel gets it; a forum post and a thread are named by `title`.
  const body = digestBody(flags.roleId, message);
  const title = digestTitle(kb, date, flags.locale, flags.test);
  if (flags.json) process.stdout.write(`${JSON.stringify({ ...body, title })}\n`);
  else {
    const t = digestText(flags.locale);
    process.stdout.write(
      `${replyText({ payload: body }, messages(flags.locale))}\n${t.previewTitle(title)}\n`,
    );
  }
  return 0;
}
