/**
 * Scores for choosing and reporting forecast parameters on backtest cases: the acceptance ratios of the
 * P50 against the two baselines, the P10–P90 coverage per horizon, and a per-horizon summary table.
 *
 * Example: our median error 10 h, naive 12.5 h, last-24 h 11 h → ×naive 0.80, ×last-24 h 0.91;
 * P50 loss = the worst of 0.80/0.85, 0.91/0.95, the mean ratio and each horizon's ratio to its better baseline.
 */
import { BACKTEST_FORECAST_HORIZON_HOURS as CAP, BACKTEST_HORIZONS } from './backtest';
import type { CvBands, CvCase } from './cross-validation';
import { quantile } from './quantiles';

const mean = (a: number[]): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
const med = (a: number[]): number => (a.length ? quantile(a, 0.5) : 0);
const abs = (idx: number[], f: (i: number) => number, cases: readonly CvCase[]): number[] =>
  idx.map((i) => Math.abs(f(i) - (cases[i] as CvCase).horizonHours));

export interface AcceptanceRatios {
  /** Median |error| of ours ÷ naive linear's, and ÷ the last-24 h rate's. */
  xNaive: number;
  xLast24h: number;
  /** Mean |error| of ours ÷ the better baseline's mean. */
  meanVsBetter: number;
  /** Per horizon: our median |error| ÷ the better baseline's median at that horizon. */
  byHorizonVsBetter: Record<string, number>;
}

/** The acceptance ratios of P50s over the given cases (goals: ≤ 0.85, ≤ 0.95, < 1, each ≤ 1). */
export function acceptanceRatios(
  cases: readonly CvCase[],
  idx: number[],
  p50: ArrayLike<number>,
): AcceptanceRatios {
  const ratios = (sub: number[]) => {
    const o = abs(sub, (i) => p50[i] as number, cases);
    const n = abs(sub, (i) => (cases[i] as CvCase).naiveLinear, cases);
    const l = abs(sub, (i) => (cases[i] as CvCase).last24h, cases);
    return { o, n, l, better: med(o) / Math.min(med(n), med(l)) };
  };
  const all = ratios(idx);
  const byHorizon = BACKTEST_HORIZONS.map((h): [string, number] => [
    String(h),
    ratios(idx.filter((i) => (cases[i] as CvCase).horizonHours === h)).better,
  ]).filter(([, r]) => Number.isFinite(r));
  return {
    xNaive: med(all.o) / med(all.n),
    xLast24h: med(all.o) / med(all.l),
    meanVsBetter: mean(all.o) / Math.min(mean(all.n), mean(all.l)),
    byHorizonVsBetter: Object.fromEntries(byHorizon),
  };
}

/** Worst acceptance ratio of P50s over the given cases, scaled so that below 1 meets every P50 goal. */
export function p50Loss(cases: readonly CvCase[], idx: number[], p50: ArrayLike<number>): number {
  const r = acceptanceRatios(cases, idx, p50);
  return Math.max(r.xNaive / 0.85, r.xLast24h / 0.95, r.meanVsBetter, ...Object.values(r.byHorizonVsBetter));
}

/** Share of cases whose true crossing lies inside [P10, P90]. */
export function coverage(cases: readonly CvCase[], idx: number[], b: readonly CvBands[]): number {
  if (idx.length === 0) return 0;
  const inside = idx.filter((i) => {
    const h = (cases[i] as CvCase).horizonHours;
    return (b[i] as CvBands).p10 <= h && h <= (b[i] as CvBands).p90;
  });
  return inside.length / idx.length;
}

/** The band loss: the largest distance of any horizon's coverage from 80 % (overall counted too). */
export function bandLoss(cases: readonly CvCase[], idx: number[], b: readonly CvBands[]): number {
  const groups = [
    idx,
    ...BACKTEST_HORIZONS.map((h) => idx.filter((i) => (cases[i] as CvCase).horizonHours === h)),
  ];
  return Math.max(...groups.filter((g) => g.length > 0).map((g) => Math.abs(coverage(cases, g, b) - 0.8)));
}

export interface CvRow {
  horizon: string;
  cases: number;
  ours: { median: number; mean: number; p90: number; coverage: number; medianWidth: number };
  naiveLinear: { median: number; mean: number; p90: number };
  last24h: { median: number; mean: number; p90: number };
}

/** Per-horizon and overall figures of given bands (the backtest report's numbers, rounded to 0.1 h). */
export function summarize(cases: readonly CvCase[], b: readonly CvBands[]): CvRow[] {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const stats = (e: number[]) => ({
    median: r1(med(e)),
    mean: r1(mean(e)),
    p90: r1(e.length ? quantile(e, 0.9) : 0),
  });
  const all = cases.map((_, i) => i);
  const groups: Array<[string, number[]]> = [
    ['all', all],
    ...BACKTEST_HORIZONS.map((h): [string, number[]] => [
      `${h} h`,
      all.filter((i) => (cases[i] as CvCase).horizonHours === h),
    ]),
  ];
  return groups.map(([horizon, idx]) => ({
    horizon,
    cases: idx.length,
    ours: {
      ...stats(abs(idx, (i) => (b[i] as CvBands).p50, cases)),
      coverage: Math.round(coverage(cases, idx, b) * 1000) / 10,
      medianWidth: r1(
        med(idx.map((i) => Math.min(CAP, (b[i] as CvBands).p90) - Math.min(CAP, (b[i] as CvBands).p10))),
      ),
    },
    naiveLinear: stats(abs(idx, (i) => (cases[i] as CvCase).naiveLinear, cases)),
    last24h: stats(abs(idx, (i) => (cases[i] as CvCase).last24h, cases)),
  }));
}
