// How messages name a field: `people[liu-zhen].roles[0].organisation` (the record by id, by position without one).
import type { FieldPath } from './read-seeds';
import type { Kind } from './schema';

export function recordLabel(kind: Kind, index: number, item: unknown): string {
  const id = item && typeof item === 'object' && 'id' in item ? item.id : undefined;
  return typeof id === 'string' && id !== '' ? `${kind}[${id}]` : `${kind}[${index}]`;
}

export function dotted(label: string, rest: FieldPath): string {
  return label + rest.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}
