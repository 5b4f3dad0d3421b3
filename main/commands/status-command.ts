/**
 * `creditwatch status [--data-dir DIR] [--no-sync] [--json]`: each organization's month-to-date spend,
 * today's provisional spend and sync state — for scripts and terminals.
 */
import { parseArgs } from 'node:util';
import { formatUsd } from '@core/money';
import { createApp } from '../app/create-app';
import { defaultDataDir } from '../host/data-dir';
import { createFileSecretStore } from '../services/secrets';
import type { CommandIo } from './io';
import { terminalSafe } from './terminal-text';

/** Syncs every org once (unless --no-sync), then prints one line per org or a JSON array. */
export async function runStatusCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'no-sync': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out('Usage: creditwatch status [--data-dir DIR] [--no-sync] [--json]');
    return 0;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const app = await createApp({
    dataDir,
    version,
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    envAdminKey: process.env.OPENAI_ADMIN_KEY ?? null,
  });
  try {
    const { orgs } = await app.handlers['orgs:list']({});
    const rows = [];
    for (const org of orgs) {
      if (!values['no-sync']) await app.sync.syncOrg(org.id, { force: true });
      rows.push(await app.handlers['dashboard:get']({ orgId: org.id }));
    }
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    for (const d of values.json ? [] : rows) {
      const asOf = d.asOfMs ? new Date(d.asOfMs).toLocaleString() : 'never synced';
      const error = d.sync.lastError ? ` — sync error: ${terminalSafe(d.sync.lastError.message)}` : '';
      io.out(
        `${terminalSafe(d.org.name)}: month to date ${formatUsd(d.monthToDate.totalMicros)} (today ${formatUsd(d.today.costMicros)}, provisional) as of ${asOf}${error}`,
      );
    }
    return rows.some((d) => d.sync.state === 'error') ? 1 : 0;
  } finally {
    await app.close();
  }
}
