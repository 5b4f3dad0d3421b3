/**
 * `creditwatch backup --out FILE [--data-dir DIR]` and `creditwatch restore FILE [--accept-edited]
 * [--data-dir DIR]`: one JSON file with the settings, organizations, ledgers and billing rules (never keys;
 * cost and usage history is fetched again), and its merge back. Exit codes: 0 ok, 2 bad input (nothing changed).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BackupInputError, parseBackup } from '@core/backup/backup-file';
import pkgVersion from '../../package.json';
import { defaultDataDir } from '../host/data-dir';
import {
  createBackupText,
  restoreBackup,
  sha256Hex,
  writeTextFile,
  type RestoreReport,
} from '../services/backup';
import { SYSTEM_CLOCK } from '../services/clock';
import { fileErrorText, openDataFolder } from './data-folder';
import { isArgError } from './export-command';
import { type CommandIo, UsageError } from './io';
import { busyText, FolderBusyError, whileHolding } from './folder-writer';
import { checkOutPath, STDOUT } from './out-path';

export const BACKUP_HELP = `Usage: creditwatch backup --out FILE|- [--data-dir DIR]
       creditwatch restore FILE [--accept-edited] [--data-dir DIR]

backup   writes settings, organizations, ledgers and billing rules to FILE (JSON; - for standard output,
         and FILE outside the data folder, a new name or an existing regular file). Admin keys are never
         included (add them again after restoring); cost and usage history is not included (it is
         fetched again from each provider).
restore  merges FILE into the data folder: new organizations are added, ledgers are merged by entry id,
         differences are listed and this machine's values kept, and a backup of the current state is
         written to DIR/backups first. Restoring the same file twice changes nothing.`;

const deps = async (dataDir: string, io: CommandIo, mustExist: boolean) => {
  const folder = await openDataFolder(dataDir, SYSTEM_CLOCK, (m) => io.err(`note: ${m}`), { mustExist });
  return {
    settings: folder.settings,
    ledgers: folder.ledgers,
    dataDir,
    nowMs: () => SYSTEM_CLOCK.nowMs(),
    appVersion: pkgVersion.version,
  };
};

/** `creditwatch backup`. */
export async function runBackupCommand(argv: string[], io: CommandIo): Promise<number> {
  return guarded('backup', io, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) return void io.out(BACKUP_HELP);
    if (!values.out) throw new UsageError(`--out FILE is required.\n\n${BACKUP_HELP}`);
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const out = await checkOutPath(values.out, dataDir);
    const text = await createBackupText(await deps(dataDir, io, true));
    if (out === STDOUT) return void io.out(text);
    await writeTextFile(out, text).catch((err: unknown) => {
      throw new UsageError(fileErrorText(out, err));
    });
    io.err(`Backup written to ${out}. It holds no Admin keys and no cost history (that is fetched again).`);
  });
}

/** `creditwatch restore FILE`. */
export async function runRestoreCommand(argv: string[], io: CommandIo): Promise<number> {
  return guarded('restore', io, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        'accept-edited': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return void io.out(BACKUP_HELP);
    if (positionals.length !== 1) throw new UsageError(`give one backup FILE.\n\n${BACKUP_HELP}`);
    const file = positionals[0] as string;
    const text = await readFile(file, 'utf8').catch((err: unknown) => {
      throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
    });
    // A restore may start a new machine's data folder, so the file is checked before the folder is opened.
    parseBackup(text, sha256Hex, { acceptEdited: values['accept-edited'] });
    const dataDir = values['data-dir'] ?? defaultDataDir();
    // One writer per folder: a running app would rewrite settings and ledgers from memory at its next edit.
    const report = await whileHolding(dataDir, 'restore', async () =>
      restoreBackup(await deps(dataDir, io, false), text, { acceptEdited: values['accept-edited'] }),
    );
    io.out(formatRestoreReport(report));
  });
}

/** The restore report in a few lines. */
export function formatRestoreReport(r: RestoreReport): string {
  const lines = r.changed
    ? [
        `Restored: ${r.orgsAdded.length} organization(s) added${r.orgsAdded.length ? ` (${r.orgsAdded.map((n) => JSON.stringify(n)).join(', ')})` : ''}, ${r.entriesAdded} ledger entr${r.entriesAdded === 1 ? 'y' : 'ies'} added, ${r.billingRulesTaken} billing rule(s) taken, settings ${r.settingsChanged ? 'updated' : 'unchanged'}.`,
        `The state before this restore was saved to ${r.safetyBackupPath}.`,
      ]
    : ['Nothing to restore: this data folder already holds everything in the backup. Nothing was changed.'];
  if (r.conflicts.length) {
    lines.push(`${r.conflicts.length} difference(s), this machine's values kept:`);
    for (const c of r.conflicts)
      lines.push(`  - ${c.orgName ? `${JSON.stringify(c.orgName)}: ` : ''}${c.message}`);
  }
  lines.push('Admin keys are not in backups: add the key of each restored organization again.');
  return lines.join('\n');
}

async function guarded(name: string, io: CommandIo, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof FolderBusyError) {
      io.err(
        `creditwatch ${name}: ${busyText(error, 'Restore the file in its page ("Restore from a backup file"), or stop it and run this again.')}`,
      );
      return 1;
    }
    if (error instanceof UsageError || error instanceof BackupInputError || isArgError(error)) {
      io.err(`creditwatch ${name}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
