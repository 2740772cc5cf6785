// `shiting ask "/command option:value"`: answers a slash command without Discord, as text or as the exact payload.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { commands } from '../../commands';
import type { Context, Knowledge, Reply } from '../../commands/types';
import { openKnowledge } from '../knowledge/open';
import { messages } from '../render/i18n';
import { ephemeralReply } from '../render/reply';
import { replyText } from '../render/text';
import { type ConsoleFlags, consoleUsage, parseCommandLine, parseConsoleFlags } from './command-line';
import { printHelp, usageError } from './flags';
import { prepareIndex } from './index-file';

const USAGE = consoleUsage('ask', ['json', 'locale', 'now', 'timezone', 'index', 'out'], {
  operands: '"/command option:value"',
  notes: `With - in place of the command line, reads one command line per line of standard input and prints one
JSON payload per line (every flag but --out applies).
The index is compiled from seeds/ first when it is missing or older than them, as \`shiting start\` does.`,
});

/** What the console knows of the person asking. */
export function consoleContext(flags: ConsoleFlags): Context {
  return {
    locale: flags.locale,
    now: flags.now,
    timeZone: flags.timeZone,
    user: { id: '0', name: 'console' },
  };
}

/** Open the index (compiled first when missing or stale), or say why not; the messages name what to run. */
export function openForConsole(flags: ConsoleFlags, name: string): Knowledge | undefined {
  const file = prepareIndex(flags.index, name);
  if (!file) return undefined;
  try {
    return openKnowledge(file);
  } catch (error) {
    process.stderr.write(`shiting ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

type Answer = { ok: true; reply: Reply } | { ok: false; message: string };

/** One command line through its handler, as the Discord runtime would run it (errors become a reply). */
export async function answer(knowledge: Knowledge, text: string, flags: ConsoleFlags): Promise<Answer> {
  const parsed = parseCommandLine(text, commands);
  if (!parsed.ok) return parsed;
  const { command, options } = parsed.line;
  try {
    return { ok: true, reply: await command.handle(knowledge, options, consoleContext(flags)) };
  } catch (error) {
    process.stderr.write(`shiting ask: ${command.definition.name} failed: ${String(error)}\n`);
    return { ok: true, reply: ephemeralReply(messages(flags.locale).errors.failed) };
  }
}

/** Node's reason without the path it repeats: "ENOENT: no such file or directory, open '/x/c.png'" → before the comma. */
function describeWriteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (error as NodeJS.ErrnoException).code ? (message.split(', ')[0] ?? message) : message;
}

async function askEachLine(knowledge: Knowledge, flags: ConsoleFlags): Promise<number> {
  let code = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const result = await answer(knowledge, line, flags);
    if (result.ok) process.stdout.write(`${JSON.stringify(result.reply.payload)}\n`);
    else {
      code = 2;
      process.stdout.write(`${JSON.stringify({ error: result.message })}\n`);
    }
  }
  return code;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseConsoleFlags(argv, ['--json', '--locale', '--now', '--timezone', '--index', '--out']);
  if (!parsed.ok) return usageError(USAGE, parsed.message);
  if (parsed.help) return printHelp(USAGE);
  if (!parsed.flags.line) return usageError(USAGE, 'give a command line, such as "/about"');
  const { flags } = parsed;
  const line = flags.line ?? '';
  // Check the line before loading the index, so a typo is reported even without one.
  if (line === '-' && flags.out) {
    process.stderr.write(
      'shiting ask: --out writes the file of one reply; it cannot be combined with - (one reply per input line)\n',
    );
    return 2;
  }
  if (line !== '-') {
    const check = parseCommandLine(line, commands);
    if (!check.ok) {
      process.stderr.write(`shiting ask: ${check.message}\n`);
      return 2;
    }
  }
  const knowledge = openForConsole(flags, 'ask');
  if (!knowledge) return 1;
  if (line === '-') return askEachLine(knowledge, flags);

  const result = await answer(knowledge, line, flags);
  if (!result.ok) {
    process.stderr.write(`shiting ask: ${result.message}\n`);
    return 2;
  }
  const { reply } = result;
  process.stdout.write(
    flags.json ? `${JSON.stringify(reply.payload, null, 2)}\n` : replyText(reply, messages(flags.locale)),
  );
  if (flags.out) {
    const file = reply.files?.[0];
    if (!file) {
      process.stderr.write('shiting ask: this reply has no file to write to --out\n');
      return 1;
    }
    try {
      writeFileSync(flags.out, file.data);
    } catch (error) {
      // A missing directory or no permission is the user's to fix: say which file and why, no stack trace.
      process.stderr.write(`shiting ask: cannot write ${flags.out}: ${describeWriteError(error)}\n`);
      return 1;
    }
    process.stderr.write(`shiting ask: wrote ${file.name} to ${flags.out}\n`);
  }
  return 0;
}
