// Building blocks of an embed: titled cards, list fields, source footers. Nothing is cut: a value longer than a
// field takes holds goes on in the next field of the same name, and src/render/pages.ts spreads the fields of a
// card that does not fit one message over pages.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { clip, LIMITS, length, truncate } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import { type RenderContext, sourceLabel } from './format';
import { packItems, splitText } from './split';

/** Room a footer keeps for the "· Page N of M" that src/render/pages.ts adds. */
export const FOOTER_ROOM = 40;

/** A card's field: one, several (a long value goes on in fields of the same name), or none. */
export type FieldSpec = APIEmbedField | readonly APIEmbedField[] | undefined;

/** One colour per kind, so a card's kind shows at a glance. */
const COLOURS: Record<Kind, number> = {
  editions: 0xc0392b,
  series: 0x8e44ad,
  people: 0x2980b9,
  organizations: 0x16a085,
  statistics: 0xd68910,
  forums: 0x27ae60,
  reports: 0x7f8c8d,
  works: 0xa04000,
  sources: 0x566573,
};

export interface CardSpec {
  kind: Kind;
  title: string;
  /** The name in the other language, appended to the title. */
  subtitle?: string;
  description?: string;
  fields: FieldSpec[];
  sources: readonly string[];
}

/**
 * The whole card as one embed, which may hold more than one message can (more than 25 fields or 6,000
 * characters): `cardPages` (src/render/pages.ts) makes the pages Discord takes, and `fitEmbeds` fits it where a
 * reply is one message only.
 */
export function card(ctx: RenderContext, spec: CardSpec): APIEmbed {
  const title = spec.subtitle ? `${spec.title} · ${spec.subtitle}` : spec.title;
  const fields = spec.fields.flatMap((f): APIEmbedField[] =>
    f === undefined ? [] : Array.isArray(f) ? [...f] : [f as APIEmbedField],
  );
  const embed: APIEmbed = { title: truncate(title, LIMITS.embed.title), color: COLOURS[spec.kind], fields };
  if (spec.description) {
    // A description longer than Discord takes goes on in fields below it.
    const [first, ...more] = splitText(spec.description, LIMITS.embed.description);
    embed.description = first;
    const overflow = more.flatMap((piece) => splitText(piece, LIMITS.embed.fieldValue));
    fields.unshift(...overflow.map((value) => ({ name: '…', value, inline: false })));
  }
  const footer = sourcesFooter(ctx, spec.sources);
  // Sources too many for a footer (with room for "page N of M") are listed in fields instead, none left out.
  if (footer && length(footer) <= LIMITS.embed.footer - FOOTER_ROOM) embed.footer = { text: footer };
  else if (footer) {
    const listed = listField(
      ctx,
      ctx.t.label.sources,
      spec.sources.map((id) => sourceLabel(ctx, id)),
    );
    fields.push(...(listed === undefined ? [] : Array.isArray(listed) ? listed : [listed as APIEmbedField]));
  }
  return embed;
}

/** "Sources: Cover News, March 2024 · China Daily, April 1, 2024", within the footer limit. */
export function sourcesFooter(ctx: RenderContext, ids: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  const labels = ids.map((id) => sourceLabel(ctx, id));
  const prefix = ctx.t.sourcesFooter('');
  return prefix + labels.join(' · ');
}

/** Fields of one name holding `values`; a field that goes on from the one before is never inline. */
function fieldsNamed(name: string, values: readonly string[], inline: boolean): FieldSpec {
  const shown = clip(name, LIMITS.embed.fieldName);
  const fields = values.map((value, i) => ({
    name: shown,
    value,
    inline: inline && values.length === 1 && i === 0,
  }));
  return fields.length === 1 ? fields[0] : fields;
}

/** A field of one fact (in several when long); undefined (left out) when there is nothing to say. */
export function fact(name: string, value: string | undefined, inline = true): FieldSpec {
  if (!value?.trim()) return undefined;
  return fieldsNamed(name, splitText(value.trim(), LIMITS.embed.fieldValue), inline);
}

/** A field listing items, one per line (or joined); in several fields of the same name when they do not fit one. */
export function listField(
  _ctx: RenderContext,
  name: string,
  items: readonly string[],
  options: { inline?: boolean; separator?: string } = {},
): FieldSpec {
  const present = items.filter((item) => item.trim());
  if (present.length === 0) return undefined;
  const values = packItems(present, LIMITS.embed.fieldValue, options.separator ?? '\n');
  return fieldsNamed(name, values, options.inline ?? false);
}

/** A field name that also says which command looks its items up: "Speakers · /speaker". */
export function withCommand(name: string, command: string): string {
  return `${name} · /${command}`;
}

/** A bullet line. */
export function bullet(text: string): string {
  return `• ${text}`;
}
