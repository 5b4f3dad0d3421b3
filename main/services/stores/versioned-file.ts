/**
 * One lowdb JSON file with a `version`: validated with zod on load, upgraded by pure migrations, and
 * quarantined (renamed `<name>.corrupt-<timestamp>`, reported) when it cannot be used — never overwritten.
 * A file with backups (ledgers, settings) then falls back to its newest backup that loads, says so, and
 * keeps the older backups out of the rotation until a good load (see file-recovery.ts).
 */
import { rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { BackupInfo } from './backups';
import { recoverFromBackups, type BackupOptions } from './file-recovery';
import { MeteredJsonFile } from './metered-adapter';
import { ensurePrivateDir } from './private-file';
import type { ProblemList } from './store-problem';
import type { WriteMeter } from './write-meter';

/** A file written by a newer Creditwatch: it is never moved aside nor written over (see openVersionedFile). */
export class NewerFileError extends Error {
  override name = 'NewerFileError';
}

/** Upgrades raw data of version `n` to version `n + 1` (pure; keyed by `n`). */
export type Migrations = Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>;

export interface FileSpec<T extends { version: number }> {
  /** Human name for messages, e.g. "settings". */
  label: string;
  version: T['version'];
  schema: z.ZodType<T>;
  migrations?: Migrations;
  defaults(): T;
  /** Pretty-print (for files people may read, like settings). */
  indent?: number;
  /** Short words for what a loaded file holds, for recovery messages, e.g. "12 entries". */
  describe?(data: T): string;
  /**
   * Repairs content that parses but must not be used as is (e.g. duplicate ids), returning what was
   * done in words; nothing is dropped that the user typed.
   */
  repair?(data: T): { data: T; notes: string[] };
  /**
   * Brings raw values out of range back into it before validation (an instant past 2200, an unknown
   * zone), saying what changed, so one bad value does not set the whole file aside.
   */
  repairRaw?(raw: Record<string, unknown>): { data: Record<string, unknown>; notes: string[] };
}

export interface FileContext {
  meter?: WriteMeter | null;
  problems?: ProblemList | null;
  nowMs(): number;
}

export interface VersionedFile<T> {
  readonly path: string;
  /** Current content (the defaults when the file did not exist or was quarantined). */
  data(): T;
  /** Validates and writes `next`; an invalid value throws and nothing is written. */
  write(next: T): Promise<void>;
  /**
   * Where the content came from: `file` (it loaded), `new` (no file yet), `backup` (the file was
   * damaged and a backup was restored) or `defaults` (damaged and nothing could be recovered).
   */
  readonly origin: 'file' | 'new' | 'backup' | 'defaults';
  /** True when writes are refused because the file on disk must stay as it is (e.g. from a newer version). */
  readonly isLocked: boolean;
  /** Backs up the file as it is on disk (files opened with backups only; else a no-op). */
  backup(): Promise<void>;
  /** This file's backups, newest first (empty without backups). */
  backups(): Promise<BackupInfo[]>;
  /** Loads a backup (validated and upgraded); throws with a readable message when it cannot be used. */
  readBackup(name: string): Promise<T>;
}

/**
 * Upgrades raw file content to the current version. Throws with a readable message when it cannot.
 *
 * Example: `{version: 1, a: 1}` with migrations `{1: r => ({...r, version: 2, b: 0})}` → `{version: 2, a: 1, b: 0}`.
 */
export function upgrade<T extends { version: number }>(
  raw: unknown,
  spec: FileSpec<T>,
  notes: string[] = [],
): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  let data = raw as Record<string, unknown>;
  const from = data.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    throw new Error('missing or invalid "version"');
  if (from > spec.version)
    throw new NewerFileError(
      `written by a newer Creditwatch (version ${from}; this one reads up to ${spec.version})`,
    );
  for (let v = from; v < spec.version; v++) {
    const step = spec.migrations?.[v];
    if (!step) throw new Error(`no upgrade from version ${v}`);
    data = step(data);
    if (data.version !== v + 1) throw new Error(`upgrade from version ${v} did not produce version ${v + 1}`);
  }
  if (spec.repairRaw) {
    const repaired = spec.repairRaw(data);
    data = repaired.data;
    notes.push(...repaired.notes);
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid content${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
    );
  }
  return parsed.data;
}

