// /edition query:<text> [compare:true] — one edition or season of a conference series, optionally with a
// chart comparing its headline figures with the series' other editions.
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { described } from '../src/locale/discord';
import { nameById } from '../src/render/format';
import { editionComparison } from '../src/render/records/edition-chart';
import { defineCommand } from './define';
import { lookupHandlers } from './lookup-command';
import { EVERYWHERE, privateOption, queryOption } from './options';

const definition = {
  name: 'edition',
  ...described((t) => t.commands.edition),
  options: [
    queryOption((t) => t.commands.edition.query),
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'compare',
      ...described((t) => t.commands.edition.compare),
    },
    privateOption,
  ],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

// Not deferred, like /stat: the comparison chart renders in tens of milliseconds, inside Discord's 3 s. The
// handler is synchronous, so only `defer: true` (not the router's timer) could defer it.
export const edition = defineCommand(
  definition,
  lookupHandlers(['editions'], {
    extra: (ctx, item, options) => {
      if (options.compare !== true || item.kind !== 'editions') return undefined;
      const chart = editionComparison(ctx, item.record);
      return chart ? { chart } : { note: ctx.t.chart.noComparison(nameById(ctx, item.record.series)) };
    },
  }),
);
