import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastSpend } from '@core/forecast/engine';
import { DEFAULT_MODEL_PARAMS, fitSpendModel, levelAt } from '@core/forecast/spend-model';
import { createHourlySeries, type HourlySeries } from '@core/hourly-series';
import { HOUR_MS } from '@core/time';
import { createSimulatedSpendModel } from '../../../../main/simulator/index';

const NOW = Date.UTC(2025, 5, 2);

// Hourly spend (USD) of a simulated org over [fromMs, toMs).
function simulatedSeries(
  opts: Parameters<typeof createSimulatedSpendModel>[0],
  fromMs: number,
  toMs: number,
): HourlySeries {
  const model = createSimulatedSpendModel(opts, NOW);
  const usd: number[] = [];
  for (let t = fromMs; t < toMs; t += HOUR_MS) usd.push(model.costMicros(t, t + HOUR_MS) / 1e6);
  return createHourlySeries(fromMs, usd);
}

// Forecast from 28 days of history; balance − threshold is the real spend of the next 24 h, so the
// true crossing is at +24 h. Returns the P50 error and the P10–P90 width, in hours.
function crossingCheck(opts: Parameters<typeof createSimulatedSpendModel>[0]) {
  const series = simulatedSeries({ ...opts, historyDays: 60 }, NOW - 28 * 24 * HOUR_MS, NOW + 24 * HOUR_MS);
  const cut = series.usd.length - 24;
  const gap = series.usd.subarray(cut).reduce((a, b) => a + b, 0);
  const r = forecastSpend({
    history: series,
    nowMs: NOW,
    balanceMicros: Math.round(gap * 1e6),
    thresholdMicros: 0,
    horizonHours: 168,
    seed: 3,
  });
  const c = r.crossing!;
  const hours = (ms: number | null) => (ms === null ? 168 : (ms - NOW) / HOUR_MS);
  return {
    covered: hours(c.p10Ms) <= 24 && 24 <= hours(c.p90Ms),
    // Band width relative to the true crossing (24 h for both), so orgs of different size compare. (Not
    // relative to the P50: after a quiet day the spiky org's P50 lies days out, which says nothing of its band.)
    relativeWidth: (hours(c.p90Ms) - hours(c.p10Ms)) / 24,
  };
}

describe('central P50 crossing', () => {
  const steady = () => {
    const n = 14 * 24;
    const usd = Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin((2 * Math.PI * i) / 24));
    return createHourlySeries(NOW - n * HOUR_MS, usd);
  };
  const input = (seed: number) => ({
    history: steady(),
    nowMs: NOW,
    balanceMicros: 40e6,
    thresholdMicros: 10e6,
    horizonHours: 168,
    seed,
    paths: 500,
  });

  it('does not move with the seed, while the band edges do', () => {
    const a = forecastSpend(input(1)).crossing!;
    const b = forecastSpend(input(2)).crossing!;
    expect(a.p50Ms).toBe(b.p50Ms);
    expect([a.p10Ms, a.p90Ms]).not.toEqual([b.p10Ms, b.p90Ms]);
    expect(a.p10Ms!).toBeLessThanOrEqual(a.p50Ms!);
    expect(a.p50Ms!).toBeLessThanOrEqual(a.p90Ms!);
  });

  it('is the time the expected cumulative spend reaches the gap', () => {
    // $1/h on average with a daily cycle and a $30 gap: within the cycle's swing of 30 h.
    const p50h = (forecastSpend(input(1)).crossing!.p50Ms! - NOW) / HOUR_MS;
    expect(p50h).toBeGreaterThan(30 - 4);
    expect(p50h).toBeLessThan(30 + 4);
  });
});

describe('reversion toward the long-run mean', () => {
  it('keeps a floor under the level after a quiet day, so the P50 stays within the horizon', () => {
    // Two weeks at $24/day, then a day with no spend at all.
    const usd = [...new Array(14 * 24).fill(1), ...new Array(24).fill(0)];
    const history = createHourlySeries(NOW - usd.length * HOUR_MS, usd);
    const model = fitSpendModel(history);
    expect(model.longRunPerDay).toBeCloseTo((14 * 24) / 15, 6);
    // Tomorrow at least (1 − rev^(1.5 − delay)) of the long-run mean (rev = reversion per day, delay = days
    // before the pull starts); a week out clearly more.
    const rev = DEFAULT_MODEL_PARAMS.reversionPerDay;
    const delay = DEFAULT_MODEL_PARAMS.reversionDelayDays;
    expect(levelAt(model, 1.5)).toBeGreaterThan(
      (1 - Math.pow(rev, 1.5 - delay)) * model.longRunPerDay - 1e-9,
    );
    expect(levelAt(model, 7.5)).toBeGreaterThan(levelAt(model, 1.5));
    const r = forecastSpend({
      history,
      nowMs: NOW,
      balanceMicros: 24e6,
      thresholdMicros: 0,
      horizonHours: 168,
      seed: 1,
      paths: 300,
    });
    expect(r.crossing!.p50Ms).not.toBeNull();
  });

  it('starts the pull only after the delay: the next 24 hours run at the recent level', () => {
    const usd = [...new Array(7 * 24).fill(2), ...new Array(3 * 24).fill(1)];
    const history = createHourlySeries(NOW - usd.length * HOUR_MS, usd);
    const params = { ...DEFAULT_MODEL_PARAMS, reversionPerDay: 0.5, trendPriorDays: 1e9 };
    const delayed = fitSpendModel(history, { ...params, reversionDelayDays: 0.5 });
    const at0 = fitSpendModel(history, { ...params, reversionDelayDays: 0 });
    // Level ≈ $24/day (the last days), long-run mean $40.8/day: no pull for the first day with the delay.
    expect(levelAt(delayed, 0.5)).toBeCloseTo(delayed.levelPerDay, 6);
    expect(levelAt(at0, 0.5)).toBeGreaterThan(at0.levelPerDay + 1);
    // From then on the same pull, half a day later: weight 0.5^1 on the level on day 2 (vs 0.5^1.5).
    expect(levelAt(delayed, 1.5)).toBeCloseTo(0.5 * delayed.levelPerDay + 0.5 * delayed.longRunPerDay, 6);
  });

  it('with reversion 1 follows the recent level alone', () => {
    const usd = [...new Array(7 * 24).fill(2), ...new Array(3 * 24).fill(1)];
    const model = fitSpendModel(createHourlySeries(NOW - usd.length * HOUR_MS, usd), {
      ...DEFAULT_MODEL_PARAMS,
      reversionPerDay: 1,
    });
    expect(levelAt(model, 2.5)).toBeLessThan(model.longRunPerDay);
  });
});

describe('on simulated orgs', () => {
  it('covers the truth for a steady org and gives a spiky (trace-replayed) org a wider band', () => {
    const steady = crossingCheck({ seed: 11 });
    const csvText = readFileSync('test/fixtures/traces/m-small_c009.csv', 'utf8');
    const spiky = crossingCheck({ seed: 11, trace: { name: 'm-small_c009', csvText } });
    expect(steady.covered).toBe(true);
    expect(spiky.relativeWidth).toBeGreaterThan(1.5 * steady.relativeWidth);
  });
});
