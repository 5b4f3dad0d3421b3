import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerEntry } from '@core/ledger-schema';
import { createLedgerStore, LEDGER_BACKUPS_KEPT } from '../../../../main/services/stores/ledger-store';
import { createProblemList } from '../../../../main/services/stores/store-problem';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cw-ledger-'));
  dirs.push(d);
  return d;
};
afterEach(() =>
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })),
);

let clock = Date.UTC(2026, 10, 24, 12);
const ctx = () => ({ nowMs: () => (clock += 1000), problems: createProblemList() });
const entry = (id: string, usd = 10): LedgerEntry => ({
  id,
  kind: 'observation',
  atMs: 1_700_000_000_000,
  balanceMicros: usd * 1e6,
  note: '',
});
const ORG = 'org_testorg001';

describe('ledger store', () => {
  it('starts empty (prepaid, no rule) and persists entries across reopen', async () => {
    const dir = tempDir();
    const store = createLedgerStore(dir, ctx());
    expect(await store.get(ORG)).toMatchObject({
      version: 1,
      entries: [],
      billing: { mode: 'prepaid', reload: null },
    });
    await store.update(ORG, (l) => ({ ...l, entries: [entry('a')] }));
    const again = createLedgerStore(dir, ctx());
    expect((await again.get(ORG)).entries.map((e) => e.id)).toEqual(['a']);
  });

  it('keeps a rotating backup of every state written', async () => {
    const dir = tempDir();
    const store = createLedgerStore(dir, ctx());
    for (let i = 0; i < LEDGER_BACKUPS_KEPT + 5; i++) {
      await store.update(ORG, (l) => ({ ...l, entries: [...l.entries, entry(`e${i}`)] }));
    }
    const backups = readdirSync(join(dir, 'backups'))
      .filter((f) => f.startsWith(`ledger-${ORG}.`))
      .sort();
    expect(backups).toHaveLength(LEDGER_BACKUPS_KEPT);
    // The newest backup is the state of the last write.
    const newest = JSON.parse(readFileSync(join(dir, 'backups', backups.at(-1)!), 'utf8'));
    expect(newest.entries).toHaveLength(LEDGER_BACKUPS_KEPT + 5);
  });

  it('applies quick successive edits one after another, losing none', async () => {
    const store = createLedgerStore(tempDir(), ctx());
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        store.update(ORG, (l) => ({ ...l, entries: [...l.entries, entry(id)] })),
      ),
    );
    expect((await store.get(ORG)).entries.map((e) => e.id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses an invalid ledger before touching the disk', async () => {
    const dir = tempDir();
    const store = createLedgerStore(dir, ctx());
    await store.update(ORG, (l) => ({ ...l, entries: [entry('a')] }));
    const before = readFileSync(join(dir, `ledger-${ORG}.json`), 'utf8');
    await expect(
      store.update(ORG, (l) => ({ ...l, entries: [{ ...entry('b'), balanceMicros: 1.5 }] })),
    ).rejects.toThrow();
    expect(readFileSync(join(dir, `ledger-${ORG}.json`), 'utf8')).toBe(before);
  });

  it('sets a corrupt ledger aside, reports it, and never writes over it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `ledger-${ORG}.json`), '{"version":1,"entries":[{"id":"x", oops');
    const c = ctx();
    const store = createLedgerStore(dir, c);
    expect((await store.get(ORG)).entries).toEqual([]);
    const [problem] = c.problems.list();
    expect(problem?.message).toMatch(/could not be read/);
    expect(problem?.quarantinedAs).toMatch(/\.corrupt-/);
    expect(readFileSync(problem!.quarantinedAs!, 'utf8')).toContain('oops');
  });

  it('archives the ledger of a removed org instead of deleting it', async () => {
    const dir = tempDir();
    const store = createLedgerStore(dir, ctx());
    await store.update(ORG, (l) => ({ ...l, entries: [entry('keep-me')] }));
    await store.archive(ORG);
    expect(existsSync(join(dir, `ledger-${ORG}.json`))).toBe(false);
    const [archived] = readdirSync(join(dir, 'removed'));
    expect(readFileSync(join(dir, 'removed', archived!), 'utf8')).toContain('keep-me');
  });
});
