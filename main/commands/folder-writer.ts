/**
 * The data folder's lock for commands that write: taken before anything is opened, released when the
 * command ends. A folder held by a running Creditwatch is refused with the holder's pid, and nothing is
 * changed; reading commands do not take the lock (they read the files as they are).
 */
import { mkdir } from 'node:fs/promises';
import { FolderBusyError, folderHolder, lockDataFolder, type FolderLock } from '../services/folder-lock';

export { FolderBusyError, folderHolder };

/** Creates `dataDir` if needed (mode 0700) and takes its lock for `purpose`; throws FolderBusyError. */
export async function lockForWriting(dataDir: string, purpose: string): Promise<FolderLock> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return lockDataFolder(dataDir, { purpose });
}

/** Runs `run` holding the folder's lock; the lock is released however `run` ends. */
export async function whileHolding<T>(dataDir: string, purpose: string, run: () => Promise<T>): Promise<T> {
  const lock = await lockForWriting(dataDir, purpose);
  try {
    return await run();
  } finally {
    await lock.release();
  }
}

/**
 * The words for a refused writer: who holds the folder, what to do instead, and that nothing changed.
 *
 * Example: "Creditwatch is already running on this folder (pid 4242). Restore the file from its page …".
 */
export function busyText(err: FolderBusyError, instead: string): string {
  return `${err.message} ${instead} Nothing was changed.`;
}
