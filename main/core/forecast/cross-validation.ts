/**
 * Cross-validation over clients for the forecast's parameters: every backtest case (BILLING.md §4) is
 * scored with the parameters chosen on the *other* folds only, so the figures are out of fold.
 *
 * Example: 3 pools as folds → the m-large cases are scored with the parameters that did best on m-mid
 * and m-small, and so on; the three held-out sets together give one out-of-fold report.
 */
import type { HourlySeries } from '../hourly-series';
import { seriesEndMs, sliceBefore } from '../hourly-series';
import { createRandom } from '../random';
import { DAY_MS, HOUR_MS } from '../time';
import { BACKTEST_FORECAST_HORIZON_HOURS as CAP, BACKTEST_HORIZONS } from './backtest';
import { last24hRate, linearCrossingHours, naiveLinearRate } from './baselines';
import { centralCrossingHours, crossingHours } from './outcomes';
import { createPathSampler, createSlotGrid } from './paths';
import { quantileSorted } from './quantiles';
import { type ModelParams, fitSpendModel } from './spend-model';

/** One backtest case with its history and the two baselines' answers (hours, capped at 168). */
export interface CvCase {
  trace: string;
  cutMs: number;
  horizonHours: number;
  gapAmount: number;
  history: HourlySeries;
  naiveLinear: number;
  last24h: number;
}
export interface CvBands {
  p10: number;
  p50: number;
  p90: number;
}

/** The backtest's cases of one trace (same cuts, horizons and skips as `backtestTrace`). */
export function cvCases(name: string, series: HourlySeries): CvCase[] {
  const out: CvCase[] = [];
  const endMs = seriesEndMs(series);
  const firstCut = Math.ceil((series.startMs + 48 * HOUR_MS) / DAY_MS) * DAY_MS;
  for (let cut = firstCut; cut < endMs; cut += DAY_MS) {
    const at = (cut - series.startMs) / HOUR_MS;
    let before = 0;
    for (let i = 0; i < at; i++) before += series.usd[i] as number;
    const history = sliceBefore(series, cut);
    for (const h of BACKTEST_HORIZONS) {
      if (cut + h * HOUR_MS > endMs) continue;
      let gap = 0;
      for (let i = at; i < at + h; i++) gap += series.usd[i] as number;
      if (gap <= 0 || before <= 0) continue;
      const line = (rate: number) => Math.min(CAP, linearCrossingHours(rate, gap));
      out.push({
        trace: name,
        cutMs: cut,
        horizonHours: h,
        gapAmount: gap,
        history,
        naiveLinear: line(naiveLinearRate(series, cut)),
        last24h: line(last24hRate(series, cut)),
      });
    }
  }
  return out;
}

/**
 * The crossing bands the forecast gives for a case, from the same model, central path and sampler as
 * `forecastSpend` on a 168-slot grid (P50 exact; P10/P90 Monte-Carlo at `paths`).
 */
export function caseBands(c: CvCase, params: ModelParams, paths: number, seed = 1): CvBands {
  const model = fitSpendModel(c.history, params);
  const grid = createSlotGrid(model, c.cutMs, CAP);
  const centre = centralCrossingHours(grid, c.gapAmount);
  if (paths <= 0) return { p10: centre, p50: Math.min(CAP, centre), p90: centre };
  const sample = createPathSampler(model, grid, createRandom(seed), paths);
  const hours = new Float64Array(paths);
  const path = new Float64Array(grid.count);
  for (let p = 0; p < paths; p++) {
    sample(p, path);
    hours[p] = crossingHours(path, grid, c.gapAmount);
  }
  hours.sort();
  const p10 = quantileSorted(hours, 0.1);
  const p90 = quantileSorted(hours, 0.9);
  return { p10, p50: Math.min(CAP, Math.min(Math.max(centre, p10), p90)), p90 };
}

/** Out-of-fold choice: for each fold, the candidate with the lowest `loss` on the other folds' cases. */
export function chooseOutOfFold(
  foldOf: readonly number[],
  folds: number,
  candidates: number,
  loss: (candidate: number, caseIndices: number[]) => number,
): number[] {
  const chosen: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = foldOf.flatMap((g, i) => (g === f ? [] : [i]));
    let best = 0;
    let bestLoss = Infinity;
    for (let k = 0; k < candidates; k++) {
      const l = loss(k, train);
      if (l < bestLoss - 1e-12) [best, bestLoss] = [k, l];
    }
    chosen.push(best);
  }
  return chosen;
}
