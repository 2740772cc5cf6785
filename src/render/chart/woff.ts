// WOFF 1.0 → plain SFNT (OpenType/TrueType). resvg reads only SFNT, and the CJK font we ship with
// (@fontsource/noto-sans-sc) comes as WOFF: its tables are just zlib-compressed, so unwrapping is cheap.
import { inflateSync } from 'node:zlib';

const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

export class FontFormatError extends Error {}

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < WOFF_HEADER || view.getUint32(0) !== 0x774f4646 /* 'wOFF' */) {
    throw new FontFormatError('not a WOFF 1.0 font');
  }
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (woff.byteLength < WOFF_HEADER + numTables * WOFF_ENTRY) throw new FontFormatError('truncated WOFF');

  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    if (offset + compLength > woff.byteLength) throw new FontFormatError('WOFF table runs past the end');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.byteLength !== origLength) throw new FontFormatError('WOFF table has the wrong length');
    tables.push({ tag: view.getUint32(at), checksum: view.getUint32(at + 16), data });
  }

  // Tables are 4-byte aligned in an SFNT; the WOFF directory is already sorted by tag, as SFNT wants.
  const padded = (n: number) => (n + 3) & ~3;
  let size = SFNT_HEADER + numTables * SFNT_ENTRY;
  for (const t of tables) size += padded(t.data.byteLength);
  const out = new Uint8Array(size);
  const sfnt = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, numTables);
  sfnt.setUint16(6, searchRange);
  sfnt.setUint16(8, entrySelector);
  sfnt.setUint16(10, numTables * 16 - searchRange);
  let offset = SFNT_HEADER + numTables * SFNT_ENTRY;
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    sfnt.setUint32(at, t.tag);
    sfnt.setUint32(at + 4, t.checksum);
    sfnt.setUint32(at + 8, offset);
    sfnt.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += padded(t.data.byteLength);
  });
  return out;
}
