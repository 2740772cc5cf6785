// The custom_id of every button and select menu: a short versioned text that carries all a click needs (what to
// show, which page, in which language), so any process answers any click, after a restart too. No state is kept.
import { LIMITS } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import { LOCALES, type Locale } from '../locale/locales';

/** The version every custom_id starts with; a click on an older form is answered "out of date". */
export const CODEC_VERSION = 's1';

/** What a component does when clicked (a select's chosen value comes with the click, not in its custom_id). */
export type ComponentAction =
  /** Show page `page` (0-based) of a record's card. */
  | { action: 'card'; kind: Kind; id: string; page: number; locale: Locale }
  /** Post that page of the card publicly in the channel. */
  | { action: 'share'; kind: Kind; id: string; page: number; locale: Locale }
  /** A select menu of records: the chosen value is a record id. `slot` keeps two menus of one message apart. */
  | { action: 'open'; slot: number; locale: Locale }
  /** Page `page` of /search's list of matches for `query`. */
  | { action: 'matches'; query: string; page: number; locale: Locale }
  /** The disabled "page N of M" label between ◀ and ▶: never clicked, but needs a custom_id of its own. */
  | { action: 'label'; page: number };

export type Decoded = { ok: true; value: ComponentAction } | { ok: false; reason: 'version' | 'malformed' };

const KIND_CODES: Readonly<Record<Kind, string>> = {
  sources: 'd',
  series: 'n',
  editions: 'e',
  people: 'p',
  organizations: 'o',
  statistics: 's',
  forums: 'f',
  reports: 'r',
  works: 'w',
};
const KIND_OF_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as Kind]));

const ACTION_CODES = { card: 'c', share: 's', open: 'o', matches: 'm', label: 'i' } as const;

/** The custom_id of an action; undefined when it would be longer than Discord takes (a long /search query). */
export function encode(value: ComponentAction): string | undefined {
  const parts: (string | number)[] = [CODEC_VERSION, ACTION_CODES[value.action]];
  switch (value.action) {
    case 'card':
    case 'share':
      parts.push(KIND_CODES[value.kind], value.id, value.page, value.locale);
      break;
    case 'open':
      parts.push(value.slot, value.locale);
      break;
    case 'matches':
      // The query goes last: it may hold the separator itself.
      parts.push(value.page, value.locale, value.query);
      break;
    case 'label':
      parts.push(value.page);
      break;
  }
  const id = parts.join(':');
  return [...id].length <= LIMITS.components.customId ? id : undefined;
}

function page(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return undefined;
  return Number(text);
}

function locale(text: string | undefined): Locale | undefined {
  return LOCALES.find((l) => l === text);
}

/** Reads a custom_id back; anything not made by `encode` of this version is refused, never thrown on. */
export function decode(customId: string): Decoded {
  const [version, action, ...rest] = customId.split(':');
  if (version !== CODEC_VERSION) return { ok: false, reason: 'version' };
  const malformed = { ok: false, reason: 'malformed' } as const;
  switch (action) {
    case ACTION_CODES.card:
    case ACTION_CODES.share: {
      const [code, id, p, l, ...extra] = rest;
      const kind = code === undefined ? undefined : KIND_OF_CODE.get(code);
      const n = page(p);
      const loc = locale(l);
      if (!kind || !id || n === undefined || !loc || extra.length > 0) return malformed;
      const name = action === ACTION_CODES.card ? 'card' : 'share';
      return { ok: true, value: { action: name, kind, id, page: n, locale: loc } };
    }
    case ACTION_CODES.open: {
      const [s, l, ...extra] = rest;
      const slot = page(s);
      const loc = locale(l);
      if (slot === undefined || !loc || extra.length > 0) return malformed;
      return { ok: true, value: { action: 'open', slot, locale: loc } };
    }
    case ACTION_CODES.matches: {
      const [p, l, ...query] = rest;
      const n = page(p);
      const loc = locale(l);
      const text = query.join(':');
      if (n === undefined || !loc || !text.trim()) return malformed;
      return { ok: true, value: { action: 'matches', query: text, page: n, locale: loc } };
    }
    case ACTION_CODES.label: {
      const n = page(rest[0]);
      if (n === undefined || rest.length !== 1) return malformed;
      return { ok: true, value: { action: 'label', page: n } };
    }
    default:
      return malformed;
  }
}
