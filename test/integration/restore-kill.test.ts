// A restore killed (SIGKILL, a real process) after writing its ledgers and before writing its settings is
// finished at the next start and reported: no ledger is left without its account, unreported.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { createApp } from '../../main/app/create-app';
import { createBackupText } from '../../main/services/backup';
import { createFileSecretStore } from '../../main/services/secrets';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

const NOW = Date.UTC(2026, 10, 18, 15, 20);
const child = new URL('./restore-child.ts', import.meta.url).pathname;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cw-restore-kill-'));
});
afterAll(async () => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

/** A backup of three accounts, each with one purchase. */
async function backupFile(): Promise<string> {
  const dir = join(root, 'source');
  const settings = await openSettingsStore(dir, { nowMs: () => NOW });
  const ledgers = createLedgerStore(dir, { nowMs: () => NOW });
  const orgs: Org[] = ['Acme', 'Beta', 'Gamma'].map((name, i) => ({
    id: `org_kill0000000${i}`,
    name,
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: NOW,
  }));
  for (const o of orgs)
    await ledgers.update(o.id, (l) => ({
      ...l,
      entries: [
        { id: `p-${o.id}`, kind: 'purchase', atMs: NOW - 1e9, micros: 1e8, expiresAtMs: null, note: '' },
      ],
    }));
  await settings.update((s) => ({ ...s, orgs }));
  const text = await createBackupText({ settings, ledgers, dataDir: dir, nowMs: () => NOW, appVersion: 't' });
  const file = join(root, 'backup.json');
  await writeFile(file, text);
  return file;
}

/** Runs the child until it has written the ledgers, then kills it with SIGKILL. */
function restoreAndKill(dataDir: string, file: string): Promise<void> {
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

describe('a restore killed between its ledger writes and its settings write', () => {
  it('is finished at the next start, and the page is told', async () => {
    const file = await backupFile();
    const dataDir = join(root, 'target');
    await restoreAndKill(dataDir, file);
    const files = await readdir(dataDir);
    expect(files.filter((n) => n.startsWith('ledger-')).length, 'the ledgers were written').toBe(3);
    expect((await openSettingsStore(dataDir)).get().orgs, 'and the settings were not').toEqual([]);

    const app = await createApp({
      dataDir,
      version: 't',
      transport: 'http',
      secrets: createFileSecretStore(dataDir),
    });
    try {
      const { orgs } = await app.handlers['orgs:list']({});
      expect(orgs.map((o) => o.name)).toEqual(['Acme', 'Beta', 'Gamma']);
      for (const o of orgs)
        expect((await app.handlers['ledger:get']({ orgId: o.id })).entries).toHaveLength(1);
      const { problems } = await app.handlers['app:problems']({});
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /was cut off before it finished; Creditwatch finished it now\. 3 accounts added now \(Acme, Beta, Gamma\)/,
      );
    } finally {
      await app.close();
    }
  }, 60_000);
});
