// Writes the index so that a reader never sees half a file and a failed write leaves the old one in place.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeIndexFile(file: string, json: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Same directory, so the rename is atomic (no cross-device move).
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, json);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}
