/**
 * The ledger files (`ledger-<org>.json`): what the user typed — balances, purchases, grants, reloads,
 * billing rule. The most precious data Creditwatch holds, so: versioned and validated like every file,
 * a rotating backup before every write, writes one at a time per org, and an org's ledger is archived
 * (never deleted) when the org is removed.
 */
import { copyFile, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LEDGER_VERSION, LedgerFileSchema, type LedgerFile } from '@core/ledger-schema';
import { openVersionedFile, type FileContext, type FileSpec, type VersionedFile } from './versioned-file';

export const LEDGER_BACKUPS_KEPT = 10;

export const LEDGER_SPEC: FileSpec<LedgerFile> = {
  label: 'ledger',
  version: LEDGER_VERSION,
  schema: LedgerFileSchema,
  migrations: {},
  defaults: () => LedgerFileSchema.parse({ version: LEDGER_VERSION }),
  indent: 2, // people may read or repair this file by hand
};

export interface LedgerStore {
  get(orgId: string): Promise<LedgerFile>;
  /** Applies `mutate` to the current ledger and writes it (after a backup); throws if the result is invalid. */
  update(orgId: string, mutate: (ledger: LedgerFile) => LedgerFile): Promise<LedgerFile>;
  /** Moves an org's ledger and backups to `removed/` (the user may want them back). */
  archive(orgId: string): Promise<void>;
}

/** Opens ledgers lazily under `dataDir`. */
export function createLedgerStore(dataDir: string, ctx: FileContext): LedgerStore {
  const files = new Map<string, Promise<VersionedFile<LedgerFile>>>();
  const queues = new Map<string, Promise<unknown>>();
  const backupDir = join(dataDir, 'backups');
  const pathOf = (orgId: string) => join(dataDir, `ledger-${orgId}.json`);
  const stamp = () => new Date(ctx.nowMs()).toISOString().replace(/[:.]/g, '-');
  const open = (orgId: string) => {
    let file = files.get(orgId);
    if (!file) files.set(orgId, (file = openVersionedFile(pathOf(orgId), LEDGER_SPEC, ctx)));
    return file;
  };
  // One write at a time per org, so two quick edits cannot overwrite each other.
  const serialized = <T>(orgId: string, task: () => Promise<T>): Promise<T> => {
    const next = (queues.get(orgId) ?? Promise.resolve()).then(task, task);
    queues.set(
      orgId,
      next.catch(() => {}),
    );
    return next;
  };

  async function backup(orgId: string): Promise<void> {
    await mkdir(backupDir, { recursive: true });
    try {
      await copyFile(pathOf(orgId), join(backupDir, `ledger-${orgId}.${stamp()}.json`));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return; // nothing written yet: nothing to back up
    }
    const mine = (await readdir(backupDir)).filter((f) => f.startsWith(`ledger-${orgId}.`)).sort();
    for (const old of mine.slice(0, Math.max(0, mine.length - LEDGER_BACKUPS_KEPT))) {
      await unlink(join(backupDir, old));
    }
  }

  return {
    get: async (orgId) => (await open(orgId)).data(),
    update: (orgId, mutate) =>
      serialized(orgId, async () => {
        const file = await open(orgId);
        const next = mutate(file.data());
        LEDGER_SPEC.schema.parse(next); // refuse before touching the disk
        await backup(orgId);
        await file.write(next);
        return file.data();
      }),
    archive: (orgId) =>
      serialized(orgId, async () => {
        files.delete(orgId);
        const removedDir = join(dataDir, 'removed');
        await mkdir(removedDir, { recursive: true });
        try {
          await rename(pathOf(orgId), join(removedDir, `ledger-${orgId}.${stamp()}.json`));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }),
  };
}
