// A reply payload as plain readable text, for the console: what Discord would show, without the styling.
import { type APIEmbed, type APIInteractionResponseCallbackData, ComponentType } from 'discord-api-types/v10';
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

/**
 * The buttons and menus, one per line, each with what `shiting click` takes to press it:
 * `[▶] s1:c:e:ciac-9:1:en-US`, and under a menu `  Liu Zhen (person): --value liu-zhen`.
 */
function componentsText(payload: APIInteractionResponseCallbackData): string | undefined {
  const lines: string[] = [];
  for (const row of payload.components ?? []) {
    for (const c of 'components' in row ? row.components : []) {
      if (c.type === ComponentType.Button && 'custom_id' in c) {
        lines.push(`[${c.label ?? ''}]${c.disabled ? '' : ` ${c.custom_id}`}`);
      } else if (c.type === ComponentType.StringSelect) {
        lines.push(`[${c.placeholder ?? ''}] ${c.custom_id}`);
        for (const o of c.options)
          lines.push(`  ${o.label}${o.description ? ` (${o.description})` : ''}: --value ${o.value}`);
      }
    }
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
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
  const components = componentsText(payload);
  if (components) blocks.push(components);
  return `${blocks.join('\n\n')}\n`;
}
