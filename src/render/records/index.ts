// One entry point: the card of any record, by kind.
import type { APIEmbed } from 'discord-api-types/v10';
import type { AnyRecord } from '../../knowledge/knowledge-base';
import type { RenderContext } from '../format';
import { renderEdition } from './edition';
import { renderForum } from './forum';
import { renderOrganization } from './organization';
import { renderPerson } from './person';
import { renderReport } from './report';
import { renderSeries } from './series';
import { renderSource } from './source';
import { renderStatistic } from './statistic';
import { renderWork } from './work';

export function renderRecord(ctx: RenderContext, item: AnyRecord): APIEmbed {
  switch (item.kind) {
    case 'editions':
      return renderEdition(ctx, item.record);
    case 'people':
      return renderPerson(ctx, item.record);
    case 'statistics':
      return renderStatistic(ctx, item.record);
    case 'organizations':
      return renderOrganization(ctx, item.record);
    case 'forums':
      return renderForum(ctx, item.record);
    case 'reports':
      return renderReport(ctx, item.record);
    case 'works':
      return renderWork(ctx, item.record);
    case 'sources':
      return renderSource(ctx, item.record);
    case 'series':
      return renderSeries(ctx, item.record);
  }
}
