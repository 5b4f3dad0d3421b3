/**
 * One prepaid account with a restore-to rule ($10 → $50) at a pinned instant, for tests of what is drawn and
 * said from its money view: 30 days of daily spend, a forecast summary and the money view itself, each
 * changed per test.
 */
import type { DailyProjectSpend } from '@core/dashboard';
import type { ForecastSummary } from '@core/forecast/summary';
import type { LedgerEntry } from '@core/ledger-schema';
import type { MoneyView } from '@core/money-view';
import { DAY_MS } from '@core/time';

export const NOW = Date.UTC(2026, 10, 18, 12);
export const USD = 1_000_000;
export const RULE = {
  enabled: true,
  thresholdMicros: 10 * USD,
  action: { kind: 'restore-to' as const, targetMicros: 50 * USD },
  monthlyLimit: null,
};

export function daily(usdPerDay: number, days = 30): DailyProjectSpend[] {
  const today = Math.floor(NOW / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => {
    const dayStartMs = today - (days - 1 - i) * DAY_MS;
    // Today's bucket holds the half day so far.
    const micros = (dayStartMs === today ? usdPerDay / 2 : usdPerDay) * USD;
    return { dayStartMs, byProject: [], totalMicros: micros };
  });
}

export function forecast(over: Partial<ForecastSummary> = {}): ForecastSummary {
  return {
    now: new Date(NOW).toISOString(),
    horizonHours: 744,
    mode: 'prepaid',
    confidence: 'high',
    paths: 2000,
    crossing: {
      p10: new Date(NOW + 2 * DAY_MS).toISOString(),
      p50: new Date(NOW + 3 * DAY_MS).toISOString(),
      p90: new Date(NOW + 5 * DAY_MS).toISOString(),
      probabilityWithinHorizon: 0.95,
      thresholdAmount: 10,
      isAlreadyBelow: false,
    },
    reloads: {
      until: '2026-12-01T00:00:00.000Z',
      count: { p10: 3, p50: 4, p90: 6 },
      cardChargesAmount: { p10: 120, p50: 160, p90: 240 },
      probabilityAny: 1,
      probabilityLimitReached: 0,
    },
    monthEnd: {
      at: '2026-12-01T00:00:00.000Z',
      spendAmount: { p10: 300, p50: 380, p90: 470 },
      cardChargeAmount: null,
    },
    spendLimit: null,
    expiringUnusedAmount: null,
    model: { levelPerDay: 30, historyHours: 2000, dayLogSd: 0.2, levelLogSd: 0.1, hasWeekdayEffect: true },
    ...over,
  } as ForecastSummary;
}

export function money(entries: LedgerEntry[], over: Partial<MoneyView> = {}): MoneyView {
  return {
    orgId: 'org_test0000',
    asOfMs: NOW,
    currency: 'USD',
    apiBalance: null,
    ledger: { billing: { mode: 'prepaid', reload: RULE, hardLimitMicros: null, timeZone: 'UTC' }, entries },
    balance: {
      asOfMs: NOW,
      basis: { observationId: 'o', atMs: NOW - DAY_MS, balanceMicros: 130 * USD },
      estimateMicros: 100 * USD,
      lowMicros: 98 * USD,
      highMicros: 102 * USD,
      sdMicros: USD,
      creditsAddedMicros: 0,
      settledCostMicros: 15 * USD,
      provisionalCostMicros: 15 * USD,
      expiredMicros: 0,
      predictedReloads: [],
      missingDays: [],
    },
    forecast: forecast(),
    forecastNote: null,
    lastReconciliation: null,
    historyDays: 90,
    ...over,
  };
}

export const OBS: Extract<LedgerEntry, { kind: 'observation' }> = {
  id: 'o',
  kind: 'observation',
  atMs: NOW - DAY_MS,
  balanceMicros: 130 * USD,
  note: '',
};
