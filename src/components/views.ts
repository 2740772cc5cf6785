// What a message of Shiting shows, as a function of what a custom_id carries: a page of a record's card with its
// buttons and menus, or a page of /search's matches. Commands make the first answer with these; clicks re-make
// them from the custom_id alone.
import { type APIEmbed, ButtonStyle, MessageFlags } from 'discord-api-types/v10';
import { LIMITS } from '../discord-limits';
import type { Knowledge } from '../knowledge/open';
import type { Kind } from '../knowledge/schema';
import { bullet } from '../render/card';
import { echo } from '../render/echo';
import type { RenderContext } from '../render/format';
import { cardPages } from '../render/pages';
import { renderRecord } from '../render/records';
import { hitLine, NO_MENTIONS, type Reply } from '../render/reply';
import { button, buttonRows, chunks, kindsOf, pagerButtons, type Row, recordSelect } from './build';

/** The order related records are offered in. */
const RELATED_ORDER: readonly Kind[] = [
  'series',
  'editions',
  'people',
  'forums',
  'reports',
  'statistics',
  'works',
  'organizations',
];

/** Matches on one page of /search's list. */
const MATCHES_PER_PAGE = 10;

/** How many matches /search's list holds at most. */
const MATCHES_MAX = 250;

/** The select menu slots of a card: the "also matching" menu, then the related-record menus. */
const ALSO_SLOT = 0;
const RELATED_SLOT = 1;

export interface CardView {
  id: string;
  /** 0-based; a page past the last shows the last. */
  page?: number;
  /** Other matches of the query, offered in a menu of their own. */
  others?: readonly string[];
  /** Shown only to the one who asked: the card gets a Share button. */
  ephemeral?: boolean;
  /** The /search query, for an "All matches" button. */
  query?: string;
  /** Text above the card. */
  content?: string;
}

/** Every record the compiler linked to this one, sources aside (the footer names those), in a stable order. */
function relatedOf(ctx: RenderContext, id: string): string[] {
  const related = ctx.kb.related(id);
  return RELATED_ORDER.flatMap((kind) => related[kind] ?? []).filter((other) => other !== id);
}

/** Cards recently paged through, per index: each ◀ ▶ click would otherwise render the whole card again. */
const PAGES_KEPT = 64;
const pagesCache = new WeakMap<RenderContext['kb'], Map<string, APIEmbed[]>>();

/** The pages of a record's card; undefined for an id the index does not have. */
function recordPages(ctx: RenderContext, id: string): APIEmbed[] | undefined {
  let kept = pagesCache.get(ctx.kb);
  if (!kept) {
    kept = new Map();
    pagesCache.set(ctx.kb, kept);
  }
  const key = `${ctx.locale}:${id}`;
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const item = ctx.kb.find(id);
  if (!item) return undefined;
  const pages = cardPages(ctx, renderRecord(ctx, item));
  kept.set(key, pages);
  if (kept.size > PAGES_KEPT) kept.delete(kept.keys().next().value as string);
  return pages;
}

function flagsOf(ephemeral: boolean | undefined): { flags?: number } {
  return ephemeral ? { flags: MessageFlags.Ephemeral } : {};
}

/** A page of a record's card with its pager, Share button and menus; undefined for an unknown id. */
export function cardReply(
  ctx: RenderContext,
  view: CardView,
  pages = recordPages(ctx, view.id),
): Reply | undefined {
  const item = ctx.kb.find(view.id);
  if (!item || !pages) return undefined;
  const kind = item.kind;
  const others = (view.others ?? []).filter((o) => o !== view.id);
  const related = chunks(relatedOf(ctx, view.id));
  // Rows: buttons (pager, Share, All matches), the "also matching" menu, then as many related menus as fit.
  let rows = LIMITS.components.rows - (others.length > 0 ? 1 : 0);
  const hasButtons = pages.length > 1 || view.ephemeral || view.query !== undefined;
  if (hasButtons || related.length > rows) rows -= 1;
  // Related menus beyond the rows left go on with the pages (a page past the card's last shows its last page).
  const total = Math.max(pages.length, Math.ceil(related.length / Math.max(rows, 1)), 1);
  const page = Math.min(Math.max(view.page ?? 0, 0), total - 1);
  // A copy: the pages may be kept for the next click, and a payload is the caller's to change.
  const embed = structuredClone(pages[Math.min(page, pages.length - 1)] as APIEmbed);
  const to = (p: number) => ({ action: 'card', kind, id: view.id, page: p, locale: ctx.locale }) as const;
  const buttons = [
    ...pagerButtons(ctx, page, total, to),
    view.ephemeral
      ? button(ctx.t.components.share, { ...to(page), action: 'share' }, { style: ButtonStyle.Primary })
      : undefined,
    view.query === undefined
      ? undefined
      : button(ctx.t.components.allMatches, {
          action: 'matches',
          query: view.query,
          page: 0,
          locale: ctx.locale,
        }),
  ];
  const shown = related.length > rows ? related.slice(page * rows, page * rows + rows) : related;
  const menus = [
    others.length > 0
      ? recordSelect(ctx, ALSO_SLOT, ctx.t.components.alsoMatching, others.slice(0, 25))
      : undefined,
    ...shown.map((ids, i) =>
      recordSelect(ctx, RELATED_SLOT + i, ctx.t.components.related(kindsOf(ctx, ids)), ids),
    ),
  ].filter((r): r is Row => r !== undefined);
  const components = [...buttonRows(buttons), ...menus];
  const payload: Reply['payload'] = {
    embeds: [embed],
    components,
    allowed_mentions: NO_MENTIONS,
    ...flagsOf(view.ephemeral),
  };
  if (view.content) payload.content = view.content;
  return { payload };
}

/** Page `page` of every match of `query`, ten to a page, with a menu opening one; undefined when none match. */
export function matchesReply(
  knowledge: Knowledge,
  ctx: RenderContext,
  query: string,
  page: number,
  ephemeral: boolean,
): Reply | undefined {
  const hits = knowledge.lookup.search(query, { limit: MATCHES_MAX });
  if (hits.length === 0) return undefined;
  const pages = chunks(hits, MATCHES_PER_PAGE);
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  const list = pages[at] ?? [];
  const embed: APIEmbed = {
    title: ctx.t.components.matchesTitle(echo(query)),
    description: list.map((hit) => bullet(hitLine(ctx, hit))).join('\n'),
    footer: { text: ctx.t.components.page(at + 1, pages.length) },
  };
  const to = (p: number) => ({ action: 'matches', query, page: p, locale: ctx.locale }) as const;
  const menu = recordSelect(
    ctx,
    ALSO_SLOT,
    ctx.t.components.matchesPick,
    list.map((h) => h.id),
  );
  const components = [...buttonRows(pagerButtons(ctx, at, pages.length, to)), ...(menu ? [menu] : [])];
  return { payload: { embeds: [embed], components, allowed_mentions: NO_MENTIONS, ...flagsOf(ephemeral) } };
}
