/**
 * Private files and folders: every file Creditwatch writes is created 0600 and every folder it creates
 * is 0700, whatever the mode of a data folder that already existed. Writes are atomic (a temp file in
 * the same folder, flushed, then renamed over the target), so a crash leaves the old or the new text.
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
 * others, even for a moment), flushed to disk, then renamed over `path`.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await ensurePrivateDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
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
}

/** Makes an existing file owner-only (for files copied or moved, such as backups). */
export async function makePrivate(path: string): Promise<void> {
  await chmod(path, FILE_MODE);
}
