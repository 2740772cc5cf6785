// `shiting complete "/speaker query:liu"`: the autocomplete choices for the option being typed, as JSON.
import { commands } from '../../commands';
import { LOCALES } from '../locale';
import { consoleContext, openForConsole } from './ask';
import { parseCommandLine, parseConsoleFlags } from './command-line';

const USAGE = `usage: shiting complete [--locale ${LOCALES.join('|')}] [--now ISO-TIME] [--timezone ZONE] [--index FILE] "/command option:partial"\n`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseConsoleFlags(argv, ['--locale', '--now', '--timezone', '--index']);
  if (!parsed.ok || !parsed.flags.line || parsed.flags.line === '-') {
    process.stderr.write(`${parsed.ok ? '' : `shiting complete: ${parsed.message}\n`}${USAGE}`);
    return 2;
  }
  const { flags } = parsed;
  const line = parseCommandLine(flags.line ?? '', commands, { partial: true });
  if (!line.ok) {
    process.stderr.write(`shiting complete: ${line.message}\n`);
    return 2;
  }
  const { command, options, focused } = line.line;
  if (!focused || !command.autocomplete) {
    process.stderr.write(`shiting complete: /${command.definition.name} has no option with autocomplete\n`);
    return 2;
  }
  const knowledge = openForConsole(flags, 'complete');
  if (!knowledge) return 1;
  const choices = command.autocomplete(knowledge, focused, options, consoleContext(flags));
  process.stdout.write(`${JSON.stringify(choices, null, 2)}\n`);
  return 0;
}
