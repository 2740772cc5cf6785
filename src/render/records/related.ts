// Cross-references: the ids the compiler linked to a record, by kind.
import type { Kind } from '../../knowledge/schema';
import type { RenderContext } from '../format';

export function relatedIds(ctx: RenderContext, id: string, kind: Kind): string[] {
  return [...(ctx.kb.related(id)[kind] ?? [])];
}
