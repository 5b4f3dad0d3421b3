// `creditwatch status --check`: active alerts are printed, and the exit code says whether one is active.
// The data folder holds one org whose ledger says $5 of credit (recorded in 2020, so the figure does not
// depend on today's date) and --no-sync keeps the network out.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CURSOR } from '@core/sync-plan';
import { runStatusCommand } from '../../../main/commands/status-command';
import { runBalanceSync } from '../../../main/services/balance-sync-run';
import type { BalanceApi } from '../../../main/services/providers/port';
import { openOrgHistory } from '../../../main/services/stores/history-store';
import type { CommandIo } from '../../../main/commands/io';

const ORG = 'org_statuscheck1';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-status-'));
  const org = {
    id: ORG,
    name: 'Acme',
    kind: 'demo',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: Date.UTC(2026, 0, 1),
  };
  await writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({ version: 1, orgs: [org], selectedOrgId: ORG }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function io(): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}

const ledger = (usd: number) =>
  writeFile(
    join(dir, `ledger-${ORG}.json`),
    JSON.stringify({
      version: 1,
      entries: [
        { id: 'obs1', kind: 'observation', atMs: Date.UTC(2020, 0, 1), balanceMicros: usd * 1e6, note: '' },
      ],
    }),
  );

describe('status --check', () => {
  it('prints the active alert and exits 1 with --check (0 without)', async () => {
    await ledger(5);
    const a = io();
    expect(await runStatusCommand(['--data-dir', dir, '--no-sync', '--check'], a, '0.0.0')).toBe(1);
    expect(a.lines.join('\n')).toMatch(
      /Active alerts \(1\):\n {2}\[warning\] \[needs action\] Acme: credit low — About \$5\.00 of credit left/,
    );
    expect(a.lines).toContain('  credit left: $5.00');
    expect(a.lines).toContain('Needs action: Acme: credit low');
    expect(await runStatusCommand(['--data-dir', dir, '--no-sync'], io(), '0.0.0')).toBe(0);
  });

  it('exits 0 with --check when nothing is active, and never uses up a notification', async () => {
    await ledger(500);
    const a = io();
    expect(await runStatusCommand(['--data-dir', dir, '--no-sync', '--check'], a, '0.0.0')).toBe(0);
    expect(a.lines).toContain('No active alerts.');
    await ledger(5);
    await runStatusCommand(['--data-dir', dir, '--no-sync', '--check'], io(), '0.0.0');
    // The preview saved nothing: a desktop app on this folder still has the episode to notify.
    const state = await readFile(join(dir, 'alerts.json'), 'utf8').catch(() => null);
    expect(state === null || !state.includes('low-credit')).toBe(true);
  });
});

describe('status --check and alerts that only inform', () => {
  it('exits 0 while only an informational alert is active, 1 once one needs action, and says which', async () => {
    // A grant of $500 that expires on 10 Dec 2026, recorded by itself: at 7 Dec it is "credit expiring"
    // (informational). The clock is pinned with --now: the machine's date does not matter.
    const grant = {
      id: 'grant1',
      kind: 'grant',
      atMs: Date.UTC(2026, 10, 1),
      micros: 500_000_000,
      expiresAtMs: Date.UTC(2026, 11, 10),
      note: '',
    };
    await writeFile(join(dir, `ledger-${ORG}.json`), JSON.stringify({ version: 1, entries: [grant] }));
    const now = ['--now', '2026-12-07T09:00:00Z'];
    const a = io();
    expect(await runStatusCommand(['--data-dir', dir, '--no-sync', '--check', ...now], a, '0.0.0')).toBe(0);
    expect(a.lines.join('\n')).toMatch(/^ {2}\[\w+\] Acme: .*expir/m);
    expect(a.lines.join('\n')).not.toMatch(/needs action/i);
    const low = {
      id: 'obs1',
      kind: 'observation',
      atMs: Date.UTC(2026, 11, 7, 8),
      balanceMicros: 5e6,
      note: '',
    };
    await writeFile(join(dir, `ledger-${ORG}.json`), JSON.stringify({ version: 1, entries: [grant, low] }));
    const b = io();
    expect(await runStatusCommand(['--data-dir', dir, '--no-sync', '--check', ...now], b, '0.0.0')).toBe(1);
    expect(b.lines).toContain('Needs action: Acme: credit low');
  });

  it('answers --help with what each flag does', async () => {
    const a = io();
    expect(await runStatusCommand(['--help'], a, '0.0.0')).toBe(0);
    expect(a.lines.join('\n')).toMatch(/--check +exit 1 when an alert that needs action is active/);
  });
});

