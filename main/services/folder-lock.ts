/**
 * One writer per data folder. Every process that writes (the desktop app, `serve`, `restore`, `backups
 * --restore`, `status` when it syncs) holds `creditwatch.lock`, a small file naming its pid; a second
 * writer finds the holder alive (`process.kill(pid, 0)`) and changes nothing. A lock left by a process
 * that died (kill -9, power loss) is taken over.
 *
 * The file is created complete in one step (written aside, then hard-linked into place, which fails when
 * a lock exists), so a reader never sees a half-written lock. Taking over a stale lock moves it aside
 * first (a rename only one process can win) and puts it back if it turns out to be a live one.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'creditwatch.lock';

const LockRecordSchema = z.object({
  pid: z.number().int().positive(),
  /** What holds it, for the message ("serve", "restore", …). */
  purpose: z.string().max(40),
  startedAtMs: z.number(),
  /** Tells this holding apart from an earlier one by the same pid. */
  nonce: z.string(),
});
export type LockRecord = z.infer<typeof LockRecordSchema>;

/** Another live process holds the folder; nothing was changed. */
export class FolderBusyError extends Error {
  override name = 'FolderBusyError';
  constructor(readonly holder: Pick<LockRecord, 'pid' | 'purpose'>) {
    super(`Creditwatch is already running on this folder (pid ${holder.pid}).`);
  }
}

/** A held lock; `release` removes it (only while it is still ours). */
export interface FolderLock {
  readonly record: LockRecord;
  release(): Promise<void>;
}

export interface LockOptions {
  purpose: string;
  pid?: number;
  nowMs?: () => number;
  /** Whether a process is alive; default `process.kill(pid, 0)` (EPERM: alive, another user's). */
  isAlive?: (pid: number) => boolean;
}

/** Folders this process holds: a second lock on one of them from the same process is refused too. */
const held = new Map<string, string>();
let exitHookSet = false;

/** `process.kill(pid, 0)`: true while the process exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of `dataDir`'s lock, or null when it is free (no lock, or a dead holder's). */
export async function folderHolder(
  dataDir: string,
  isAlive: (pid: number) => boolean = isProcessAlive,
): Promise<LockRecord | null> {
  const record = await readRecord(join(dataDir, LOCK_FILE));
  if (!record) return null;
  const path = join(dataDir, LOCK_FILE);
  if (record.pid === process.pid) return held.get(path) === record.nonce ? record : null;
  return isAlive(record.pid) ? record : null;
}

/** Takes `dataDir`'s lock; throws FolderBusyError when a live process holds it. The folder must exist. */
export async function lockDataFolder(dataDir: string, opts: LockOptions): Promise<FolderLock> {
  const path = join(dataDir, LOCK_FILE);
  const pid = opts.pid ?? process.pid;
  const isAlive = opts.isAlive ?? isProcessAlive;
  const record: LockRecord = {
    pid,
    purpose: opts.purpose,
    startedAtMs: (opts.nowMs ?? Date.now)(),
    nonce: randomBytes(8).toString('hex'),
  };
  const isLive = (r: LockRecord) => (r.pid === process.pid ? held.get(path) === r.nonce : isAlive(r.pid));
  for (let attempt = 0; attempt < 8; attempt++) {
    if (await createLock(path, record)) {
      held.set(path, record.nonce);
      setExitHook();
      return { record, release: () => release(path, record.nonce) };
    }
    const holder = await readRecord(path);
    if (holder && isLive(holder)) throw new FolderBusyError(holder);
    // Dead holder (or an unreadable lock file): move it aside, then try again.
    const aside = `${path}.stale-${pid}-${record.nonce}-${attempt}`;
    try {
      await rename(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = await readRecord(aside);
    if (moved && isLive(moved)) {
      // Another process took it over between our read and our rename: give it back.
      await link(aside, path).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      throw new FolderBusyError(moved);
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing. Try again.`);
}

/** Writes the record aside, then links it into place: fails (false) when a lock file exists. */
async function createLock(path: string, record: LockRecord): Promise<boolean> {
  const temp = `${path}.new-${record.pid}-${record.nonce}`;
  await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readRecord(path: string): Promise<LockRecord | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  return parseRecord(text);
}

function parseRecord(text: string): LockRecord | null {
  try {
    const parsed = LockRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function release(path: string, nonce: string): Promise<void> {
  if (held.get(path) !== nonce) return;
  held.delete(path);
  const current = await readRecord(path);
  if (current?.nonce === nonce) await unlink(path).catch(() => undefined);
}

/** On a normal exit (or an uncaught error), locks this process still holds are removed. */
function setExitHook(): void {
  if (exitHookSet) return;
  exitHookSet = true;
  process.on('exit', () => {
    for (const [path, nonce] of held) {
      try {
        if (parseRecord(readFileSync(path, 'utf8'))?.nonce === nonce) unlinkSync(path);
      } catch {
        // already gone
      }
    }
  });
}
