// A restore while the host runs: through the host it lands, and the next edits in the page keep it (the
// host writes from what it holds, so what it restored must be what it holds). The command-line restore
// beside a running host is refused with words instead (one-writer.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { createApp } from '../../main/app/create-app';
import { createBackupText } from '../../main/services/backup';
import { createFileSecretStore } from '../../main/services/secrets';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

// An instant in the past of any machine running this (a real account runs on the real clock).
const NOW = Date.UTC(2025, 0, 10, 12);
const ORG: Org = {
  id: 'org_restorerunning',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: NOW,
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cw-restore-running-'));
});
afterEach(async () => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

/** A backup from another folder: one account with two purchases. */
async function backupText(): Promise<string> {
  const dir = join(root, 'source');
  const settings = await openSettingsStore(dir, { nowMs: () => NOW });
  const ledgers = createLedgerStore(dir, { nowMs: () => NOW });
  await ledgers.update(ORG.id, (l) => ({
    ...l,
    entries: ['p1', 'p2'].map((id, i) => ({
      id,
      kind: 'purchase' as const,
      atMs: NOW - (i + 1) * 86_400_000,
      micros: 50e6,
      expiresAtMs: null,
      note: '',
    })),
  }));
  await settings.update((s) => ({ ...s, orgs: [ORG] }));
  return createBackupText({ settings, ledgers, dataDir: dir, nowMs: () => NOW, appVersion: 't' });
}

const open = (dataDir: string) =>
  createApp({
    dataDir,
    version: 't',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
  });

describe('a restore while the host runs', () => {
  it('lands through the host and survives the next edits and a restart', async () => {
    const dataDir = join(root, 'target');
    const text = await backupText();
    const app = await open(dataDir);
    try {
      const result = await app.handlers['backup:restore']({ text });
      expect(result).toMatchObject({ orgsAdded: ['Acme'], entriesAdded: 2 });
      // The next edits: an entry on the restored account, and the display zone.
      await app.handlers['ledger:addEntry']({
        orgId: ORG.id,
        entry: {
          id: 'p3',
          kind: 'purchase',
          atMs: NOW - 3_600_000,
          micros: 10e6,
          expiresAtMs: null,
          note: '',
        },
      });
      await app.settings.update((s) => ({ ...s, timeZone: 'Europe/Berlin' }));
      expect((await app.handlers['ledger:get']({ orgId: ORG.id })).entries.map((e) => e.id).sort()).toEqual([
        'p1',
        'p2',
        'p3',
      ]);
    } finally {
      await app.close();
    }
    const again = await open(dataDir);
    try {
      expect((await again.handlers['orgs:list']({})).orgs.map((o) => o.name)).toEqual(['Acme']);
      expect((await again.handlers['ledger:get']({ orgId: ORG.id })).entries.map((e) => e.id).sort()).toEqual(
        ['p1', 'p2', 'p3'],
      );
      expect(again.settings.get().timeZone).toBe('Europe/Berlin');
    } finally {
      await again.close();
    }
  }, 60_000);
});
