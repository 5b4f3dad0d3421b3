/**
 * The backtest protocol (BILLING.md §4): cut each trace at every UTC midnight with ≥ 48 h of history,
 * for each horizon h ∈ {12, 24, 48, 72} that fits set balance − threshold to the real spend in [c, c+h),
 * forecast from rows before c with a 168 h horizon, and score the P50 crossing against c + h.
 *
 * Example: a trace of 6 whole days yields cuts at days 2–5 and 4 + 4 + 3 + 2 = 13 cases (fewer when a
 * window has no spend or nothing was spent before the cut).
 */
import type { HourlySeries } from '../hourly-series';
import { seriesEndMs } from '../hourly-series';
import { DAY_MS, HOUR_MS } from '../time';
import { last24hRate, linearCrossingHours, naiveLinearRate } from './baselines';
import { forecastSpend } from './engine';
import { quantile } from './quantiles';
import type { ModelParams } from './spend-model';
import { MICROS_PER_UNIT } from '../money';

export const BACKTEST_HORIZONS = [12, 24, 48, 72] as const;
export const BACKTEST_FORECAST_HORIZON_HOURS = 168;
const MIN_HISTORY_HOURS = 48;

export interface BacktestCase {
  trace: string;
  cutMs: number;
  horizonHours: number;
  gapAmount: number;
  ours: { p10: number; p50: number; p90: number };
  naiveLinear: number;
  last24h: number;
}

export interface ErrorStats {
  cases: number;
  medianAbsErrorHours: number;
  meanAbsErrorHours: number;
  p90AbsErrorHours: number;
}
export type OursStats = ErrorStats & { coverageP10P90: number; medianWidthHours: number };
export interface MethodReport<S> {
  overall: S;
  byHorizon: Record<string, S>;
}
export interface BacktestReport {
  protocol: {
    horizons: number[];
    forecastHorizonHours: number;
    minHistoryHours: number;
    seed: number;
    paths: number;
  };
  traces: number;
  cases: number;
  skipped: { zeroSpendWindow: number; noSpendBeforeCut: number };
  methods: {
    ours: MethodReport<OursStats>;
    naiveLinear: MethodReport<ErrorStats>;
    last24h: MethodReport<ErrorStats>;
  };
}

/** Cap used for a P50 (or band edge) beyond the forecast horizon. */
const cap = (ms: number | null, cutMs: number): number =>
  ms === null
    ? BACKTEST_FORECAST_HORIZON_HOURS
    : Math.min(BACKTEST_FORECAST_HORIZON_HOURS, (ms - cutMs) / HOUR_MS);

/** Runs every case of one trace. */
export function backtestTrace(
  name: string,
  series: HourlySeries,
  options: { seed: number; paths: number; params?: Partial<ModelParams> },
  skipped: BacktestReport['skipped'],
): BacktestCase[] {
  const out: BacktestCase[] = [];
  const endMs = seriesEndMs(series);
  const firstCut = Math.ceil((series.startMs + MIN_HISTORY_HOURS * HOUR_MS) / DAY_MS) * DAY_MS;
  for (let cut = firstCut; cut < endMs; cut += DAY_MS) {
    const cutIndex = (cut - series.startMs) / HOUR_MS;
    let before = 0;
    for (let i = 0; i < cutIndex; i++) before += series.usd[i] as number;
    for (const h of BACKTEST_HORIZONS) {
      if (cut + h * HOUR_MS > endMs) continue;
      let gap = 0;
      for (let i = cutIndex; i < cutIndex + h; i++) gap += series.usd[i] as number;
      if (gap <= 0) {
        skipped.zeroSpendWindow++;
        continue;
      }
      if (before <= 0) {
        skipped.noSpendBeforeCut++;
        continue;
      }
      const gapMicros = Math.max(1, Math.round(gap * MICROS_PER_UNIT));
      const result = forecastSpend({
        history: series,
        nowMs: cut,
        balanceMicros: gapMicros,
        thresholdMicros: 0,
        horizonHours: BACKTEST_FORECAST_HORIZON_HOURS,
        seed: options.seed,
        paths: options.paths,
        params: options.params,
      });
      const c = result.crossing;
      const p10 = c?.p10Ms == null ? Infinity : (c.p10Ms - cut) / HOUR_MS;
      const p90 = c?.p90Ms == null ? Infinity : (c.p90Ms - cut) / HOUR_MS;
      out.push({
        trace: name,
        cutMs: cut,
        horizonHours: h,
        gapAmount: gap,
        ours: { p10, p50: cap(c?.p50Ms ?? null, cut), p90 },
        naiveLinear: Math.min(
          BACKTEST_FORECAST_HORIZON_HOURS,
          linearCrossingHours(naiveLinearRate(series, cut), gap),
        ),
        last24h: Math.min(
          BACKTEST_FORECAST_HORIZON_HOURS,
          linearCrossingHours(last24hRate(series, cut), gap),
        ),
      });
    }
  }
  return out;
}

