// The JSON of buttons and select menus, within Discord's limits: labels and options clipped to what Discord
// takes, at most 25 options to a menu, 5 buttons to a row. Record names come from the renderers.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { clip, LIMITS } from '../discord-limits';
import type { Kind } from '../knowledge/schema';
import { kindName, listName, type RenderContext } from '../render/format';
import { type ComponentAction, encode } from './codec';

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const { components: C } = LIMITS;

/** A button that does `action`; undefined when its custom_id would not fit (a very long /search query). */
export function button(
  label: string,
  action: ComponentAction,
  options: { disabled?: boolean; style?: ButtonStyle.Primary | ButtonStyle.Secondary } = {},
): APIButtonComponentWithCustomId | undefined {
  const customId = encode(action);
  if (!customId) return undefined;
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    label: clip(label, C.buttonLabel),
    custom_id: customId,
    ...(options.disabled ? { disabled: true } : {}),
  };
}

/** Rows of buttons, five to a row; the ones left undefined are left out. */
export function buttonRows(buttons: readonly (APIButtonComponent | undefined)[]): Row[] {
  const present = buttons.filter((b): b is APIButtonComponent => b !== undefined);
  const rows: Row[] = [];
  for (let i = 0; i < present.length; i += C.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: present.slice(i, i + C.buttonsPerRow) });
  return rows;
}

/** ◀ "page N of M" ▶ for page `page` (0-based) of `pages`, each going where `to(page)` says. */
export function pagerButtons(
  ctx: RenderContext,
  page: number,
  pages: number,
  to: (page: number) => ComponentAction,
): (APIButtonComponent | undefined)[] {
  if (pages <= 1) return [];
  const { t } = ctx;
  return [
    button(t.components.previous, to(Math.max(0, page - 1)), { disabled: page === 0 }),
    button(t.components.page(page + 1, pages), { action: 'label', page }, { disabled: true }),
    button(t.components.next, to(Math.min(pages - 1, page + 1)), { disabled: page >= pages - 1 }),
  ];
}

/** One option naming a record, its kind below it. */
function recordOption(ctx: RenderContext, id: string): APISelectMenuOption | undefined {
  const item = ctx.kb.find(id);
  if (!item || id.length > C.optionValue) return undefined;
  return {
    label: clip(listName(ctx, item), C.optionLabel),
    value: id,
    description: clip(kindName(ctx, item.kind), C.optionDescription),
  };
}

/** A select menu opening one of the records `ids` (at most 25 are given, in order; unknown ids left out). */
export function recordSelect(
  ctx: RenderContext,
  slot: number,
  placeholder: string,
  ids: readonly string[],
): Row | undefined {
  const options = [...new Set(ids)]
    .map((id) => recordOption(ctx, id))
    .filter((o): o is APISelectMenuOption => o !== undefined)
    .slice(0, C.selectOptions);
  const customId = encode({ action: 'open', slot, locale: ctx.locale });
  if (options.length === 0 || !customId) return undefined;
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: clip(placeholder, C.placeholder),
    options,
    min_values: 1,
    max_values: 1,
  };
  return { type: ComponentType.ActionRow, components: [menu] };
}

/** Splits ids into menus of at most 25. */
export function chunks<T>(items: readonly T[], size: number = C.selectOptions): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The kinds a list of ids names, in the locale, for a menu's placeholder: "people, statistics". */
export function kindsOf(ctx: RenderContext, ids: readonly string[]): string {
  const kinds: Kind[] = [];
  for (const id of ids) {
    const kind = ctx.kb.find(id)?.kind;
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds.map((k) => kindName(ctx, k, true)).join(ctx.t.list);
}
