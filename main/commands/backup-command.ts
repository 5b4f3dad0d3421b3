/**
 * `creditwatch backup --out FILE [--data-dir DIR]` and `creditwatch restore FILE [--yes] [--accept-edited]
 * [--data-dir DIR]`: one JSON file with the settings, organizations, ledgers, billing rules and alert
 * settings (never keys; cost and usage history is fetched again), and its merge back — shown first, and
 * written only with --yes. Exit codes: 0 ok, 2 bad input or not confirmed (nothing changed).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AlertSettings } from '@core/alerts/alert-settings';
import { BackupInputError, parseBackup } from '@core/backup/backup-file';
import { restorePreviewWords } from '@core/backup/restore-preview-words';
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
import { finishInterruptedRestore } from '../services/restore-recovery';
import { openAlertStore } from '../services/stores/alert-store';
import { createProblemList } from '../services/stores/store-problem';
import { fileErrorText, openDataFolder } from './data-folder';
import { isArgError } from './export-command';
import { type CommandIo, UsageError } from './io';
import { busyText, FolderBusyError, whileHolding } from './folder-writer';
import { checkOutPath, STDOUT } from './out-path';

export const BACKUP_HELP = `Usage: creditwatch backup --out FILE|- [--data-dir DIR]
       creditwatch restore FILE [--yes] [--accept-edited] [--data-dir DIR]

backup   writes settings, organizations, ledgers, billing rules and alert settings (with the webhook
         address, if any) to FILE (JSON; - for standard output, and FILE outside the data folder, a new
         name or an existing regular file). Admin keys are never included (add them again after
         restoring); cost and usage history is not included (it is fetched again from each provider).
restore  shows what FILE would add, and with --yes merges it into the data folder: new organizations
         are added, ledgers are merged by entry id, differences are listed and this machine's values
         kept, and a backup of the current state is written to DIR/backups first. Demo accounts are
         left out (the demo has its own folder). Restoring the same file twice changes nothing.`;

const deps = async (dataDir: string, io: CommandIo, mustExist: boolean) => {
  const note = (m: string) => io.err(`note: ${m}`);
  const folder = await openDataFolder(dataDir, SYSTEM_CLOCK, note, { mustExist });
  const nowMs = () => SYSTEM_CLOCK.nowMs();
  const alerts = await openAlertStore(dataDir, {
    nowMs,
    problems: createProblemList((p) => note(p.message)),
  });
  return {
    settings: folder.settings,
    ledgers: folder.ledgers,
    alertSettings: { get: () => alerts.settings(), save: (next: AlertSettings) => alerts.saveSettings(next) },
    dataDir,
    nowMs,
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
        yes: { type: 'boolean', default: false },
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
    const isNew = !(await stat(dataDir).then(
      (s) => s.isDirectory(),
      () => false,
    ));
    // A preview into a folder that is not there yet creates nothing: it is planned against an empty one.
    const planned = isNew && !values.yes ? await mkdtemp(join(tmpdir(), 'creditwatch-preview-')) : dataDir;
    let report: RestoreReport;
    try {
      // One writer per folder: a running app would rewrite settings and ledgers from memory at its next edit.
      report = await whileHolding(planned, 'restore', async () => {
        const folder = await deps(planned, io, false);
        const finished = await finishInterruptedRestore(folder);
        if (finished) io.err(`note: ${finished}`);
        return restoreBackup(folder, text, {
          acceptEdited: values['accept-edited'],
          preview: !values.yes,
        });
      });
    } finally {
      if (planned !== dataDir) await rm(planned, { recursive: true, force: true });
    }
    if (isNew && report.isPreview) io.out(`${dataDir} does not exist yet: the restore will create it.`);
    io.out(formatRestoreReport(report));
    if (report.isPreview && report.changed)
      throw new UsageError('Nothing was changed yet: run the same command with --yes to restore.');
  });
}

/** The restore report (or its preview) in a few lines. */
export function formatRestoreReport(r: RestoreReport): string {
  if (r.isPreview) return formatRestorePreview(r);
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

/** What a restore would do, before it does it (the page shows the same words). */
export function formatRestorePreview(r: RestoreReport): string {
  const words = restorePreviewWords(r);
  const lines = [words.summary];
  if (words.webhookWarning) lines.push(`Warning: ${words.webhookWarning}`);
  if (words.leftOut) lines.push(words.leftOut);
  if (r.conflicts.length) {
    lines.push(`${r.conflicts.length} difference(s); this machine's values would be kept:`);
    for (const c of r.conflicts)
      lines.push(`  - ${c.orgName ? `${JSON.stringify(c.orgName)}: ` : ''}${c.message}`);
  }
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
