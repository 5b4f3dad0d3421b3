// A restore killed at its most fragile moment, for the test and the crash-loop benchmark: a backup file of
// three accounts, and a real process (restore-child.ts) that restores it and is SIGKILLed after writing the
// ledgers and before writing the settings.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Org } from '@core/schemas';
import { createApp, type App } from '../../main/app/create-app';
import { createBackupText } from '../../main/services/backup';
import { createFileSecretStore } from '../../main/services/secrets';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

/** The instant the backup is made at (restore-child.ts restores at the same one). */
export const RESTORE_NOW = Date.UTC(2026, 10, 18, 15, 20);
/** The accounts' names, in the order they are stored. */
const RESTORE_ACCOUNTS = ['Acme', 'Beta', 'Gamma'] as const;

const child = new URL('./restore-child.ts', import.meta.url).pathname;

/**
 * Writes `root/backup.json`: a backup of three live accounts (made in `root/source`), each with one purchase.
 * Returns the file and the accounts' ids.
 */
export async function threeAccountBackup(root: string): Promise<{ file: string; orgIds: string[] }> {
  const dir = join(root, 'source');
  const nowMs = () => RESTORE_NOW;
  const settings = await openSettingsStore(dir, { nowMs });
  const ledgers = createLedgerStore(dir, { nowMs });
  const orgs: Org[] = RESTORE_ACCOUNTS.map((name, i) => ({
    id: `org_restore0000${i}`,
    name,
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: RESTORE_NOW,
  }));
  for (const o of orgs)
    await ledgers.update(o.id, (l) => ({
      ...l,
      entries: [
        {
          id: `p-${o.id}`,
          kind: 'purchase',
          atMs: RESTORE_NOW - 1e9,
          micros: 1e8,
          expiresAtMs: null,
          note: '',
        },
      ],
    }));
  await settings.update((s) => ({ ...s, orgs }));
  const text = await createBackupText({ settings, ledgers, dataDir: dir, nowMs, appVersion: 'test' });
  const file = join(root, 'backup.json');
  await writeFile(file, text);
  return { file, orgIds: orgs.map((o) => o.id) };
}

/** Starts the app on `dataDir`, as the next start after a kill would (close it when done). */
export function startAppOn(dataDir: string): Promise<App> {
  return createApp({ dataDir, version: 'test', transport: 'http', secrets: createFileSecretStore(dataDir) });
}

/** Restores `file` into `dataDir` in a child process until its ledgers are written, then SIGKILLs it. */
export function restoreAndKill(dataDir: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('LEDGERS-WRITTEN')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the restore was not killed mid-way:\n${out}`)),
    );
  });
}
