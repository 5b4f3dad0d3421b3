import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '@core/forecast/backtest';
import { caseBands, chooseOutOfFold, cvCases } from '@core/forecast/cross-validation';
import { bandLoss, coverage, p50Loss, summarize } from '@core/forecast/cv-scores';
import { DEFAULT_MODEL_PARAMS, fitSpendModel } from '@core/forecast/spend-model';
import { createPathSampler, createSlotGrid } from '@core/forecast/paths';
import { createRandom } from '@core/random';
import { parseHistoryCsv } from '../../../../main/commands/history-csv';

const trace = (dir: string, name: string) => ({
  name,
  series: parseHistoryCsv(readFileSync(`test/fixtures/${dir}/${name}.csv`, 'utf8')).series,
});

describe('cross-validation cases', () => {
  it('are the backtest cases, with the same P50 the forecast command gives', () => {
    const t = trace('traces-14d', 'm-mid_c009');
    const cases = cvCases(t.name, t.series);
    const { cases: backtest } = runBacktest([t], { seed: 1, paths: 50 });
    expect(cases.map((c) => [c.cutMs, c.horizonHours])).toEqual(
      backtest.map((c) => [c.cutMs, c.horizonHours]),
    );
    cases.forEach((c, i) => {
      const b = backtest[i]!;
      expect(c.naiveLinear).toBeCloseTo(b.naiveLinear, 9);
      expect(c.last24h).toBeCloseTo(b.last24h, 9);
      // The central P50 takes no draws: the fast path and the engine agree (the engine rounds to the ms).
      const centre = caseBands(c, DEFAULT_MODEL_PARAMS, 0).p50;
      const inBand = Math.min(Math.max(centre, b.ours.p10), b.ours.p90);
      expect(Math.abs(Math.min(168, inBand) - b.ours.p50)).toBeLessThan(1e-3);
    });
  });
});

describe('chooseOutOfFold', () => {
  it('never looks at the held-out fold', () => {
    // Candidate k is perfect on fold k only; the loss counts misses on the cases it is given.
    const foldOf = [0, 0, 1, 1, 2, 2];
    const seen: number[][] = [];
    const chosen = chooseOutOfFold(foldOf, 3, 3, (k, idx) => {
      seen.push(idx);
      return idx.filter((i) => foldOf[i] !== k).length;
    });
    // For held-out fold 0 the training cases are folds 1 and 2: candidates 1 and 2 tie, the first wins.
    expect(chosen).toEqual([1, 0, 0]);
    expect(seen.slice(0, 3).every((idx) => idx.every((i) => foldOf[i] !== 0))).toBe(true);
  });
});

describe('scores', () => {
  const t = trace('traces', 'm-small_c018');
  const cases = cvCases(t.name, t.series);
  const idx = cases.map((_, i) => i);

  it('rate a perfect P50 far below 1 and a useless one above 1', () => {
    expect(
      p50Loss(
        cases,
        idx,
        Float64Array.from(cases, (c) => c.horizonHours),
      ),
    ).toBe(0);
    expect(
      p50Loss(
        cases,
        idx,
        Float64Array.from(cases, () => 168),
      ),
    ).toBeGreaterThan(1);
  });

  it('measure coverage per horizon and its distance from 80 %', () => {
    const wide = cases.map(() => ({ p10: 0, p50: 10, p90: 200 }));
    const narrow = cases.map((c) => ({
      p10: c.horizonHours + 1,
      p50: c.horizonHours + 2,
      p90: c.horizonHours + 3,
    }));
    expect(coverage(cases, idx, wide)).toBe(1);
    expect(coverage(cases, idx, narrow)).toBe(0);
    expect(bandLoss(cases, idx, wide)).toBeCloseTo(0.2, 9);
    expect(bandLoss(cases, idx, narrow)).toBeCloseTo(0.8, 9);
    const rows = summarize(cases, wide);
    expect(rows[0]).toMatchObject({ horizon: 'all', cases: cases.length, ours: { coverage: 100 } });
    expect(rows.slice(1).reduce((n, r) => n + r.cases, 0)).toBe(cases.length);
  });
});

describe('band calibration', () => {
  it('widens the bands, more on the low side, and leaves the central path alone', () => {
    const t = trace('traces', 'm-large_c031');
    const model = (over: object) => fitSpendModel(t.series, { ...DEFAULT_MODEL_PARAMS, ...over });
    const dayTotals = (over: object) => {
      const m = model(over);
      const grid = createSlotGrid(m, t.series.startMs + t.series.usd.length * 3_600_000, 48);
      const sample = createPathSampler(m, grid, createRandom(4), 2000);
      const out = new Float64Array(48);
      const totals: number[] = [];
      for (let p = 0; p < 2000; p++) {
        sample(p, out);
        totals.push(out.subarray(24, 48).reduce((a, b) => a + b, 0));
      }
      totals.sort((a, b) => a - b);
      return { p10: totals[200]!, p50: totals[1000]!, p90: totals[1800]! };
    };
    const plain = dayTotals({ spreadScale: 1, lowTailScale: 1 });
    const wider = dayTotals({ spreadScale: 1.35, lowTailScale: 1 });
    const skewed = dayTotals({ spreadScale: 1.35, lowTailScale: 1.3 });
    expect(wider.p90 / wider.p10).toBeGreaterThan(plain.p90 / plain.p10);
    expect(skewed.p10).toBeLessThan(wider.p10);
    expect(Math.abs(skewed.p90 / wider.p90 - 1)).toBeLessThan(0.1);
    // The central path (the P50) does not depend on the band's parameters at all.
    const base = (over: object) => createSlotGrid(model(over), Date.UTC(2025, 3, 7), 72).base;
    expect(base({ spreadScale: 1.35, lowTailScale: 1.3 })).toEqual(base({ spreadScale: 1, lowTailScale: 1 }));
  });
});
