/**
 * Where `--out` may write. The file is written beside its target and renamed over it, so the target
 * must be a new name or an existing regular file: never a FIFO, symbolic link, device or folder (the
 * rename would replace it), and never inside the data folder (an export once replaced settings.json).
 * `--out -` means standard output.
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, relative, resolve, isAbsolute } from 'node:path';
import { UsageError } from './io';

/** `--out -`: the output goes to standard output. */
export const STDOUT = '-';

/**
 * The checked target path, or `STDOUT`; throws UsageError in words when it may not be written.
 *
 * Example: `checkOutPath('/data/settings.json', '/data')` → "… is inside the data folder …".
 */
export async function checkOutPath(out: string, dataDir: string): Promise<string> {
  if (out === STDOUT) return STDOUT;
  const target = resolve(out);
  // The folder it lands in, with links resolved (a link to the data folder is the data folder).
  const folder = await realpath(dirname(target)).catch(() => dirname(target));
  const data = await realpath(dataDir).catch(() => resolve(dataDir));
  const inside = relative(data, resolve(folder, basename(target)));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw new UsageError(
      `--out ${out} is inside the data folder (${dataDir}); Creditwatch keeps its own files there. Write it somewhere else.`,
    );
  const found = await lstat(target).catch(() => null);
  if (found && !found.isFile())
    throw new UsageError(
      `--out ${out} is ${kindOf(found)}, not a regular file, and would be replaced. Give a new file name or an existing file (or - for standard output).`,
    );
  return target;
}

function kindOf(s: import('node:fs').Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'something other than a file';
}
