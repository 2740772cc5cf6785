// `shiting complete "/speaker query:liu"`: the autocomplete choices for the option being typed, as JSON.
import { commands } from '../../commands';
import { consoleContext, openForConsole } from './ask';
import { consoleUsage, parseCommandLine, parseConsoleFlags } from './command-line';
import { printHelp, usageError } from './flags';

const USAGE = consoleUsage('complete', ['locale', 'now', 'timezone', 'index'], {
  operands: '"/command option:partial"',
  notes: 'Prints, as JSON, the choices Discord would show for the option being typed (the last one written).',
});

export async function run(argv: string[]): Promise<number> {
  const parsed = parseConsoleFlags(argv, ['--locale', '--now', '--timezone', '--index']);
  if (!parsed.ok) return usageError(USAGE, parsed.message);
  if (parsed.help) return printHelp(USAGE);
  if (!parsed.flags.line || parsed.flags.line === '-')
    return usageError(USAGE, 'give one command line, such as "/speaker query:liu"');
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
