/**
 * Timestamped backups of precious files (ledgers, settings) in `<data>/backups/`:
 * `<prefix>.<YYYY-MM-DDTHH-MM-SS-mmmZ>.json`. Each state written is kept (and a state found on disk
 * that no backup holds, such as a hand edit, before it is replaced); the oldest are rotated away,
 * except the ones a damaged load made precious (see file-recovery.ts).
 */
import { copyFile, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate } from './private-file';

export interface BackupInfo {
  /** File name inside the backup folder (what the user names to restore it). */
  name: string;
  path: string;
  /** When the backup was taken (from its name). */
  atMs: number;
}

/**
 * The file-name stamp of an instant.
 *
 * Example: `backupStamp(Date.UTC(2026, 10, 24, 12, 0, 1, 5))` → `"2026-11-24T12-00-01-005Z"`.
 */
export function backupStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** The instant of a stamp, or null. Example: `"2026-11-24T12-00-01-005Z"` → `Date.UTC(2026, 10, 24, 12, 0, 1, 5)`. */
export function parseBackupStamp(stamp: string): number | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** The backups of `prefix` (e.g. `ledger-org_abc`), newest first; none when the folder is missing. */
export async function listBackups(dir: string, prefix: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    if (!name.startsWith(`${prefix}.`) || !name.endsWith('.json')) continue;
    const atMs = parseBackupStamp(name.slice(prefix.length + 1, -'.json'.length));
    if (atMs !== null) found.push({ name, path: join(dir, name), atMs });
  }
  return found.sort((a, b) => b.atMs - a.atMs || (a.name < b.name ? 1 : -1));
}

export interface BackupPolicy {
  /** How many backups to keep in the normal rotation. */
  keep: number;
  /**
   * Backups that must never be rotated away: those taken before the last load that failed, until a
   * good load of the file happened again (they may hold what the user typed and nothing else does).
   */
  isProtected(b: BackupInfo): boolean;
}

/**
 * Copies `source` to a new backup (0600) unless the newest backup already holds the same text, and
 * rotates old backups away under `policy`. Returns the newest backup, or null when `source` does not
 * exist yet.
 */
export async function takeBackup(
  source: string,
  dir: string,
  prefix: string,
  atMs: number,
  policy: BackupPolicy,
): Promise<BackupInfo | null> {
  await ensurePrivateDir(dir);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null; // nothing written yet: nothing to back up
  }
  const before = await listBackups(dir, prefix);
  const newest = before[0];
  // The same content as the newest backup: already kept.
  if (newest && (await readFile(newest.path, 'utf8').catch(() => null)) === text) return newest;
  // Never overwrite a backup: two in the same millisecond get consecutive stamps.
  let at = Math.max(atMs, (newest?.atMs ?? -1) + 1);
  while (before.some((b) => b.atMs === at)) at++;
  const name = `${prefix}.${backupStamp(at)}.json`;
  await copyFile(source, join(dir, name));
  await makePrivate(join(dir, name));
  const all = await listBackups(dir, prefix);
  for (const old of all.slice(policy.keep)) {
    if (!policy.isProtected(old)) await unlink(old.path).catch(() => {});
  }
  return all.find((b) => b.name === name) ?? null;
}
