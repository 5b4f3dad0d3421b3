import { describe, expect, it } from 'vitest';
import { forecastSpend, type ForecastInput } from '@core/forecast/engine';
import { createHourlySeries } from '@core/hourly-series';
import { createRandom } from '@core/random';
import { HOUR_MS } from '@core/time';

const NOW = Date.UTC(2025, 3, 10);
// Noisy but steady spend: ~$1/hour with a daily cycle, `days` days before NOW.
function history(days: number, seed = 5) {
  const r = createRandom(seed);
  const n = days * 24;
  const usd = Array.from({ length: n }, (_, i) =>
    Math.max(0, (1 + 0.5 * Math.sin((2 * Math.PI * i) / 24)) * (0.6 + 0.8 * r())),
  );
  return createHourlySeries(NOW - n * HOUR_MS, usd);
}
const base = (over: Partial<ForecastInput> = {}): ForecastInput => ({
  history: history(14),
  nowMs: NOW,
  balanceMicros: 60e6,
  thresholdMicros: 10e6,
  horizonHours: 168,
  seed: 42,
  paths: 1000,
  ...over,
});
const widthHours = (r: ReturnType<typeof forecastSpend>) =>
  ((r.crossing!.p90Ms ?? Infinity) - (r.crossing!.p10Ms as number)) / HOUR_MS;

describe('forecastSpend', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(forecastSpend(base())).toEqual(forecastSpend(base()));
    expect(forecastSpend(base()).crossing).not.toEqual(forecastSpend(base({ seed: 43 })).crossing);
  });

  it('puts the P50 crossing near gap ÷ rate for steady spend', () => {
    const r = forecastSpend(base());
    const p50h = ((r.crossing!.p50Ms as number) - NOW) / HOUR_MS;
    expect(p50h).toBeGreaterThan(30);
    expect(p50h).toBeLessThan(75); // $50 gap at ~$1/h
    expect(r.crossing!.p10Ms!).toBeLessThan(r.crossing!.p50Ms!);
    expect(r.crossing!.probabilityWithinHorizon).toBeGreaterThan(0.9);
  });

  it('gives wider bands and lower confidence with less history', () => {
    const short = forecastSpend(base({ history: history(2) }));
    const long = forecastSpend(base({ history: history(40) }));
    expect(widthHours(short)).toBeGreaterThan(1.3 * widthHours(long));
    expect(short.confidence).toBe('low');
    expect(long.confidence).not.toBe('low');
  });

  it('answers honestly from one hour of history: very wide, low confidence', () => {
    const r = forecastSpend(base({ history: createHourlySeries(NOW - HOUR_MS, [1]) }));
    expect(r.confidence).toBe('low');
    expect(r.model.levelLogSd).toBeGreaterThan(1);
    expect(r.crossing!.p90Ms === null || widthHours(r) > 100).toBe(true);
  });

  it('never crosses for an org with no spend', () => {
    const r = forecastSpend(base({ history: createHourlySeries(NOW - 48 * HOUR_MS, new Array(48).fill(0)) }));
    expect(r.crossing).toMatchObject({ p10Ms: null, p50Ms: null, p90Ms: null, probabilityWithinHorizon: 0 });
  });

  it('counts reloads to month end: restore-to charges target − threshold, fixed charges the amount', () => {
    const restore = forecastSpend(
      base({
        reload: {
          enabled: true,
          thresholdMicros: 10e6,
          action: { kind: 'restore-to', targetMicros: 60e6 },
          monthlyLimit: null,
        },
      }),
    );
    const fixed = forecastSpend(
      base({
        reload: {
          enabled: true,
          thresholdMicros: 10e6,
          action: { kind: 'add-fixed', amountMicros: 25e6 },
          monthlyLimit: null,
        },
      }),
    );
    const perReload = restore.reloads!.chargedMicros.p50 / restore.reloads!.count.p50;
    expect(perReload).toBeGreaterThan(49e6);
    expect(perReload).toBeLessThan(52e6);
    expect(fixed.reloads!.count.p50).toBeGreaterThan(restore.reloads!.count.p50);
  });

  it('stops reloads at the monthly limit and reports the chance of reaching it', () => {
    const r = forecastSpend(
      base({
        reload: {
          enabled: true,
          thresholdMicros: 10e6,
          action: { kind: 'add-fixed', amountMicros: 25e6 },
          monthlyLimit: { kind: 'usd', micros: 50e6 },
        },
      }),
    );
    expect(r.reloads!.count.p90).toBeLessThanOrEqual(2);
    expect(r.reloads!.probabilityLimitReached).toBeGreaterThan(0.9);
  });

  it('gives a month-end card charge on monthly billing, offset by prepaid credit', () => {
    const r = forecastSpend(
      base({ mode: 'monthly', thresholdMicros: null, balanceMicros: 0, monthToDateMicros: 200e6 }),
    );
    expect(r.monthEnd.chargeMicros!.p50).toBeGreaterThan(200e6 + r.monthEnd.spendMicros.p10 - 1);
    const offset = forecastSpend(
      base({ mode: 'monthly', thresholdMicros: null, balanceMicros: 100e6, monthToDateMicros: 200e6 }),
    );
    expect(offset.monthEnd.chargeMicros!.p50).toBe(r.monthEnd.chargeMicros!.p50 - 100e6);
  });

  it('rejects inputs with no meaningful answer', () => {
    expect(() => forecastSpend(base({ horizonHours: 24 * 365 * 10 }))).toThrow(/horizon/);
    expect(() => forecastSpend(base({ history: createHourlySeries(NOW, []) }))).toThrow(/no spend history/);
    expect(() =>
      forecastSpend(
        base({
          reload: {
            enabled: true,
            thresholdMicros: 10e6,
            action: { kind: 'restore-to', targetMicros: 5e6 },
            monthlyLimit: null,
          },
        }),
      ),
    ).toThrow(/target must be above/);
    expect(() => createHourlySeries(NOW, [1, -2])).toThrow(/non-negative/);
  });
});
