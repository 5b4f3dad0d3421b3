/**
 * `creditwatch status [--data-dir DIR] [--no-sync] [--json] [--check]`: each account's answer — how it
 * pays, credit left, when it runs out or reloads next, what the card is charged by month end, expiring
 * credit, this month and today — in the same words as the page, then the active alerts. With `--check`
 * the exit code is 1 only when an alert that needs action is active (credit low, running out, sync
 * failing, spend limit near) or this run's sync failed, and the output says which.
 */
import { parseArgs } from 'node:util';
import { needsAction } from '@core/alerts/action-needed';
import { openCommandApp } from './command-app';
import { parseNowFlag } from './flags';
import { defaultDataDir } from '../host/data-dir';
import { assertDataFolder } from './data-folder';
import type { CommandIo } from './io';
import { FolderBusyError, folderHolder, lockDataFolder, type FolderLock } from '../services/folder-lock';
import { alertLines, statusJson, statusLines } from './status-text';
import { terminalSafe } from './terminal-text';

const USAGE = `Usage: creditwatch status [--data-dir DIR] [--no-sync] [--json] [--check] [--now ISO]

Syncs every account once, then prints each account's figures and the active alerts.
  --data-dir DIR  the data folder (default: the app's)
  --no-sync       print what is stored, without syncing first
  --json          the same figures as JSON (values in micro-units, and their words)
  --check         exit 1 when an alert that needs action is active, or a sync failed
  --now ISO       the instant to answer for (demo accounts only), e.g. 2026-12-07T09:00:00Z`;

/** Syncs every org once (unless --no-sync), then prints each account's answer, or JSON. */
export async function runStatusCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'no-sync': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const nowMs = values.now === undefined ? null : parseNowFlag(values.now);
  await assertDataFolder(dataDir);
  // Beside a running app (or serve) on this folder: answer from what it last stored, without syncing or
  // writing, so the two never overwrite each other; the exit code still follows the alerts.
  let holder: { pid: number } | null = await folderHolder(dataDir);
  let lock: FolderLock | null = null;
  if (!holder) {
    lock = await lockDataFolder(dataDir, { purpose: 'status' }).catch((err: unknown) => {
      if (err instanceof FolderBusyError)
        holder = err.holder; // it started a moment ago: read only
      else if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // ENOENT: no folder, none to share
      return null;
    });
  }
  const isShared = holder !== null;
  if (holder)
    io.err(
      `note: Creditwatch is running on this folder (pid ${holder.pid}); these are its latest figures, not synced now.`,
    );
  const app = await openCommandApp({ dataDir, version, nowMs, readOnly: isShared }).catch(
    async (err: unknown) => {
      await lock?.release();
      throw err;
    },
  );
  try {
    const { orgs } = await app.handlers['orgs:list']({});
    for (const org of orgs)
      if (!values['no-sync'] && !isShared) await app.sync.syncOrg(org.id, { force: true });
    const failed = orgs.filter((o) => app.sync.status(o.id).state === 'error').map((o) => o.name);
    const { answers } = await app.handlers['answer:list']({});
    // Evaluated but not saved: a desktop app on the same folder still gets to notify.
    const { active } = await app.alerts.preview();
    const needing = active.filter(needsAction);
    if (values.json) io.out(JSON.stringify(statusJson(answers, active), null, 2));
    else {
      for (const a of answers) for (const line of statusLines(a)) io.out(line);
      for (const line of alertLines(active)) io.out(line);
    }
    if (values.check && !values.json) {
      if (needing.length > 0) io.err(`Needs action: ${needing.map((a) => terminalSafe(a.title)).join('; ')}`);
      if (failed.length > 0) io.err(`Sync failed: ${failed.map(terminalSafe).join(', ')}`);
    }
    if (failed.length > 0) return 1;
    return values.check && needing.length > 0 ? 1 : 0;
  } finally {
    await app.close();
    await lock?.release();
  }
}
