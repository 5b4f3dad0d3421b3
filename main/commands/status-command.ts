/**
 * `creditwatch status [--data-dir DIR] [--no-sync] [--json] [--check]`: each organization's provider,
 * month-to-date spend and today's provisional spend in its own currency (and, where the provider reports
 * it, the balance it last reported), sync state and active alerts — for scripts, terminals and cron. With
 * `--check` the exit code is 1 when an alert is active (or a sync failed), so monitoring can act on it.
 */
import { parseArgs } from 'node:util';
import type { Dashboard } from '@core/dashboard';
import { formatMoney } from '@core/money';
import { PROVIDERS } from '@core/providers';
import { createApp } from '../app/create-app';
import { defaultDataDir } from '../host/data-dir';
import { assertDataFolder } from './data-folder';
import { createFileSecretStore } from '../services/secrets';
import type { CommandIo } from './io';
import { FolderBusyError, folderHolder, lockDataFolder, type FolderLock } from '../services/folder-lock';
import { terminalSafe } from './terminal-text';

/** Syncs every org once (unless --no-sync), then prints one line per org or a JSON array. */
export async function runStatusCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'no-sync': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out('Usage: creditwatch status [--data-dir DIR] [--no-sync] [--json] [--check]');
    return 0;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
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
  const app = await createApp({
    dataDir,
    version,
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    envAdminKey: process.env.OPENAI_ADMIN_KEY ?? null,
    envBaseUrl: process.env.OPENAI_BASE_URL ?? null,
    readOnly: isShared,
  }).catch(async (err: unknown) => {
    await lock?.release();
    throw err;
  });
  try {
    const { orgs } = await app.handlers['orgs:list']({});
    const rows: Dashboard[] = [];
    const apiBalances = new Map<string, { atMs: number; balanceMicros: number } | null>();
    for (const org of orgs) {
      if (!values['no-sync'] && !isShared) await app.sync.syncOrg(org.id, { force: true });
      rows.push(await app.handlers['dashboard:get']({ orgId: org.id }));
      if (PROVIDERS[org.provider].source === 'balance') {
        const money = await app.handlers['money:get']({ orgId: org.id }).catch(() => null);
        apiBalances.set(org.id, money?.apiBalance ?? null);
      }
    }
    // Evaluated but not saved: a desktop app on the same folder still gets to notify.
    const { active } = await app.alerts.preview();
    if (values.json) io.out(JSON.stringify(values.check ? { orgs: rows, alerts: active } : rows, null, 2));
    for (const d of values.json ? [] : rows) io.out(statusLine(d, apiBalances.get(d.org.id) ?? null));
    if (!values.json) {
      io.out(active.length === 0 ? 'No active alerts.' : `Active alerts (${active.length}):`);
      for (const a of active) io.out(`  [${a.severity}] ${a.title} — ${a.body}`);
    }
    const hasSyncError = rows.some((d) => d.sync.state === 'error');
    return hasSyncError || (values.check && active.length > 0) ? 1 : 0;
  } finally {
    await app.close();
    await lock?.release();
  }
}

/**
 * One organization's line: name, provider, spend in its currency, the API's balance where it reports one.
 *
 * Example: "DeepSeek (DeepSeek, CNY): month to date CN¥30.00 (today CN¥2.10, provisional), balance
 * CN¥56.00 as DeepSeek reported it, as of 12/2/2026, 10:00:00 AM".
 */
export function statusLine(d: Dashboard, apiBalance: { atMs: number; balanceMicros: number } | null): string {
  const money = (m: number) => formatMoney(m, d.currency);
  const provider = PROVIDERS[d.org.provider].name;
  const asOf = d.asOfMs ? new Date(d.asOfMs).toLocaleString() : 'never synced';
  const error = d.sync.lastError ? ` — sync error: ${terminalSafe(d.sync.lastError.message)}` : '';
  const balance = apiBalance ? `, balance ${money(apiBalance.balanceMicros)} as ${provider} reported it` : '';
  return `${terminalSafe(d.org.name)} (${provider}, ${d.currency}): month to date ${money(d.monthToDate.totalMicros)} (today ${money(d.today.costMicros)}, provisional)${balance}, as of ${asOf}${error}`;
}
