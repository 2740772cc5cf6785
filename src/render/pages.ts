// A card as the pages Discord takes: each page one embed within every limit (25 fields, 6,000 characters), the
// fields kept whole and in order, the title and sources on every page, "page N of M" in the footer.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { LIMITS, length } from '../discord-limits';
import { FOOTER_ROOM } from './card';
import type { RenderContext } from './format';

function fieldLength(field: APIEmbedField): number {
  return length(field.name) + length(field.value);
}

/** The card's fields in pages: as many whole fields on each as fit beside the title, description and footer. */
function groupFields(embed: APIEmbed): APIEmbedField[][] {
  const fixed = length(embed.title ?? '') + length(embed.footer?.text ?? '') + FOOTER_ROOM;
  const pages: APIEmbedField[][] = [[]];
  let used = fixed + length(embed.description ?? '');
  for (const field of embed.fields ?? []) {
    const page = pages.at(-1) as APIEmbedField[];
    if (
      page.length > 0 &&
      (page.length >= LIMITS.embed.fields || used + fieldLength(field) > LIMITS.embedsTotal)
    ) {
      pages.push([field]);
      used = fixed + fieldLength(field);
    } else {
      page.push(field);
      used += fieldLength(field);
    }
  }
  return pages;
}

/** Every page of a card (one when it fits); the description on the first page only. */
export function cardPages(ctx: RenderContext, embed: APIEmbed): APIEmbed[] {
  const groups = groupFields(embed);
  if (groups.length === 1) return [embed];
  return groups.map((fields, i) => {
    const mark = ctx.t.components.page(i + 1, groups.length);
    const page: APIEmbed = { ...embed, fields };
    if (i > 0) delete page.description;
    page.footer = { ...embed.footer, text: embed.footer?.text ? `${embed.footer.text} · ${mark}` : mark };
    return page;
  });
}