describe('status with accounts on several providers', () => {
  it("prints each account's figures in its own currency, naming the provider and the balance it reported", async () => {
    const ds = {
      id: 'org_deepseek01',
      name: 'DeepSeek',
      kind: 'demo',
      provider: 'deepseek',
      baseUrl: null,
      createdAtMs: Date.UTC(2026, 0, 1),
    };
    const claude = { ...ds, id: 'org_claude0001', name: 'Claude team', provider: 'anthropic' };
    const openai = { ...ds, id: ORG, name: 'Acme', provider: 'openai' };
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, orgs: [openai, claude, ds], selectedOrgId: ORG }),
    );
    // Two readings of the DeepSeek balance in CNY, 2020 (fixed instants: the machine date does not matter).
    const t0 = Date.UTC(2020, 0, 1, 8);
    const history = await openOrgHistory(join(dir, 'history', ds.id), { nowMs: () => t0 });
    let balance = 64_000_000;
    const api = {
      balances: async () => [
        {
          currency: 'CNY',
          balanceMicros: (balance -= 4_000_000),
          creditsMicros: null,
          usageMicros: null,
          grantedMicros: null,
          toppedUpMicros: null,
        },
      ],
    } as unknown as BalanceApi;
    let cursor = EMPTY_CURSOR;
    for (const at of [t0, t0 + 3_600_000]) {
      cursor = (await runBalanceSync({ api, history, cursor, nowMs: at, currency: null })).cursor;
      await history.saveSync(
        { state: 'ok', lastAttemptMs: at, lastSuccessMs: at, failures: 0, lastError: null },
        cursor,
      );
    }
    const a = io();
    await runStatusCommand(['--data-dir', dir, '--no-sync'], a, '0.0.0');
    const lines = a.lines.join('\n');
    // Every provider leads with its answer; what cannot be known yet is said in words, never as $0.00.
    expect(lines).toMatch(
      /^Acme \(OpenAI, USD\) \[demo\] — not set — say how this account pays\n {2}credit left: not known yet — record the balance your billing page shows$/m,
    );
    expect(lines).toMatch(
      /^Claude team \(Anthropic, USD\) \[demo\] — not set — say how this account pays\n {2}credit left: not known yet — record the balance your billing page shows$/m,
    );
    expect(lines).toMatch(
      /^DeepSeek \(DeepSeek, CNY\) \[demo\] — prepaid balance read from DeepSeek\n {2}credit left: CN¥56\.00$/m,
    );
    expect(lines).toMatch(/^ {2}this month: CN¥\d+\.\d\d$/m);
    expect(lines).toMatch(/^ {2}today: CN¥\d+\.\d\d so far \(estimate\)$/m);
    const json = io();
    await runStatusCommand(['--data-dir', dir, '--no-sync', '--json'], json, '0.0.0');
    const doc = JSON.parse(json.lines.join('')) as {
      accounts: Array<{
        currency: string;
        provider: string;
        figures: Record<string, { value: number | null; text: string }>;
      }>;
    };
    expect(doc.accounts.map((r) => `${r.provider} ${r.currency}`)).toEqual([
      'openai USD',
      'anthropic USD',
      'deepseek CNY',
    ]);
    // The same names, the value in micro-units and the same words as the text.
    expect(doc.accounts[2]?.figures['credit-left']).toMatchObject({ value: 56_000_000, text: 'CN¥56.00' });
    expect(doc.accounts[0]?.figures['credit-left']).toMatchObject({ value: null });
  });
});
