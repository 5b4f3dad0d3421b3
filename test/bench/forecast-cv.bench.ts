/**
 * Cross-validation of the forecast's two tuned parameters (reversion per day, trend prior days) on the
 * shared traces: leave-one-pool-out and leave-one-cut-day-out. The P50 needs no draws, so 10 paths give the
 * exact P50 errors. Score per fold = the worst of the three acceptance ratios (median ÷ 0.95·last-24 h,
 * median ÷ 0.85·naive, mean ÷ the better baseline's mean); below 1 passes all three.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BacktestCase, runBacktest } from '@core/forecast/backtest';
import { DEFAULT_MODEL_PARAMS } from '@core/forecast/spend-model';
import { parseHistoryCsv } from '../../main/commands/history-csv';

const dir = fileURLToPath(new URL('../fixtures/traces/', import.meta.url));
const med = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const p = (s.length - 1) / 2;
  return ((s[Math.floor(p)] as number) + (s[Math.ceil(p)] as number)) / 2;
};
const mean = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function score(cs: BacktestCase[]) {
  const err = (f: (c: BacktestCase) => number) => cs.map((c) => Math.abs(f(c) - c.horizonHours));
  const [o, n, l] = [err((c) => c.ours.p50), err((c) => c.naiveLinear), err((c) => c.last24h)];
  const xNaive = med(o) / med(n);
  const xLast24h = med(o) / med(l);
  const meanRatio = mean(o) / Math.min(mean(n), mean(l));
  return {
    cases: cs.length,
    xNaive: r3(xNaive),
    xLast24h: r3(xLast24h),
    meanRatio: r3(meanRatio),
    score: r3(Math.max(xLast24h / 0.95, xNaive / 0.85, meanRatio)),
  };
}

export async function bench(): Promise<Record<string, unknown>> {
  const traces = readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && f !== 'index.csv')
    .sort()
    .map((f) => ({
      name: f.replace(/\.csv$/, ''),
      series: parseHistoryCsv(readFileSync(dir + f, 'utf8')).series,
    }));
  const grid = [1, 0.95, 0.9, 0.8, 0.7].flatMap((reversionPerDay) =>
    [1, 2, 4].map((trendPriorDays) => ({ reversionPerDay, trendPriorDays })),
  );
  const runs = grid.map((params) => runBacktest(traces, { seed: 1, paths: 10, params }).cases);
  const at = (r: number, t: number) =>
    grid.findIndex((p) => p.reversionPerDay === r && p.trendPriorDays === t);
  const shipped = at(DEFAULT_MODEL_PARAMS.reversionPerDay, DEFAULT_MODEL_PARAMS.trendPriorDays);
  const previous = at(1, 2);
  const day0 = Date.UTC(2025, 3, 3);
  const folds: Array<[string, (c: BacktestCase) => boolean]> = [
    ...['m-large', 'm-mid', 'm-small'].map((p): [string, (c: BacktestCase) => boolean] => [
      `pool ${p}`,
      (c) => c.trace.startsWith(p),
    ]),
    ...[0, 1, 2, 3].map((d): [string, (c: BacktestCase) => boolean] => [
      `cut ${new Date(day0 + d * 86_400_000).toISOString().slice(0, 10)}`,
      (c) => c.cutMs === day0 + d * 86_400_000,
    ]),
  ];
  const heldOut = folds.map(([name, test]) => {
    const train = (g: number) => score((runs[g] as BacktestCase[]).filter((c) => !test(c))).score;
    let best = 0;
    grid.forEach((_, g) => {
      if (train(g) < train(best)) best = g;
    });
    const test1 = (g: number) => score((runs[g] as BacktestCase[]).filter(test));
    return {
      fold: name,
      chosenOnOtherFolds: grid[best],
      chosen: test1(best),
      shipped: test1(shipped),
      previous: test1(previous),
    };
  });
  return {
    shipped: grid[shipped],
    allCases: grid.map((p, g) => ({ ...p, ...score(runs[g] as BacktestCase[]) })),
    heldOut,
  };
}
