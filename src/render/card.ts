// Building blocks of an embed: titled cards, list fields that end in "and N more", source footers.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { clip, LIMITS, listWithin, truncate } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import { type RenderContext, sourceLabel } from './format';

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
  fields: (APIEmbedField | undefined)[];
  sources: readonly string[];
}

export function card(ctx: RenderContext, spec: CardSpec): APIEmbed {
  const title = spec.subtitle ? `${spec.title} · ${spec.subtitle}` : spec.title;
  const embed: APIEmbed = {
    title: truncate(title, LIMITS.embed.title),
    color: COLOURS[spec.kind],
    fields: spec.fields.filter((f): f is APIEmbedField => f !== undefined).slice(0, LIMITS.embed.fields),
  };
  if (spec.description) embed.description = truncate(spec.description, LIMITS.embed.description);
  const footer = sourcesFooter(ctx, spec.sources);
  if (footer) embed.footer = { text: footer };
  return embed;
}

/** "Sources: Cover News, March 2024 · China Daily, April 1, 2024", within the footer limit. */
export function sourcesFooter(ctx: RenderContext, ids: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  const labels = ids.map((id) => sourceLabel(ctx, id));
  const prefix = ctx.t.sourcesFooter('');
  return prefix + listWithin(labels, LIMITS.embed.footer - prefix.length, ctx.t.andMore, ' · ');
}

/** A field of one short fact; undefined (left out) when there is nothing to say. */
export function fact(name: string, value: string | undefined, inline = true): APIEmbedField | undefined {
  if (!value?.trim()) return undefined;
  return { name: clip(name, LIMITS.embed.fieldName), value: clip(value, LIMITS.embed.fieldValue), inline };
}

/** A field listing items, one per line (or joined), ending in "and N more" when they do not all fit. */
export function listField(
  ctx: RenderContext,
  name: string,
  items: readonly string[],
  options: { inline?: boolean; separator?: string } = {},
): APIEmbedField | undefined {
  const present = items.filter((item) => item.trim());
  if (present.length === 0) return undefined;
  const value = listWithin(present, LIMITS.embed.fieldValue, ctx.t.andMore, options.separator ?? '\n');
  return { name: clip(name, LIMITS.embed.fieldName), value, inline: options.inline ?? false };
}

/** A field name that also says which command looks its items up: "Speakers · /speaker". */
export function withCommand(name: string, command: string): string {
  return `${name} · /${command}`;
}

/** A bullet line. */
export function bullet(text: string): string {
  return `• ${text}`;
}
