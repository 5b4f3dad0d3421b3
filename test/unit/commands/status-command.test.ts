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
      /Active alerts \(1\):\n {2}\[warning\] Acme: credit low — About \$5\.00 of credit left/,
    );
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
    expect(lines).toMatch(/^Acme \(OpenAI, USD\): month to date \$0\.00 /m);
    expect(lines).toMatch(/^Claude team \(Anthropic, USD\): month to date \$0\.00 /m);
    expect(lines).toMatch(
      /^DeepSeek \(DeepSeek, CNY\): month to date CN¥\d+\.\d\d \(today CN¥\d+\.\d\d, provisional\), balance CN¥56\.00 as DeepSeek reported it, as of /m,
    );
    const json = io();
    await runStatusCommand(['--data-dir', dir, '--no-sync', '--json'], json, '0.0.0');
    const rows = JSON.parse(json.lines.join('')) as Array<{ currency: string; org: { provider: string } }>;
    expect(rows.map((r) => `${r.org.provider} ${r.currency}`)).toEqual([
      'openai USD',
      'anthropic USD',
      'deepseek CNY',
    ]);
  });
});