/** Opens (or prepares to create) a versioned file. */
export async function openVersionedFile<T extends { version: number }>(
  path: string,
  spec: FileSpec<T>,
  ctx: FileContext,
  backupOpts: BackupOptions | null = null,
): Promise<VersionedFile<T>> {
  await ensurePrivateDir(dirname(path));
  const adapter = new MeteredJsonFile(path, ctx.meter ?? null, spec.indent ?? 0);
  const db = new Low<unknown>(adapter, null);
  const recovery = recoverFromBackups(path, spec, ctx, backupOpts);
  let current: T;
  /** Why writes are refused (the file on disk must stay as it is), or null. */
  let lockedBecause: string | null = null;
  let recovered: T | null = null;
  let origin: VersionedFile<T>['origin'];
  const repairNotes: string[] = [];
  try {
    await db.read();
    current = db.data === null ? spec.defaults() : upgrade(db.data, spec, repairNotes);
    origin = db.data === null ? 'new' : 'file';
  } catch (err) {
    repairNotes.length = 0; // the file is set aside whole: its repairs are moot
    const reason = `${spec.label}: ${(err as Error).message}`;
    if (err instanceof NewerFileError && backupOpts !== null) {
      // What the user typed, in a format this version cannot read: leave it where the newer version
      // will look for it, write nothing over it, and show the newest backup this version can read.
      lockedBecause = `${path} was written by a newer Creditwatch; update Creditwatch to change it (nothing was saved).`;
      recovered = await recovery.fallBack((err as Error).message, null, { leftAsItIs: true });
    } else {
      // If the bad file could not be moved aside, refuse to write over it.
      const quarantinedAs = await quarantine(path, reason, ctx, backupOpts !== null);
      if (quarantinedAs === null)
        lockedBecause = `${path} could not be moved aside after a failed load; not overwriting it.`;
      recovered = await recovery.fallBack(reason, quarantinedAs);
    }
    current = recovered ?? spec.defaults();
    origin = recovered ? 'backup' : 'defaults';
  }
  if (spec.repair) {
    const { data, notes } = spec.repair(current);
    current = data;
    repairNotes.push(...notes);
  }
  if (repairNotes.length) recovery.reportRepair(repairNotes);
  const file: VersionedFile<T> = {
    path,
    origin,
    isLocked: lockedBecause !== null,
    data: () => current,
    async write(next) {
      if (lockedBecause !== null) throw new Error(lockedBecause);
      const parsed = spec.schema.parse(next);
      db.data = parsed;
      await db.write();
      current = parsed;
    },
    backup: () => recovery.backup(),
    backups: () => recovery.list(),
    readBackup: (name) => recovery.read(name),
  };
  // What was recovered is written back at once, so the next start loads it without help.
  if (recovered !== null && lockedBecause === null) await file.write(current);
  return file;
}

/** Moves a file that failed to load aside; returns where, or null if it could not be moved. */
async function quarantine(
  path: string,
  reason: string,
  ctx: FileContext,
  hasBackups: boolean,
): Promise<string | null> {
  const atMs = ctx.nowMs();
  const stamp = new Date(atMs).toISOString().replace(/[:.]/g, '-');
  const target = `${path}.corrupt-${stamp}`;
  let quarantinedAs: string | null = target;
  try {
    await rename(path, target);
  } catch {
    quarantinedAs = null;
  }
  // Files with backups report after trying them (file-recovery.ts says what came back).
  if (!hasBackups) {
    const where = quarantinedAs ? `; the original was kept as ${quarantinedAs}` : '';
    ctx.problems?.report({
      file: path,
      quarantinedAs,
      atMs,
      message: `${path} could not be read (${reason}). Creditwatch started this file afresh${where}.`,
    });
  }
  return quarantinedAs;
}
