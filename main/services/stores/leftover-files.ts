/**
 * Temporary files a killed process left behind — atomic writes' `.<name>.<pid>.<n>.tmp`, backups' and
 * exports' `<name>.partial-<pid>`, the key file's `keys.json.tmp` — are removed at start, so they never
 * pile up. Only a dead process's are touched: a file of a live one may be a write in progress.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from '../folder-lock';

/** A temp file of a write in progress is younger than this (files without a pid wait this long). */
const UNOWNED_MIN_AGE_MS = 10 * 60_000;

/**
 * The pid that owns a temp file's name, null for a temp file without one, undefined for other files.
 *
 * Example: `.settings.json.4242.7.tmp` → 4242; `before-restore-x.json.partial-77` → 77; `keys.json.tmp` → null.
 */
export function tempFileOwner(name: string): number | null | undefined {
  const pid = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name)?.[1] ?? /\.partial-(\d+)$/.exec(name)?.[1];
  if (pid) return Number(pid);
  return name === 'keys.json.tmp' ? null : undefined;
}

/** Removes leftover temp files of dead processes in `dataDir`, its backups and each history folder. */
export async function removeLeftoverTempFiles(
  dataDir: string,
  opts: { nowMs: number; isAlive?: (pid: number) => boolean },
): Promise<string[]> {
  const isAlive = opts.isAlive ?? isProcessAlive;
  const history = join(dataDir, 'history');
  const dirs = [dataDir, join(dataDir, 'backups'), ...(await list(history)).map((n) => join(history, n))];
  const removed: string[] = [];
  for (const dir of dirs) {
    for (const name of await list(dir)) {
      const owner = tempFileOwner(name);
      if (owner === undefined || (owner !== null && isAlive(owner))) continue;
      const path = join(dir, name);
      if (owner === null) {
        const age = await stat(path).then(
          (s) => opts.nowMs - s.mtimeMs,
          () => 0,
        );
        if (age < UNOWNED_MIN_AGE_MS) continue;
      }
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
