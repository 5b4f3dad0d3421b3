// The fault suite: a populated data folder (the demo org synced, a ledger typed in several edits, an
// org with a stored key), then each kind of file damaged in each way, in a fresh copy. Every time: the
// app starts, every entry the user typed is still there (or restorable from a listed backup), the
// problem is reported in words, and re-fetchable data is back after one sync.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@core/ledger-schema';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { createApp, type App } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';
import type { SyncEngineTools } from '../../main/services/sync';

const OTHER = {
  id: 'org_other0000001',
  name: 'Other',
  kind: 'live',
  provider: 'openai',
  baseUrl: 'http://127.0.0.1:9/v1',
  createdAtMs: Date.UTC(2026, 0, 1),
};
const DAMAGE = {
  truncated: (text: string) => text.slice(0, Math.floor(text.length / 2)),
  empty: () => '',
  'invalid JSON': () => '{"version":1,,}',
  'wrong version': () => JSON.stringify({ version: 99 }),
  'fails the schema': () =>
    JSON.stringify({
      version: 1,
      entries: [{ id: 5 }],
      orgs: 'x',
      status: 1,
      days: 'x',
      projects: 3,
      hours: 'x',
      points: 'x',
    }),
} as const;

// The whole suite runs at one instant: a run that crossed midnight UTC compared settled days over a window
// that had moved by a day since the base folder was synced.
const NOW = Date.parse('2026-11-24T14:30:00Z');
const clock = { nowMs: () => NOW };

let base: string;
let demoId: string;
let entries: LedgerEntry[];
let settledCosts: string;
const open = (dataDir: string) =>
  createApp({
    dataDir,
    version: 't',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    demo: true,
    clock,
  });
const history = (app: App, orgId: string) => (app.sync as SyncEngineTools).history(orgId);
const settledDays = async (app: App) => {
  const today = startOfUtcDay(NOW);
  const days = await (
    await history(app, demoId)
  ).costDays({ startMs: today - 60 * DAY_MS, endMs: today - DAY_MS });
  return JSON.stringify(days);
};

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'cw-faults-base-'));
  writeFileSync(
    join(base, 'keys.json'),
    JSON.stringify({ version: 1, keys: { [OTHER.id]: 'sk-admin-other-0123456789' } }),
  );
  const app = await open(base);
  await app.settings.update((s) => ({ ...s, orgs: [...s.orgs, OTHER as (typeof s.orgs)[number]] }));
  demoId = app.settings.get().orgs.find((o) => o.kind === 'demo')!.id;
  expect((await app.sync.syncOrg(demoId, { force: true })).state).toBe('ok');
  const now = NOW;
  entries = [
    {
      id: 'obs-1',
      kind: 'observation',
      atMs: now - 5 * DAY_MS,
      balanceMicros: 120_000_000,
      note: 'billing page',
    },
    {
      id: 'buy-1',
      kind: 'purchase',
      atMs: now - 3 * DAY_MS,
      micros: 50_000_000,
      expiresAtMs: null,
      note: '',
    },
    {
      id: 'grant-1',
      kind: 'grant',
      atMs: now - 2 * DAY_MS,
      micros: 10_000_000,
      expiresAtMs: now + 30 * DAY_MS,
      note: '',
    },
  ];
  for (const entry of entries) await app.handlers['ledger:addEntry']({ orgId: demoId, entry });
  settledCosts = await settledDays(app);
  await app.close();
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

/** The files to damage, by kind (paths relative to the data folder). */
function targets(): Record<string, string> {
  const h = join('history', demoId);
  const inHistory = readdirSync(join(base, h));
  const first = (re: RegExp) =>
    join(
      h,
      inHistory.find((n) => re.test(n))!,
    );
  return {
    settings: 'settings.json',
    ledger: `ledger-${demoId}.json`,
    keys: 'keys.json',
    'sync status': join(h, 'sync.json'),
    'settled cost month': first(/^costs-\d{4}-\d{2}\.json$/),
    'recent costs': join(h, 'costs-recent.json'),
    'usage day': first(/^usage-\d{4}-\d{2}-\d{2}\.json$/),
    'project names': join(h, 'projects.json'),
    snapshots: first(/^snapshots-\d{4}-\d{2}-\d{2}\.json$/),
  };
}

describe('fault suite: every kind of file, damaged every way', () => {
  const kinds = [
    'settings',
    'ledger',
    'keys',
    'sync status',
    'settled cost month',
    'recent costs',
    'usage day',
    'project names',
    'snapshots',
  ];
  for (const kind of kinds) {
    for (const [how, damage] of Object.entries(DAMAGE)) {
      it(`${kind}, ${how}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cw-faults-'));
        cpSync(base, dir, { recursive: true });
        const file = join(dir, targets()[kind]!);
        writeFileSync(file, damage(readFileSync(file, 'utf8')));
        let app: App | null = null;
        if (kind === 'settings' && how === 'wrong version') {
          // Not damage: a newer Creditwatch's settings. Refused in words, and left exactly as it was.
          const before = readFileSync(file, 'utf8');
          await expect(open(dir)).rejects.toThrow(/written by a newer Creditwatch/);
          expect(readFileSync(file, 'utf8')).toBe(before);
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
          return;
        }
        try {
          app = await open(dir); // the host starts
          const { orgs } = await app.handlers['orgs:list']({});
          expect(orgs.map((o) => o.id)).toEqual(expect.arrayContaining([demoId, OTHER.id]));
          // Everything the user typed is shown, or restorable from a listed backup.
          const shown = (await app.handlers['ledger:get']({ orgId: demoId })).entries.map((e) => e.id);
          const missing = entries.filter((e) => !shown.includes(e.id));
          if (missing.length) {
            const { backups } = await app.handlers['ledger:backups']({ orgId: demoId });
            expect(backups.some((b) => (b.entries ?? 0) >= entries.length)).toBe(true);
          }
          // Re-fetchable data is back after one sync.
          expect((await app.sync.syncOrg(demoId, { force: true })).state).toBe('ok');
          expect(await settledDays(app)).toBe(settledCosts);
          const dashboard = await app.handlers['dashboard:get']({ orgId: demoId });
          expect(dashboard.sync.state).toBe('ok');
          // The problem is reported in words (files that only a sync reads are reported by then).
          const { problems } = await app.handlers['app:problems']({});
          expect(problems.length).toBeGreaterThan(0);
          expect(problems.map((p) => p.message).join(' ')).toMatch(/could not be read|cannot be read/);
          if (kind === 'keys') {
            expect(orgs.find((o) => o.id === OTHER.id)?.keyUnreadable).toBe(true);
          }
        } finally {
          await app?.close();
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
        }
      }, 30_000);
    }
  }
});
