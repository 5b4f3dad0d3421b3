/**
 * Alert evaluation cost: 5 organizations, each with a year of daily costs, 14 days of hourly usage
 * (4 projects × 5 models), a ledger of 24 credit lots and a forecast summary: building every org's facts
 * and evaluating every rule (median of 30 runs). The forecast itself is computed by the money view (see
 * the forecast bench) and is an input here.
 */
import { buildAlertFacts } from '@core/alerts/build-facts';
import { defaultAlertSettings } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import { evaluateAlerts } from '@core/alerts/evaluate';
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import { createRandom } from '@core/random';
import type { UsageRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';

const ORGS = 5;
const NOW = Date.UTC(2026, 10, 24, 14, 30);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function orgSources(i: number) {
  const random = createRandom(100 + i);
  const today = startOfUtcDay(NOW);
  const costTotals = Array.from({ length: 365 }, (_, d) => ({
    dayStartMs: today - (364 - d) * DAY_MS,
    micros: Math.round(random() * 40e6),
  }));
  const usage: UsageRow[] = [];
  for (let h = today - 14 * DAY_MS; h <= NOW; h += HOUR_MS)
    for (let p = 0; p < 4; p++)
      for (let m = 0; m < 5; m++)
        usage.push({
          hourStartMs: h,
          projectId: `proj_${p}`,
          model: `model-${m}`,
          requests: 10,
          inputTokens: Math.round(random() * 1e5),
          outputTokens: 1000,
        });
  const entries = Array.from({ length: 24 }, (_, k) => ({
    id: `lot${k}`,
    kind: 'purchase' as const,
    atMs: NOW - (360 - k * 15) * DAY_MS,
    micros: 100e6,
    expiresAtMs: null,
    note: '',
  }));
  const money = {
    orgId: `org_bench000${i}`,
    asOfMs: NOW,
    ledger: {
      billing: {
        mode: 'prepaid',
        reload: {
          enabled: true,
          thresholdMicros: 10e6,
          action: { kind: 'restore-to', targetMicros: 50e6 },
          monthlyLimit: null,
        },
        hardLimitMicros: null,
        timeZone: 'UTC',
      },
      entries,
    },
    // One in five accounts is a DeepSeek one in CNY, whose balance the API reports.
    currency: i % 5 === 4 ? 'CNY' : 'USD',
    apiBalance: i % 5 === 4 ? { atMs: NOW - HOUR_MS, balanceMicros: 9e6 } : null,
    balance: { asOfMs: NOW, estimateMicros: 8e6 },
    forecast: {
      crossing: { p50: new Date(NOW + 20 * HOUR_MS).toISOString() },
      monthEnd: { at: new Date(Date.UTC(2026, 11, 1)).toISOString(), cardChargeAmount: null },
      reloads: {
        count: { p10: 1, p50: 2, p90: 3 },
        cardChargesAmount: { p10: 40, p50: 80, p90: 120 },
        probabilityAny: 0.9,
      },
      model: { levelPerDay: 20 },
    },
  } as unknown as MoneyView;
  const dashboard = {
    org: { id: `org_bench000${i}`, name: `Org ${i}` },
    asOfMs: NOW,
    monthToDate: { totalMicros: 500e6 },
    projects: [0, 1, 2, 3].map((p) => ({ id: `proj_${p}`, name: `Project ${p}` })),
    sync: { state: 'ok', lastSuccessMs: NOW, failures: 0, lastError: null },
  } as unknown as Dashboard;
  return {
    money,
    dashboard,
    costTotals,
    usage,
    provider: i % 5 === 4 ? ('deepseek' as const) : ('openai' as const),
  };
}

export async function bench(): Promise<Record<string, unknown>> {
  const sources = Array.from({ length: ORGS }, (_, i) => orgSources(i));
  const once = () => {
    const facts = sources.map((s) =>
      buildAlertFacts({
        nowMs: NOW,
        timeZone: 'Europe/Berlin',
        orgCreatedAtMs: 0,
        historyStartMs: NOW - 365 * DAY_MS,
        spendLimit: { limitMicros: 600e6, isEnforced: true },
        ...s,
      }),
    );
    return evaluateAlerts({
      facts,
      settings: defaultAlertSettings(),
      state: emptyAlertState(),
      nowMs: NOW,
      displayZone: 'UTC',
    });
  };
  for (let i = 0; i < 3; i++) once(); // warm-up
  const times: number[] = [];
  let active = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    active = once().active.length;
    times.push(performance.now() - t0);
  }
  return {
    orgs: ORGS,
    medianMs: Math.round(median(times) * 100) / 100,
    p95Ms: Math.round([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]! * 100) / 100,
    goalMs: 20,
    activeAlerts: active,
    method:
      'build facts (year of daily costs, 14 days of hourly usage, 24 credit lots) + every rule, 5 orgs, median of 30',
  };
}
