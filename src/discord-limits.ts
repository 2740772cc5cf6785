// Discord's size limits in one place, with helpers that make any string or embed list fit them.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';

export const LIMITS = {
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    authorName: 256,
  },
  /** Characters across every embed of one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  autocomplete: { choices: 25, min: 1, max: 100 },
  command: { name: 32, description: 100, optionName: 32, optionDescription: 100 },
  /** Message components (classic action rows): buttons and string select menus. */
  components: {
    rows: 5,
    buttonsPerRow: 5,
    selectOptions: 25,
    buttonLabel: 80,
    optionLabel: 100,
    optionValue: 100,
    optionDescription: 100,
    placeholder: 150,
    customId: 100,
  },
} as const;

/**
 * How much of a value a user typed is quoted back in a reply ("“…” is not a date"): ours, not Discord's. Long
 * enough to recognise what was typed, short enough that the explanation after it always fits the message.
 */
export const ECHO_MAX = 100;

const ELLIPSIS = '…';

/** Length in code points, so a Chinese character or an emoji counts once. */
export function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cut `text` to at most `max` code points, ending in an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (length(text) <= max) return text;
  if (max === 1) return ELLIPSIS;
  const kept = Array.from(text)
    .slice(0, max - 1)
    .join('')
    .trimEnd();
  return kept + ELLIPSIS;
}

/** Like `truncate`, but never returns an empty string (Discord rejects empty names and values). */
export function clip(text: string, max: number, fallback = '—'): string {
  const trimmed = text.trim();
  return trimmed ? truncate(trimmed, max) : fallback;
}

/**
 * Join as many items as fit in `max` code points, then "and N more" (the phrase comes from the caller's locale).
 * Items are never cut in the middle, except a single item that alone is too long.
 */
export function listWithin(
  items: readonly string[],
  max: number,
  more: (n: number) => string,
  separator = '\n',
): string {
  if (items.length === 0) return '';
  const sep = length(separator);
  // used[k]: the length of the first k items joined.
  const used = [0];
  for (const [i, item] of items.entries()) used.push((used[i] ?? 0) + (i > 0 ? sep : 0) + length(item));
  if ((used[items.length] ?? 0) <= max) return items.join(separator);
  for (let shown = items.length - 1; shown >= 1; shown--) {
    if ((used[shown] ?? 0) + sep + length(more(items.length - shown)) <= max) {
      return items.slice(0, shown).join(separator) + separator + more(items.length - shown);
    }
  }
  const tail = separator + more(items.length - 1);
  return truncate(items[0] ?? '', max - length(tail)) + tail;
}

/** The characters Discord counts towards the 6000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  let n = length(embed.title ?? '') + length(embed.description ?? '');
  n += length(embed.footer?.text ?? '') + length(embed.author?.name ?? '');
  for (const field of embed.fields ?? []) n += length(field.name) + length(field.value);
  return n;
}

/** Every part of one embed within its own limit; empty fields dropped, at most 25 fields. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const e = LIMITS.embed;
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, e.title);
  if (out.description !== undefined) out.description = truncate(out.description, e.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, e.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, e.authorName) };
  if (out.fields) {
    out.fields = out.fields
      .filter((f) => f.name.trim() && f.value.trim())
      .slice(0, e.fields)
      .map((f) => ({ ...f, name: truncate(f.name, e.fieldName), value: truncate(f.value, e.fieldValue) }));
  }
  return out;
}

/** Shortest a text part is cut to before whole fields are dropped instead. */
const MIN_PART = 64;

/**
 * Make a message's embeds fit: each part within its limit, at most 10 embeds, and at most 6000
 * characters in all. First whole fields are dropped from the end while even shortened texts could not fit;
 * then every long text (description, field value, footer, title) is cut to one common cap, the largest that fits.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed);
  if (out.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.embedsTotal) return out;
  const floor = (text: string | undefined) => Math.min(length(text ?? ''), MIN_PART);
  const fieldFloor = (f: APIEmbedField) => length(f.name) + floor(f.value);
  let least = 0;
  for (const e of out) {
    least += floor(e.title) + floor(e.description) + floor(e.footer?.text) + length(e.author?.name ?? '');
    for (const f of e.fields ?? []) least += fieldFloor(f);
  }
  while (least > LIMITS.embedsTotal) {
    const withFields = out.findLast((e) => (e.fields?.length ?? 0) > 0);
    const field = withFields?.fields?.pop();
    if (field) least -= fieldFloor(field);
    else if (out.length > 1) {
      const e = out.pop() as APIEmbed;
      least -= floor(e.title) + floor(e.description) + floor(e.footer?.text) + length(e.author?.name ?? '');
    } else break; // unreachable: one embed of shortened parts is far below 6000
  }
  const parts = partsOf(out);
  const fixed =
    out.reduce((n, e) => n + length(e.author?.name ?? ''), 0) +
    out.reduce((n, e) => n + (e.fields ?? []).reduce((m, f) => m + length(f.name), 0), 0);
  const totalWith = (cap: number) => parts.reduce((n, p) => n + Math.min(p.size, cap), fixed);
  let low = MIN_PART;
  let high = Math.max(MIN_PART, ...parts.map((p) => p.size));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (totalWith(mid) <= LIMITS.embedsTotal) low = mid;
    else high = mid - 1;
  }
  for (const part of parts) if (part.size > low) part.set(truncate(part.text, low));
  return out;
}

interface Part {
  size: number;
  text: string;
  set(text: string): void;
}

/** Every text of the embeds that may be shortened (description, field values, footer, title). */
function partsOf(embeds: APIEmbed[]): Part[] {
  const parts: Part[] = [];
  const add = (text: string | undefined, set: (t: string) => void) => {
    if (text) parts.push({ size: length(text), text, set });
  };
  for (const embed of embeds) {
    add(embed.description, (t) => {
      embed.description = t;
    });
    for (const field of embed.fields ?? []) {
      add(field.value, (t) => {
        field.value = t;
      });
    }
    add(embed.footer?.text, (t) => {
      if (embed.footer) embed.footer = { ...embed.footer, text: t };
    });
    add(embed.title, (t) => {
      embed.title = t;
    });
  }
  return parts;
}

/** Message content within 2000 characters. */
export function fitContent(text: string): string {
  return truncate(text, LIMITS.content);
}

/** An autocomplete choice's name or value: 1–100 characters. */
export function fitChoice(text: string): string {
  return clip(text, LIMITS.autocomplete.max, '?');
}
