// The validated records of every kind, as the index holds them.
import type { IndexFile } from './knowledge-base';

export type Records = IndexFile['records'];
