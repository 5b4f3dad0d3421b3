/**
 * `creditwatch backups [--org ID] [--restore NAME] [--data-dir DIR] [--json]`: lists each
 * organization's ledger backups (newest first, with their entry counts), or restores one (the ledger
 * as it was is backed up first, so a restore can be undone the same way).
 */
import { parseArgs } from 'node:util';
import { createApp } from '../app/create-app';
import { defaultDataDir } from '../host/data-dir';
import { assertDataFolder } from './data-folder';
import { createFileSecretStore } from '../services/secrets';
import { UsageError, type CommandIo } from './io';
import type { FolderLock } from '../services/folder-lock';
import { busyText, FolderBusyError, folderHolder, lockForWriting } from './folder-writer';
import { terminalSafe } from './terminal-text';

const USAGE = 'Usage: creditwatch backups [--org ID] [--restore NAME] [--data-dir DIR] [--json]';

/** Lists or restores ledger backups; exit code 0 on success. */
export async function runBackupsCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      org: { type: 'string' },
      restore: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.restore && !values.org) throw new UsageError('--restore needs --org ID (see the list)');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  await assertDataFolder(dataDir);
  // Restoring writes: one writer per folder. Listing only reads, beside a running app too.
  let lock: FolderLock | null = null;
  if (values.restore) {
    try {
      lock = await lockForWriting(dataDir, 'backups --restore');
    } catch (err) {
      if (!(err instanceof FolderBusyError)) throw err;
      io.err(
        busyText(
          err,
          'Restore the ledger backup in its page ("Backups of this ledger"), or stop it and run this again.',
        ),
      );
      return 1;
    }
  }
  const app = await createApp({
    dataDir,
    version,
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    readOnly: !lock && (await folderHolder(dataDir)) !== null,
  }).catch(async (err: unknown) => {
    await lock?.release();
    throw err;
  });
  try {
    const { orgs } = await app.handlers['orgs:list']({});
    if (values.restore) {
      const ledger = await app.handlers['ledger:restoreBackup']({ orgId: values.org!, name: values.restore });
      io.out(
        values.json
          ? JSON.stringify(ledger, null, 2)
          : `Restored ${values.restore}: the ledger now has ${entries(ledger.entries.length)} (the previous ledger was backed up first).`,
      );
      return 0;
    }
    const chosen = values.org ? orgs.filter((o) => o.id === values.org) : orgs;
    if (values.org && chosen.length === 0) throw new UsageError(`No organization with id ${values.org}`);
    const rows = [];
    for (const org of chosen) {
      const { backups } = await app.handlers['ledger:backups']({ orgId: org.id });
      rows.push({ orgId: org.id, name: org.name, backups });
    }
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2));
      return 0;
    }
    for (const row of rows) {
      io.out(`${terminalSafe(row.name)} (${row.orgId}): ${row.backups.length} backups`);
      for (const b of row.backups) {
        const what = b.entries === null ? 'unreadable' : entries(b.entries);
        io.out(`  ${b.name}  ${new Date(b.atMs).toISOString()}  ${what}`);
      }
    }
    return 0;
  } finally {
    await app.close();
    await lock?.release();
  }
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
