// The index a console command answers from: compiled from the shipped seeds first when it is missing or stale,
// as `shiting start` does, so that `npm ci && npx shiting ask "/about"` answers.
import { indexSettingOf, shownPath } from '../knowledge/index-target';
import { resolveIndexPath } from '../knowledge/load';
import { ensureIndex, SHIPPED_SEEDS } from '../knowledge/open';

/**
 * The index's path, ready to load; undefined after saying on stderr why it cannot be (a file that is not an
 * index, an index from newer code, seeds with problems). A compile is mentioned on stderr, never stdout,
 * which may be a JSON payload.
 */
export function prepareIndex(flag: string | undefined, command: string): string | undefined {
  const file = resolveIndexPath(flag);
  try {
    const { compiled } = ensureIndex(SHIPPED_SEEDS, file, flag ? '--index' : indexSettingOf(file));
    if (compiled) process.stderr.write(`shiting ${command}: compiled seeds/ into ${shownPath(file)}\n`);
    return file;
  } catch (error) {
    process.stderr.write(`shiting ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
