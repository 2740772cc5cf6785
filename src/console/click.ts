// `shiting click '<custom_id>' [--value V] [--locale L] [--json]`: answers a button or a select menu of a reply
// without Discord, as the bot would answer the one who ran the command (it updates their message). The custom_ids
// are in the `components` of `shiting ask --json`.
import { InteractionResponseType } from 'discord-api-types/v10';
import { answerClick } from '../components/answer';
import { messages } from '../render/i18n';
import { replyText } from '../render/text';
import { openForConsole } from './ask';
import { CONSOLE_FLAGS, type ConsoleFlags, readCommonFlag } from './command-line';
import { parseFlags, type Usage, usageError } from './flags';

const USAGE = {
  command: 'click',
  flags: {
    value: {
      value: 'VALUE',
      about: 'the option chosen in a select menu: its `value` in the --json of `shiting ask`',
    },
    json: {
      about: 'print the exact interaction response Discord would receive (type 7 update or 4 message)',
    },
    locale: CONSOLE_FLAGS.locale,
    index: CONSOLE_FLAGS.index,
  },
  operands: "'<custom_id>'",
  notes: `The custom_id comes from the \`components\` of a reply of \`shiting ask --json\` (or of \`shiting click --json\`).
The click is answered as for the user who ran the command: it replaces (updates) that reply.`,
} as const satisfies Usage;

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv, 1);
  if ('exit' in read) return read.exit;
  const [customId] = read.operands;
  if (!customId) return usageError(USAGE, "give a component's custom_id, such as 's1:c:e:ciac-9:1:en-US'");
  const { values } = read;
  let locale: ConsoleFlags['locale'] = 'en-US';
  if (values.locale !== undefined) {
    const checked = readCommonFlag('--locale', values.locale);
    if (!checked?.ok) return usageError(USAGE, checked?.message ?? 'bad --locale');
    locale = checked.set.locale ?? locale;
  }
  const knowledge = openForConsole(
    { json: false, locale, now: new Date(0), timeZone: 'UTC', index: values.index },
    'click',
  );
  if (!knowledge) return 1;
  const answer = answerClick(knowledge, {
    customId,
    values: values.value === undefined ? undefined : [values.value],
    locale,
    userId: '0',
    ownerId: '0',
    ephemeral: false,
  });
  if (values.json) {
    const type =
      answer.type === 'update'
        ? InteractionResponseType.UpdateMessage
        : InteractionResponseType.ChannelMessageWithSource;
    process.stdout.write(`${JSON.stringify({ type, data: answer.reply.payload }, null, 2)}\n`);
  } else process.stdout.write(replyText(answer.reply, messages(locale)));
  return 0;
}
