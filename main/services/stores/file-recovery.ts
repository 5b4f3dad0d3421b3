/**
 * Recovery for precious files (ledgers, settings) that keep backups: after a failed load the newest
 * backup that loads is used (and the user is told what came back, and from when); backups are taken
 * before every write and rotated, but the backups that were there when a load failed are never rotated
 * away while the quarantined file (`<name>.corrupt-<stamp>`) is kept next to it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { listBackups, parseBackupStamp, takeBackup, type BackupInfo } from './backups';
import { upgrade, type FileContext, type FileSpec } from './versioned-file';

export interface BackupOptions {
  /** The backup folder (`<data>/backups`). */
  dir: string;
  /** Backup name prefix, e.g. `ledger-org_abc` or `settings`. */
  prefix: string;
  /** Backups kept in the normal rotation. */
  keep: number;
}

/** Recovery helpers for one file; every method is a no-op (or empty) without backup options. */
export function recoverFromBackups<T extends { version: number }>(
  path: string,
  spec: FileSpec<T>,
  ctx: FileContext,
  opts: BackupOptions | null,
) {
  const describe = (data: T) => (spec.describe ? ` (${spec.describe(data)})` : '');
  const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const report = (message: string, quarantinedAs: string | null = null) =>
    ctx.problems?.report({ file: path, quarantinedAs, atMs: ctx.nowMs(), message });

  const read = async (b: BackupInfo): Promise<T> =>
    upgrade(JSON.parse(await readFile(b.path, 'utf8')) as unknown, spec);

  /** A file from a newer version: shown from the newest backup this version reads, never written over. */
  const leftAsItIs = async (reason: string): Promise<T | null> => {
    const head = `${path} was ${reason} and cannot be read by this one. It was left as it is and nothing will be saved over it: update Creditwatch to go on using this data folder.`;
    for (const b of opts ? await listBackups(opts.dir, opts.prefix) : []) {
      try {
        const data = await read(b);
        report(
          `${head} Until then it shows the backup of ${when(b.atMs)}${describe(data)}, and changes cannot be saved.`,
        );
        return data;
      } catch {
        // try the next older one
      }
    }
    report(
      `${head} No backup this version can read was found; it starts empty, and changes cannot be saved.`,
    );
    return null;
  };

  return {
    /**
     * After a failed load: the newest backup that loads, or null (both reported in words). With
     * `leftAsItIs` the file is from a newer version (`reason` says which): it stays in place and nothing is saved.
     */
    async fallBack(
      reason: string,
      quarantinedAs: string | null,
      how: { leftAsItIs?: boolean } = {},
    ): Promise<T | null> {
      if (!opts) return null;
      if (how.leftAsItIs) return leftAsItIs(reason);
      const kept = quarantinedAs ? ` The damaged file was kept as ${quarantinedAs}.` : '';
      const all = await listBackups(opts.dir, opts.prefix);
      for (const b of all) {
        try {
          const data = await read(b);
          report(
            `${path} could not be read (${reason}). Creditwatch restored the backup of ${when(b.atMs)}${describe(data)}; anything entered after that time is missing — check it and enter it again.${kept}`,
            quarantinedAs,
          );
          return data;
        } catch {
          // try the next older one
        }
      }
      report(
        `${path} could not be read (${reason}) and ${all.length ? `none of its ${all.length} backups could be read either` : 'it has no backup'}. Creditwatch started it afresh.${kept}${all.length ? ' Its backups are kept.' : ''}`,
        quarantinedAs,
      );
      return null;
    },

    /** Content that loaded but had to be repaired (e.g. duplicate ids): reported, nothing dropped. */
    reportRepair(notes: string[]): void {
      report(`${path}: ${notes.join(' ')}`);
    },

    async backup(): Promise<void> {
      if (!opts) return;
      const protectedNames = await backupsBeforeFailures(path, opts);
      await takeBackup(path, opts.dir, opts.prefix, ctx.nowMs(), {
        keep: opts.keep,
        isProtected: (b) => protectedNames.has(b.name),
      });
    },

    list: async (): Promise<BackupInfo[]> => (opts ? listBackups(opts.dir, opts.prefix) : []),

    async read(name: string): Promise<T> {
      const found = (opts ? await listBackups(opts.dir, opts.prefix) : []).find((b) => b.name === name);
      if (!found) throw new Error(`There is no backup named ${name}.`);
      try {
        return await read(found);
      } catch (err) {
        throw new Error(`The backup ${name} cannot be used: ${(err as Error).message}.`);
      }
    },
  };
}

/**
 * The backups that were the newest `keep` when some load of this file failed (a `.corrupt-<stamp>`
 * copy sits next to it): they may hold what the user typed, so rotation leaves them alone.
 */
async function backupsBeforeFailures(path: string, opts: BackupOptions): Promise<Set<string>> {
  const prefix = `${basename(path)}.corrupt-`;
  const failures = (await readdir(dirname(path)))
    .filter((n) => n.startsWith(prefix))
    .map((n) => parseBackupStamp(n.slice(prefix.length)))
    .filter((ms): ms is number => ms !== null);
  if (failures.length === 0) return new Set();
  const all = await listBackups(opts.dir, opts.prefix);
  const keep = new Set<string>();
  for (const failedAt of failures) {
    for (const b of all.filter((x) => x.atMs <= failedAt).slice(0, opts.keep)) keep.add(b.name);
  }
  return keep;
}
