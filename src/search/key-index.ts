// The compiled search tables as the lookup reads them: keys numbered across docs, facts about a key derived on
// first use, postings decoded once. Everything else in src/search reads the tables through this.
import type { Kind } from '../knowledge/schema';
import { grams, joined, words } from './normalise';
import { decodePostings, type SearchDoc, type SearchTables } from './tables';

const NONE = new Int32Array(0);

export class KeyIndex {
  readonly docs: readonly SearchDoc[];
  /** Doc numbers an empty autocomplete query shows (see tables.ts). */
  readonly featured: readonly number[];
  /** Key number → doc number; keys are numbered across docs in order, as the gram postings number them. */
  readonly keyDoc: readonly number[];
  /** Key number → the normalised key. */
  readonly keyText: readonly string[];
  /** Doc number → its first key number; doc + 1 gives the end, so the array has one entry more than docs. */
  readonly docFirstKey: readonly number[];
  /** The prefix map's entries in sorted order, so that those starting with a query form one run. */
  readonly prefixKeys: readonly string[];
  private readonly tables: SearchTables;
  private readonly idToDoc: Map<string, number>;
  // Derived per key on first use: computing them for every key would dominate load time at 100k records.
  private readonly joinedCache: (string | undefined)[] = [];
  private readonly gramCountCache: Int32Array;
  private readonly wordsCache: (string[] | undefined)[] = [];
  private readonly gramPostingsCache = new Map<string, Int32Array>();
  private readonly prefixPostingsCache = new Map<string, Int32Array>();

  constructor(tables: SearchTables) {
    this.tables = tables;
    this.docs = tables.docs;
    this.featured = tables.featured;
    const keyDoc: number[] = [];
    const keyText: string[] = [];
    const docFirstKey: number[] = [];
    this.docs.forEach((d, i) => {
      docFirstKey.push(keyText.length);
      for (const k of d.keys) {
        keyDoc.push(i);
        keyText.push(k);
      }
    });
    docFirstKey.push(keyText.length);
    this.keyDoc = keyDoc;
    this.keyText = keyText;
    this.docFirstKey = docFirstKey;
    this.gramCountCache = new Int32Array(keyText.length).fill(-1);
    this.idToDoc = new Map(this.docs.map((d, i) => [d.id, i]));
    this.prefixKeys = Object.keys(tables.prefixes).sort();
  }

  get keyCount(): number {
    return this.keyText.length;
  }

  /** The key with its spaces removed (han zhi jie → hanzhijie). */
  keyJoined(k: number): string {
    let j = this.joinedCache[k];
    if (j === undefined) {
      j = joined(this.keyText[k]!);
      this.joinedCache[k] = j;
    }
    return j;
  }

  /** How many grams the key is indexed under (the Dice denominator). */
  keyGramCount(k: number): number {
    if (this.gramCountCache[k]! < 0) this.gramCountCache[k] = grams(this.keyText[k]!).length;
    return this.gramCountCache[k]!;
  }

  /** The key's words, and the joined key last when it has several, so that hanzhijie matches han zhijie word by word. */
  keyWords(k: number): string[] {
    let w = this.wordsCache[k];
    if (!w) {
      const ws = words(this.keyText[k]!);
      w = ws.length > 1 ? [...ws, this.keyJoined(k)] : ws;
      this.wordsCache[k] = w;
    }
    return w;
  }

  /** Key numbers indexed under a gram, ascending. */
  gramPostings(gram: string): Int32Array {
    return cachedPostings(this.gramPostingsCache, this.tables.grams, gram);
  }

  /** Doc numbers indexed under a prefix-map entry, ascending. */
  prefixPostings(prefix: string): Int32Array {
    return cachedPostings(this.prefixPostingsCache, this.tables.prefixes, prefix);
  }

  /** Whether a doc is of one of `kinds` (none or an empty list allows every kind). */
  allowed(doc: number, kinds?: readonly Kind[]): boolean {
    return !kinds || kinds.length === 0 || kinds.includes(this.docs[doc]!.kind);
  }

  /** The doc whose id the query is (autocomplete sends ids), if it is of one of `kinds`. */
  idDoc(query: string, kinds?: readonly Kind[]): number | undefined {
    const doc = this.idToDoc.get(query.trim());
    return doc !== undefined && this.allowed(doc, kinds) ? doc : undefined;
  }
}

function cachedPostings(
  cache: Map<string, Int32Array>,
  map: Record<string, string>,
  key: string,
): Int32Array {
  let cached = cache.get(key);
  if (!cached) {
    const encoded = map[key];
    cached = encoded ? decodePostings(encoded) : NONE;
    cache.set(key, cached);
  }
  return cached;
}
