// Discord's size limits in one place, with helpers that make any string or embed list fit them.
import type { APIEmbed } from 'discord-api-types/v10';

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
} as const;

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
  const whole = items.join(separator);
  if (length(whole) <= max) return whole;
  for (let shown = items.length - 1; shown >= 1; shown--) {
    const text = items.slice(0, shown).join(separator) + separator + more(items.length - shown);
    if (length(text) <= max) return text;
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
export function fitEmbed(embed: APIEmbed): APIEmbed {
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
 * characters in all. Long texts are shortened first (longest first); then fields are dropped from the end.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed);
  let total = out.reduce((n, e) => n + embedLength(e), 0);
  while (total > LIMITS.embedsTotal) {
    const excess = total - LIMITS.embedsTotal;
    const longest = longestPart(out);
    if (longest && longest.size > MIN_PART) {
      longest.set(truncate(longest.get(), Math.max(MIN_PART, longest.size - excess)));
    } else if (!dropLastField(out)) {
      if (out.length <= 1) break; // unreachable: one embed of cut parts is far below 6000
      out.pop();
    }
    total = out.reduce((n, e) => n + embedLength(e), 0);
  }
  return out;
}

interface Part {
  size: number;
  get(): string;
  set(text: string): void;
}

/** The longest text of any embed (description, field value, footer, title), as a settable part. */
function longestPart(embeds: APIEmbed[]): Part | undefined {
  let best: Part | undefined;
  const consider = (text: string | undefined, set: (t: string) => void) => {
    const size = length(text ?? '');
    if (text && (!best || size > best.size)) best = { size, get: () => text, set };
  };
  for (const embed of embeds) {
    consider(embed.description, (t) => {
      embed.description = t;
    });
    for (const field of embed.fields ?? []) {
      consider(field.value, (t) => {
        field.value = t;
      });
    }
    consider(embed.footer?.text, (t) => {
      if (embed.footer) embed.footer = { ...embed.footer, text: t };
    });
    consider(embed.title, (t) => {
      embed.title = t;
    });
  }
  return best;
}

function dropLastField(embeds: APIEmbed[]): boolean {
  for (let i = embeds.length - 1; i >= 0; i--) {
    const fields = embeds[i]?.fields;
    if (fields && fields.length > 0) {
      fields.pop();
      return true;
    }
  }
  return false;
}

/** Message content within 2000 characters. */
export function fitContent(text: string): string {
  return truncate(text, LIMITS.content);
}

/** An autocomplete choice's name or value: 1–100 characters. */
export function fitChoice(text: string): string {
  return clip(text, LIMITS.autocomplete.max, '?');
}
