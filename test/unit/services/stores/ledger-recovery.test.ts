import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerEntry } from '@core/ledger-schema';
import { createMoneyService } from '../../../../main/services/money';
import type { OrgHistory } from '../../../../main/services/stores/history-store';
import { createLedgerStore, LEDGER_BACKUPS_KEPT } from '../../../../main/services/stores/ledger-store';
import { createProblemList } from '../../../../main/services/stores/store-problem';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cw-ledger-rec-'));
  dirs.push(d);
  return d;
};
afterEach(() =>
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })),
);

let clock = Date.UTC(2026, 10, 24, 12);
const ctx = () => ({ nowMs: () => (clock += 1000), problems: createProblemList() });
const purchase = (id: string, usd = 10): LedgerEntry => ({
  id,
  kind: 'purchase',
  atMs: Date.UTC(2026, 10, 1),
  micros: usd * 1e6,
  expiresAtMs: null,
  note: '',
});
const ORG = 'org_testorg001';
const ledgerPath = (dir: string) => join(dir, `ledger-${ORG}.json`);
const backupNames = (dir: string) =>
  readdirSync(join(dir, 'backups'))
    .filter((f) => f.startsWith(`ledger-${ORG}.`))
    .sort();

/** A ledger with `n` entries written one edit at a time (so backups exist). */
async function populated(dir: string, n: number) {
  const store = createLedgerStore(dir, ctx());
  for (let i = 0; i < n; i++)
    await store.update(ORG, (l) => ({ ...l, entries: [...l.entries, purchase(`e${i}`)] }));
  return store;
}

describe('a damaged ledger falls back to its backups', () => {
  it('restores the newest backup that loads, says so, keeps the damaged file, and saves what came back', async () => {
    const dir = tempDir();
    await populated(dir, 5);
    writeFileSync(ledgerPath(dir), readFileSync(ledgerPath(dir), 'utf8').slice(0, 40)); // truncated
    const c = ctx();
    const store = createLedgerStore(dir, c);
    // Every state written is backed up: nothing the user entered is lost.
    expect((await store.get(ORG)).entries.map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    const [problem] = c.problems.list();
    expect(problem?.message).toMatch(
      /restored the backup of 2026-\d\d-\d\d \d\d:\d\d UTC \(5 entries, prepaid billing\)/,
    );
    expect(problem?.message).toMatch(/anything entered after that time is missing/);
    expect(readFileSync(problem!.quarantinedAs!, 'utf8')).toHaveLength(40);
    // Written back: the next start loads it without help and reports nothing.
    const again = ctx();
    expect((await createLedgerStore(dir, again).get(ORG)).entries).toHaveLength(5);
    expect(again.problems.list()).toEqual([]);
  });

  it('skips backups that do not load either', async () => {
    const dir = tempDir();
    await populated(dir, 4);
    writeFileSync(ledgerPath(dir), '');
    const newest = backupNames(dir).at(-1)!;
    writeFileSync(join(dir, 'backups', newest), '{"version":1,"entries":[{"id":"x"}]}');
    const store = createLedgerStore(dir, ctx());
    expect((await store.get(ORG)).entries).toHaveLength(3);
  });

  it('never rotates away the backups that were there when a load failed', async () => {
    const dir = tempDir();
    await populated(dir, LEDGER_BACKUPS_KEPT + 2);
    const before = backupNames(dir);
    expect(before).toHaveLength(LEDGER_BACKUPS_KEPT);
    // Every backup unreadable too: the ledger starts empty; the backups stay precious.
    for (const b of before) writeFileSync(join(dir, 'backups', b), '{');
    writeFileSync(ledgerPath(dir), '{');
    const c = ctx();
    const store = createLedgerStore(dir, c);
    expect((await store.get(ORG)).entries).toEqual([]);
    expect(c.problems.list()[0]?.message).toMatch(
      /none of its 10 backups could be read either.*Its backups are kept/,
    );
    for (let i = 0; i < LEDGER_BACKUPS_KEPT + 5; i++)
      await store.update(ORG, (l) => ({ ...l, entries: [...l.entries, purchase(`n${i}`)] }));
    const after = backupNames(dir);
    for (const b of before) expect(after).toContain(b);
    expect(after).toHaveLength(2 * LEDGER_BACKUPS_KEPT);
  });

  it('lists backups with their entry counts and restores one (the ledger as it was stays restorable)', async () => {
    const dir = tempDir();
    const store = await populated(dir, 3);
    const list = await store.backups(ORG);
    expect(list.map((b) => b.entries)).toEqual([3, 2, 1]);
    await store.restore(ORG, list[2]!.name);
    expect((await store.get(ORG)).entries.map((e) => e.id)).toEqual(['e0']);
    expect((await store.backups(ORG)).map((b) => b.entries)).toEqual([1, 3, 2, 1]);
    await expect(store.restore(ORG, 'ledger-nope.json')).rejects.toThrow(/no backup named/);
  });
});

describe('duplicate ids', () => {
  it('merges identical copies and keeps differing ones under a new id on load, with a report', async () => {
    const dir = tempDir();
    const a = purchase('a');
    writeFileSync(
      ledgerPath(dir),
      JSON.stringify({ version: 1, entries: [a, a, { ...a, micros: 5e6 }, purchase('b')] }),
    );
    const c = ctx();
    const entries = (await createLedgerStore(dir, c).get(ORG)).entries;
    expect(entries.map((e) => [e.id, e.kind === 'purchase' && e.micros])).toEqual([
      ['a', 10e6],
      ['a~2', 5e6],
      ['b', 10e6],
    ]);
    expect(c.problems.list()[0]?.message).toMatch(
      /1 identical copy of entry a was merged\. Entry a appeared with different contents; the other version is kept as a~2\./,
    );
  });

  it('stores the same entry sent several times at once exactly once', async () => {
    const ledgers = createLedgerStore(tempDir(), ctx());
    const money = createMoneyService({
      ledgers,
      history: async () => ({}) as OrgHistory,
      nowMs: () => Date.UTC(2026, 10, 24),
      orgOf: (id) => ({ id, name: 'Acme', kind: 'live', provider: 'openai', baseUrl: null, createdAtMs: 0 }),
    });
    const sent = purchase('same');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => money.addEntry(ORG, sent)));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await ledgers.get(ORG)).entries.map((e) => e.id)).toEqual(['same']);
    await expect(money.addEntry(ORG, { ...sent, micros: 1 } as LedgerEntry)).rejects.toThrow(
      /already exists/,
    );
  });
});

describe('file modes', () => {
  it('creates ledgers and backups 0600 in a data folder that is 0755, and its own folders 0700', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    await populated(dir, 2);
    expect(statSync(ledgerPath(dir)).mode & 0o777).toBe(0o600);
    for (const b of backupNames(dir)) expect(statSync(join(dir, 'backups', b)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
  });
});