/** Runs the protocol over named traces and summarizes it per method, per horizon and overall. */
export function runBacktest(
  traces: ReadonlyArray<{ name: string; series: HourlySeries }>,
  options: { seed: number; paths: number; params?: Partial<ModelParams> },
): { report: BacktestReport; cases: BacktestCase[] } {
  const skipped = { zeroSpendWindow: 0, noSpendBeforeCut: 0 };
  const cases = traces.flatMap((t) => backtestTrace(t.name, t.series, options, skipped));
  const groups: Array<[string, BacktestCase[]]> = [
    ['overall', cases],
    ...BACKTEST_HORIZONS.map((h): [string, BacktestCase[]] => [
      String(h),
      cases.filter((c) => c.horizonHours === h),
    ]),
  ];
  const per = <S>(stat: (cs: BacktestCase[]) => S): MethodReport<S> => ({
    overall: stat(cases),
    byHorizon: Object.fromEntries(groups.slice(1).map(([k, cs]) => [k, stat(cs)])),
  });
  return {
    cases,
    report: {
      protocol: {
        horizons: [...BACKTEST_HORIZONS],
        forecastHorizonHours: BACKTEST_FORECAST_HORIZON_HOURS,
        minHistoryHours: MIN_HISTORY_HOURS,
        seed: options.seed,
        paths: options.paths,
      },
      traces: traces.length,
      cases: cases.length,
      skipped,
      methods: {
        ours: per((cs) => ({
          ...errorStats(cs.map((c) => Math.abs(c.ours.p50 - c.horizonHours))),
          coverageP10P90: cs.length
            ? cs.filter((c) => c.ours.p10 <= c.horizonHours && c.horizonHours <= c.ours.p90).length /
              cs.length
            : 0,
          medianWidthHours: cs.length
            ? quantile(
                cs.map((c) => cap1(c.ours.p90) - cap1(c.ours.p10)),
                0.5,
              )
            : 0,
        })),
        naiveLinear: per((cs) => errorStats(cs.map((c) => Math.abs(c.naiveLinear - c.horizonHours)))),
        last24h: per((cs) => errorStats(cs.map((c) => Math.abs(c.last24h - c.horizonHours)))),
      },
    },
  };
}

const cap1 = (h: number): number => Math.min(BACKTEST_FORECAST_HORIZON_HOURS, h);

function errorStats(errors: number[]): ErrorStats {
  if (errors.length === 0)
    return { cases: 0, medianAbsErrorHours: 0, meanAbsErrorHours: 0, p90AbsErrorHours: 0 };
  return {
    cases: errors.length,
    medianAbsErrorHours: quantile(errors, 0.5),
    meanAbsErrorHours: errors.reduce((a, b) => a + b, 0) / errors.length,
    p90AbsErrorHours: quantile(errors, 0.9),
  };
}
