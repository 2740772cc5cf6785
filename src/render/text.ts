// A reply payload as plain readable text, for the console: what Discord would show, without the styling.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Messages } from './i18n';
import { isEphemeral, type Reply } from './reply';

function embedText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.title) lines.push(`# ${embed.title}`);
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) {
    lines.push('', `## ${field.name}`, field.value);
  }
  if (embed.footer?.text) lines.push('', `— ${embed.footer.text}`);
  return lines.join('\n');
}

export function replyText(reply: Reply, t: Messages): string {
  const { payload } = reply;
  const blocks: string[] = [];
  if (isEphemeral(payload)) {
    blocks.push(t.consoleEphemeral);
  }
  if (payload.content) blocks.push(payload.content);
  for (const embed of payload.embeds ?? []) blocks.push(embedText(embed));
  for (const file of reply.files ?? [])
    blocks.push(`[${file.name}${file.description ? `: ${file.description}` : ''}]`);
  return `${blocks.join('\n\n')}\n`;
}
