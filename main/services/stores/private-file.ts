/**
 * Private files and folders: every file Creditwatch writes is created 0600 and every folder it creates
 * is 0700, whatever the mode of a data folder that already existed. Writes are atomic (a temp file in
 * the same folder, flushed, then renamed over the target, then the folder flushed), so a crash leaves
 * the old or the new text. This is the one writer of every store and key file, and the one write queue.
 */
import { chmod, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Owner read/write only. */
export const FILE_MODE = 0o600;
/** Owner only. */
export const DIR_MODE = 0o700;

/** Creates `dir` (and missing parents) owner-only; a folder that already exists is left as it is. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

let counter = 0;

/**
 * Writes `text` to `path` atomically with mode 0600: the temp file is created 0600 (never readable by
 * others, even for a moment), flushed to disk, renamed over `path`, and the folder flushed so the
 * rename itself survives a power cut.
 *
 * The temp name carries the process id (`.<name>.<pid>.<n>.tmp`): two processes never share one, and a
 * killed process's leftover is recognised and removed at the next start (leftover-files.ts).
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  const handle = await open(tmp, 'w', FILE_MODE);
  try {
    // The umask can only remove bits; chmod makes 0600 exact on any system.
    await handle.chmod(FILE_MODE);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  await rename(tmp, path);
  await syncDir(dir);
}

/** Flushes a folder's entries (the rename); systems that cannot open a folder for this (Windows) skip it. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // EINVAL/EPERM/EISDIR on some file systems: the file itself is already on disk.
  } finally {
    await handle.close();
  }
}

/** Makes an existing file owner-only (for files copied or moved, such as backups). */
export async function makePrivate(path: string): Promise<void> {
  await chmod(path, FILE_MODE);
}

/** Runs tasks one after another; a failed task rejects its own caller only and does not stop the queue. */
export type WriteQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A queue of writes to one file (or one group of files), so two quick edits cannot overwrite each other:
 * a read-modify-write inside `queue(task)` sees the previous task's result.
 *
 * Example: `const queue = createWriteQueue(); queue(() => save(a)); queue(() => save(b));` saves a, then b.
 */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One write queue per key (an org id, a path): writes to different keys run side by side. */
export function createKeyedWriteQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, WriteQueue>();
  return (key, task) => {
    let queue = queues.get(key);
    if (!queue) {
      queue = createWriteQueue();
      queues.set(key, queue);
    }
    return queue(task);
  };
}
