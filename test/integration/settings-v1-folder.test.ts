/**
 * A data folder written by the release that wrote settings version 1 (test/fixtures/settings-v1) opens in
 * this version with every organization, ledger entry, billing rule and setting kept; the file is upgraded
 * on the next save, and the version 1 backups still restore.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@core/backup/backup-file';
import type { LedgerFile } from '@core/ledger-schema';
import { createApp, ENV_ORG_ID, type App } from '../../main/app/create-app';
import { restoreBackup, sha256Hex } from '../../main/services/backup';
import { createFileSecretStore } from '../../main/services/secrets';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

const FIXTURES = join(__dirname, '../fixtures/settings-v1');
// The instant the demo folder was written at (serve --now 2026-11-20T12:00:00Z), a few minutes on.
const NOW = Date.parse('2026-11-20T12:05:00Z');
const clock = { nowMs: () => NOW };

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0))
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});
function copyOf(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cw-v1-${folder}-`));
  made.push(dir);
  cpSync(join(FIXTURES, folder), dir, { recursive: true });
  return dir;
}
const byId = <E extends { id: string }>(entries: readonly E[]) =>
  [...entries].sort((a, b) => a.id.localeCompare(b.id));
const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
type V1Org = { id: string; name: string; kind: string; provider: string; demoProfile?: string };
type V1Settings = { version: number; orgs: V1Org[]; selectedOrgId: string; timeZone: string | null };

describe('a version 1 data folder', () => {
  it('opens the demo folder whole: every account, ledger entry and billing rule, then saves version 2', async () => {
    const dir = copyOf('demo');
    const before = json<V1Settings>(join(dir, 'settings.json'));
    expect(before.version).toBe(1);
    let app: App | null = null;
    try {
      app = await createApp({
        dataDir: dir,
        version: 't',
        transport: 'http',
        secrets: createFileSecretStore(dir),
        clock,
      });
      const { orgs } = await app.handlers['orgs:list']({});
      expect(orgs.map((o) => [o.id, o.name, o.kind, o.provider, o.demoProfile])).toEqual(
        before.orgs.map((o) => [o.id, o.name, 'demo', o.provider, o.demoProfile]),
      );
      for (const org of before.orgs) {
        const v1Ledger = json<LedgerFile>(join(dir, `ledger-${org.id}.json`));
        const shown = await app.handlers['ledger:get']({ orgId: org.id });
        expect(byId(shown.entries), org.name).toEqual(byId(v1Ledger.entries));
        expect(shown.billing, org.name).toEqual(v1Ledger.billing);
        // The history synced by the old version is read as it is.
        const dashboard = await app.handlers['dashboard:get']({ orgId: org.id });
        expect(dashboard.sync.state, org.name).toBe('ok');
      }
      expect((await app.handlers['settings:get']({})).selectedOrgId).toBe(before.selectedOrgId);
      expect((await app.handlers['app:problems']({})).problems).toEqual([]);

      await app.handlers['settings:update']({ backfillDays: 30 });
      const after = json<V1Settings>(join(dir, 'settings.json'));
      expect(after.version).toBe(2);
      expect(after.orgs.map((o) => o.id)).toEqual(before.orgs.map((o) => o.id));
      // The version 1 file is kept among the backups taken before the save.
      const backups = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('settings.'));
      expect(backups.some((n) => json<V1Settings>(join(dir, 'backups', n)).version === 1)).toBe(true);
    } finally {
      await app?.close();
    }
  });

  it('opens the environment-key folder: the live account, its ledger, reload rule and time zone', async () => {
    const dir = copyOf('envkey');
    const before = json<V1Settings>(join(dir, 'settings.json'));
    const v1Ledger = json<LedgerFile>(join(dir, `ledger-${ENV_ORG_ID}.json`));
    const settings = await openSettingsStore(dir, { nowMs: clock.nowMs });
    expect(settings.get().orgs).toEqual([{ ...before.orgs[0], kind: 'live' }]);
    expect(settings.get().timeZone).toBe('Europe/Berlin');
    const ledger = await createLedgerStore(dir, { nowMs: clock.nowMs }).get(ENV_ORG_ID);
    expect(ledger.entries.map((e) => e.id).sort()).toEqual(['buy-oct', 'seen-nov']);
    expect(ledger).toEqual(v1Ledger);
    expect(ledger.billing.reload?.thresholdMicros).toBe(20_000_000);
  });

  it('restores a version 1 backup: the account comes back live, with every ledger entry', async () => {
    const text = readFileSync(join(FIXTURES, 'backup-envkey.json'), 'utf8');
    expect((JSON.parse(text) as { version: number }).version).toBe(1);
    expect(parseBackup(text, sha256Hex).orgs.map((o) => [o.org.id, o.org.kind, o.org.provider])).toEqual([
      [ENV_ORG_ID, 'live', 'openai'],
    ]);
    const demos = parseBackup(readFileSync(join(FIXTURES, 'backup-demo.json'), 'utf8'), sha256Hex);
    expect(new Set(demos.orgs.map((o) => o.org.kind))).toEqual(new Set(['demo']));

    // A machine running with the environment key (its account listed, its ledger empty).
    const dir = mkdtempSync(join(tmpdir(), 'cw-v1-restore-'));
    made.push(dir);
    let t = NOW;
    const nowMs = () => t++;
    const settings = await openSettingsStore(dir, { nowMs });
    await settings.update((s) => ({
      ...s,
      orgs: [
        {
          id: ENV_ORG_ID,
          name: 'OpenAI (OPENAI_ADMIN_KEY)',
          kind: 'live',
          provider: 'openai',
          baseUrl: null,
          createdAtMs: NOW,
        },
      ],
    }));
    const ledgers = createLedgerStore(dir, { nowMs });
    await restoreBackup({ dataDir: dir, settings, ledgers, nowMs, appVersion: 't' }, text);
    const restored = await ledgers.get(ENV_ORG_ID);
    expect(restored.entries.map((e) => e.id).sort()).toEqual(['buy-oct', 'seen-nov']);
    expect(restored.billing.reload?.enabled).toBe(true);
    expect(settings.get().orgs.map((o) => o.kind)).toEqual(['live']);
  });
});
