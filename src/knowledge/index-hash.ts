// The index's canonical JSON and its content hash: sha256 of that JSON without the hash field.
import { createHash } from 'node:crypto';
import type { IndexFile } from './knowledge-base';

export type IndexBody = Omit<IndexFile, 'hash'>;

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON.stringify with keys in the order the compiler builds them and every non-ASCII character escaped:
 * pure ASCII text decodes several times faster than UTF-8 with Chinese in it, which counts at 100k records.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function indexHash(body: IndexBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
