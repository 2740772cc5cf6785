// The content hash of an index: sha256 of its JSON without the hash field, keys in the order the compiler writes.
import { createHash } from 'node:crypto';
import type { IndexFile } from './knowledge-base';

export type IndexBody = Omit<IndexFile, 'hash'>;

export function indexHash(body: IndexBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
