/**
 * Forecast and ledger timings: one year of hourly history at the shipped path count (median of runs),
 * and a ledger estimate over a year of daily costs.
 */
import { DEFAULT_PATHS, forecastSpend } from '@core/forecast/engine';
import { createHourlySeries } from '@core/hourly-series';
import { estimateBalance } from '@core/ledger-estimate';
import { upgradeLedger } from '@core/ledger-schema';
import { createRandom } from '@core/random';
import { DAY_MS, HOUR_MS } from '@core/time';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export async function bench(): Promise<Record<string, unknown>> {
  const random = createRandom(7);
  const hours = 365 * 24;
  const nowMs = Date.UTC(2025, 9, 1); // a month start: the longest path to month end
  const usd = Array.from({ length: hours }, () => (random() < 0.5 ? 0 : random() * 3));
  const history = createHourlySeries(nowMs - hours * HOUR_MS, usd);
  const rule = {
    enabled: true,
    thresholdMicros: 10e6,
    action: { kind: 'restore-to' as const, targetMicros: 100e6 },
    monthlyLimit: null,
  };
  const run = (seed: number) =>
    forecastSpend({
      history,
      nowMs,
      balanceMicros: 500e6,
      thresholdMicros: 10e6,
      reload: rule,
      horizonHours: 168,
      seed,
    });
  run(0); // warm-up
  const times: number[] = [];
  for (let i = 1; i <= 9; i++) {
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }

  const costs = Array.from({ length: 365 }, (_, d) => ({
    dayStartMs: nowMs - (365 - d) * DAY_MS,
    micros: Math.round(random() * 50e6),
  }));
  const ledger = upgradeLedger({
    version: 1,
    billing: { reload: rule },
    entries: [
      { id: 'o1', kind: 'observation', atMs: nowMs - 300 * DAY_MS + 5 * HOUR_MS, balanceMicros: 2_000e6 },
      ...Array.from({ length: 12 }, (_, m) => ({
        id: `p${m}`,
        kind: 'purchase',
        atMs: nowMs - (360 - m * 30) * DAY_MS,
        micros: 500e6,
        expiresAtMs: null,
      })),
    ],
  });
  const ledgerTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    estimateBalance(ledger, costs, nowMs);
    ledgerTimes.push(performance.now() - t);
  }
  const forecastMs = median(times);
  return {
    forecastOneYearHourlyMedianMs: Math.round(forecastMs * 10) / 10,
    forecastPaths: DEFAULT_PATHS,
    forecastBudgetMs: 25,
    forecastShareOfBudget: Math.round((forecastMs / 25) * 100) / 100,
    ledgerEstimateOneYearMedianMs: Math.round(median(ledgerTimes) * 100) / 100,
  };
}
