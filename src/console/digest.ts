// `shiting digest preview`: the digest a channel would get on a date, printed without Discord.

import { isCalendarDay } from '../calendar';
import { localDateAt } from '../digest/schedule';
import { digestDate } from '../digest/select';
import { DEFAULT_TIMEZONE, digestFor } from '../digest/service';
import { loadIndexFile, resolveIndexPath } from '../knowledge/load';
import { LOCALES, type Locale } from '../locale';
import { messages } from '../render/i18n';
import { replyText } from '../render/text';
import { readCommonFlag } from './command-line';

const USAGE = `usage: shiting digest preview [--date YYYY-MM-DD|MM-DD] [--now ISO-TIME] [--timezone ZONE] [--locale ${LOCALES.join('|')}] [--json] [--index FILE]
  --date      the local date of the digest; MM-DD is in the current year (default: today in --timezone)
  --now       the time taken as now, as for \`shiting ask\` (default: the clock)
  --timezone  IANA zone that decides "today" (default ${DEFAULT_TIMEZONE})
  --json      print the exact message payload Discord would receive
`;

interface Flags {
  /** YYYY-MM-DD, or MM-DD for the current year at `now` in `timeZone`. */
  date?: string;
  now: Date;
  timeZone: string;
  locale: Locale;
  json: boolean;
  index?: string;
}

type Parsed = { ok: true; flags: Flags } | { ok: false; message: string };

function parse(argv: readonly string[]): Parsed {
  const [sub, ...rest] = argv;
  if (sub !== 'preview') return { ok: false, message: sub ? `unknown digest command "${sub}"` : '' };
  const flags: Flags = { timeZone: DEFAULT_TIMEZONE, locale: 'en-US', json: false, now: new Date() };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s) as [string, string | undefined];
    if (flag === '--json') {
      flags.json = true;
      continue;
    }
    if (!['--date', '--now', '--timezone', '--locale', '--index'].includes(flag))
      return { ok: false, message: `unknown option "${flag}"` };
    const value = inline ?? rest[++i];
    if (value === undefined) return { ok: false, message: `${flag} needs a value` };
    if (flag === '--date') {
      // MM-DD as /onthisday takes it; Feb 29 is checked once the year is known.
      if (!isCalendarDay(value) && !isCalendarDay(`2000-${value}`))
        return { ok: false, message: `--date takes a date like 2025-03-28 or 03-28, not "${value}"` };
      flags.date = value;
    } else if (flag === '--index') flags.index = value;
    else {
      const common = readCommonFlag(flag, value);
      if (common && !common.ok) return common;
      if (common) Object.assign(flags, common.set);
    }
  }
  return { ok: true, flags };
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parse(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message ? `shiting digest: ${parsed.message}\n` : ''}${USAGE}`);
    return 2;
  }
  const { flags } = parsed;
  const today = localDateAt(flags.now, flags.timeZone);
  const date = digestDate(flags.date, today);
  if (!isCalendarDay(date)) {
    process.stderr.write(`shiting digest: --date ${flags.date} is not a day in ${today.slice(0, 4)}\n`);
    return 2;
  }
  let kb: ReturnType<typeof loadIndexFile>;
  try {
    kb = loadIndexFile(resolveIndexPath(flags.index));
  } catch (error) {
    process.stderr.write(`shiting digest: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const message = digestFor(kb, date, flags.locale);
  if (flags.json) process.stdout.write(`${JSON.stringify(message)}\n`);
  else process.stdout.write(replyText({ payload: message }, messages(flags.locale)));
  return 0;
}
