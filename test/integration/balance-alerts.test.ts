// A DeepSeek account in CNY end to end: balance readings stored by the real balance sync, the real
// money service's estimate, the alert facts built from it, and the low-credit alert's words.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAlertSettings, AlertSettingsSchema } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import { evaluateAlerts } from '@core/alerts/evaluate';
import { buildDashboard } from '@core/build-dashboard';
import { INITIAL_SYNC_STATUS, type Org } from '@core/schemas';
import { EMPTY_CURSOR, type SyncCursor } from '@core/sync-plan';
import { DAY_MS, HOUR_MS } from '@core/time';
import { createAlertFactsSource } from '../../main/services/alert-facts-source';
import { runBalanceSync } from '../../main/services/balance-sync-run';
import { createMoneyService } from '../../main/services/money';
import type { BalanceApi } from '../../main/services/providers/port';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openOrgHistory, type OrgHistory } from '../../main/services/stores/history-store';

const START = Date.UTC(2026, 10, 20, 8);
const ORG: Org = {
  id: 'org_deepseek1',
  name: 'DeepSeek',
  kind: 'demo',
  provider: 'deepseek',
  baseUrl: null,
  createdAtMs: START - DAY_MS,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-balance-alerts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** A DeepSeek-shaped API that answers `balances[i]` (CNY micro-units) at the i-th call. */
function fakeApi(balances: number[]): BalanceApi {
  let i = 0;
  return {
    balances: async () => [
      {
        currency: 'CNY',
        balanceMicros: balances[Math.min(i++, balances.length - 1)]!,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: null,
        toppedUpMicros: null,
      },
    ],
  } as unknown as BalanceApi;
}

/** Syncs the balance every 6 hours; returns the history and the instant of the last reading. */
async function syncReadings(balances: number[]): Promise<{ history: OrgHistory; lastMs: number }> {
  let nowMs = START;
  const history = await openOrgHistory(join(dir, 'history'), { nowMs: () => nowMs });
  const api = fakeApi(balances);
  let cursor: SyncCursor = EMPTY_CURSOR;
  for (let i = 0; i < balances.length; i++) {
    nowMs = START + i * 6 * HOUR_MS;
    const result = await runBalanceSync({ api, history, cursor, nowMs, currency: null });
    cursor = result.cursor;
    await history.saveSync({ ...INITIAL_SYNC_STATUS, state: 'ok', lastSuccessMs: nowMs }, cursor);
  }
  return { history, lastMs: nowMs };
}

async function factsAt(history: OrgHistory, nowMs: number) {
  const money = createMoneyService({
    ledgers: createLedgerStore(join(dir, 'ledgers'), { nowMs: () => nowMs }),
    history: async () => history,
    nowMs: () => nowMs,
    orgOf: () => ORG,
  });
  const factsFor = createAlertFactsSource({
    money,
    sync: {
      history: async () => history,
      dashboard: async () =>
        buildDashboard({
          org: { ...ORG, hasKey: true },
          nowMs,
          currency: 'CNY',
          costDays: await history.costDays({ startMs: nowMs - 40 * DAY_MS, endMs: nowMs + DAY_MS }),
          usage: null,
          projects: [],
          sync: history.sync().status,
        }),
    },
    spendLimit: () => null,
    nowMs: () => nowMs,
    timeZone: () => 'UTC',
  });
  return { facts: await factsFor(ORG), view: await money.view(ORG.id) };
}

describe('low credit on a balance account (DeepSeek, CNY)', () => {
  it("is judged on the API's balance and worded in CNY, naming DeepSeek", async () => {
    // CN¥60 → CN¥40 → CN¥20 → CN¥8.50 over 18 hours.
    const { history, lastMs } = await syncReadings([60_000_000, 40_000_000, 20_000_000, 8_500_000]);
    const { facts, view } = await factsAt(history, lastMs);
    expect(view.currency).toBe('CNY');
    expect(view.apiBalance).toEqual({ atMs: lastMs, balanceMicros: 8_500_000 });
    expect(facts.currency).toBe('CNY');
    expect(facts.balanceSource).toBe('api');
    expect(facts.apiBalance).toEqual({ micros: 8_500_000, atMs: lastMs });
    expect(facts.balance?.micros).toBe(8_500_000);
    const { active } = evaluateAlerts({
      facts: [facts],
      settings: defaultAlertSettings(),
      state: emptyAlertState(),
      nowMs: lastMs,
      displayZone: 'UTC',
    });
    const low = active.find((a) => a.kind === 'low-credit');
    expect(low?.title).toBe('DeepSeek balance is low: CN¥8.50 left');
    expect(low?.body).toContain('from the CN¥8.50 DeepSeek reported at Sat 21 Nov, 02:00');
    expect(low?.body).toContain('below your CN¥10.00 alert');
    for (const a of active) expect(`${a.title} ${a.body}`).not.toContain('$');
  });

  it('a healthy CNY balance does not fire under a dollar default that would have caught it', async () => {
    const { history, lastMs } = await syncReadings([60_000_000, 58_000_000, 56_000_000]);
    const { facts } = await factsAt(history, lastMs);
    expect(facts.balance?.micros).toBe(56_000_000);
    const settings = AlertSettingsSchema.parse({ version: 1, defaults: { lowCreditMicros: 100_000_000 } });
    const run = (s = settings) =>
      evaluateAlerts({
        facts: [facts],
        settings: s,
        state: emptyAlertState(),
        nowMs: lastMs,
        displayZone: 'UTC',
      }).active.map((a) => a.kind);
    expect(run()).not.toContain('low-credit');
    // The same figure, typed for CNY accounts, does fire.
    expect(run({ ...settings, currencyDefaults: { CNY: { lowCreditMicros: 100_000_000 } } })).toContain(
      'low-credit',
    );
  });
});
