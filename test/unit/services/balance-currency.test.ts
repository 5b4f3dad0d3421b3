// A hand-edited currency in balances.json is not trusted: a DeepSeek account recorded in CNY stays in
// CN¥ on every surface when the file is changed to say USD, and the next reading relabels the file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountCurrency } from '@core/providers';
import { EMPTY_CURSOR } from '@core/sync-plan';
import { runStatusCommand } from '../../../main/commands/status-command';
import type { CommandIo } from '../../../main/commands/io';
import { runBalanceSync } from '../../../main/services/balance-sync-run';
import type { BalanceApi } from '../../../main/services/providers/port';
import { openOrgHistory } from '../../../main/services/stores/history-store';

const ORG = 'org_dscurrency01';
const T0 = Date.UTC(2020, 0, 1, 8); // fixed instants: the machine's date does not matter
const ds = {
  id: ORG,
  name: 'DeepSeek',
  kind: 'demo',
  provider: 'deepseek' as const,
  currency: 'CNY',
  baseUrl: null,
  createdAtMs: 1_764_547_200_000,
};
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-currency-'));
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, orgs: [ds], selectedOrgId: ORG }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const api = (micros: number) =>
  ({
    balances: async () => [
      {
        currency: 'CNY',
        balanceMicros: micros,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: null,
        toppedUpMicros: null,
      },
    ],
  }) as unknown as BalanceApi;

async function editCurrency(to: string): Promise<void> {
  const path = join(dir, 'history', ORG, 'balances.json');
  const data = JSON.parse(await readFile(path, 'utf8')) as { currency: string };
  await writeFile(path, JSON.stringify({ ...data, currency: to }));
}

describe('the currency in balances.json', () => {
  it('is checked against the account, on every surface and at the next reading', async () => {
    let history = await openOrgHistory(join(dir, 'history', ORG), { nowMs: () => T0 });
    await runBalanceSync({ api: api(60_000_000), history, cursor: EMPTY_CURSOR, nowMs: T0, currency: 'CNY' });
    await editCurrency('USD');

    history = await openOrgHistory(join(dir, 'history', ORG), { nowMs: () => T0 });
    expect((await history.balanceLog())?.currency).toBe('USD');
    expect(accountCurrency(ds, 'USD')).toBe('CNY');
    const lines: string[] = [];
    const io: CommandIo = {
      out: (s) => lines.push(s),
      err: (s) => lines.push(s),
      readFile: async () => '',
      readDir: async () => [],
    };
    await runStatusCommand(['--data-dir', dir, '--no-sync'], io, '0');
    expect(lines.join('\n')).toMatch(/^DeepSeek \(DeepSeek, CNY\).*\n\s+credit left: CN¥60\.00$/m);

    const next = await runBalanceSync({
      api: api(56_000_000),
      history,
      cursor: EMPTY_CURSOR,
      nowMs: T0 + 3_600_000,
      currency: 'CNY',
    });
    expect(next.currency).toBe('CNY');
    expect((await history.balanceLog())?.currency).toBe('CNY');
  });
});
