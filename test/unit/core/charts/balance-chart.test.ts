import { describe, expect, it } from 'vitest';
import type { AnswerFigure } from '@core/answer/account-answer';
import { knownFigure } from '@core/answer/figure-of';
import { buildBalanceChart, chartEndMs, type BalanceChart } from '@core/charts/balance-chart';
import type { DailyProjectSpend } from '@core/dashboard';
import type { LedgerEntry } from '@core/ledger-schema';
import type { MoneyView } from '@core/money-view';
import { DAY_MS, HOUR_MS } from '@core/time';

import { daily, forecast, money, NOW, OBS, RULE, USD } from '../money-view-fixture';

/** The chart at NOW with its points in whole units, as the assertions below read them. */
function buildBalanceSeries(
  m: MoneyView,
  d: DailyProjectSpend[],
  nowMs: number,
  expiring: AnswerFigure | null = null,
): (BalanceChart & { thresholdAmount: number | null }) | null {
  const chart = buildBalanceChart(m, d, nowMs, expiring, { timeZone: 'UTC', wordsNowMs: nowMs });
  if (!chart) return null;
  const units = (ps: { x: number; y: number }[]) => ps.map((p) => ({ x: p.x, y: p.y / USD }));
  return {
    ...chart,
    recorded: units(chart.recorded),
    actual: units(chart.actual),
    middle: units(chart.middle),
    low: units(chart.low),
    high: units(chart.high),
    reloads: units(chart.reloads),
    thresholdAmount: chart.threshold ? chart.threshold.micros / USD : null,
  };
}

describe('balance chart', () => {
  it('runs the middle line through the forecast crossing, reloads by the rule, and marks expiries and month end', () => {
    const grant: LedgerEntry = {
      id: 'g',
      kind: 'grant',
      atMs: NOW - 10 * DAY_MS,
      micros: 20 * USD,
      expiresAtMs: NOW + 7 * DAY_MS,
      note: '',
    };
    const s = buildBalanceSeries(money([OBS, grant]), daily(30), NOW)!;
    expect(s.kind).toBe('balance');
    expect(s.endMs).toBe(chartEndMs(NOW, Date.UTC(2026, 11, 1)));
    expect(s.endMs).toBe(NOW + 14 * DAY_MS); // month end is under two weeks away
    expect(s.recorded).toEqual([{ x: NOW - DAY_MS, y: 130 }]);
    // The estimated line ends at the estimate and goes back through a day of $30 spend to $130.
    expect(s.actual.at(-1)).toEqual({ x: NOW, y: 100 });
    expect(s.actual[0]!.x).toBe(NOW - DAY_MS);
    expect(s.actual[0]!.y).toBeCloseTo(130, 5);
    // The first reload of the middle line is at the forecast's likely crossing, restoring $50.
    expect(s.reloads[0]!.x).toBeCloseTo(NOW + 3 * DAY_MS, -3);
    expect(s.reloads[0]!.y).toBe(50);
    // The range: its low edge is the fast end, reaching the threshold at the early crossing (2 days); until then
    // its high edge is the slow end, still $60 above the threshold at 2 days (reaching it at 5 days).
    const firstNear = (line: { x: number; y: number }[]) => line.find((p) => p.y <= 10.5)!.x;
    expect(Math.abs(firstNear(s.low) - (NOW + 2 * DAY_MS))).toBeLessThanOrEqual(2 * HOUR_MS);
    const at = (line: { x: number; y: number }[], x: number) => line.find((p) => p.x === x)!.y;
    expect(at(s.high, NOW + DAY_MS)).toBeCloseTo(100 - 18, 5);
    expect(at(s.low, NOW + DAY_MS)).toBeCloseTo(100 - 45, 5);
    // After reloads, the low edge stays at the threshold and the high edge near the restored $50.
    expect(Math.min(...s.low.map((p) => p.y))).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(at(s.high, NOW + 4 * DAY_MS)).toBeGreaterThan(45);
    expect(s.thresholdAmount).toBe(10);
    expect(s.marks.map((m) => m.kind)).toEqual(['now', 'month-end', 'expiry']);
  });

  it('draws the likely range as one band: low never above high, no gap from now to the end, never below zero', () => {
    // The value of a line at x (after any jump at x), linear between its points.
    const valueAt = (line: { x: number; y: number }[], x: number) => {
      let i = 0;
      while (i + 1 < line.length && line[i + 1]!.x <= x) i++;
      const a = line[i]!;
      const b = line[i + 1];
      return !b || a.x >= x || b.x === a.x ? a.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    };
    const addRule = { ...RULE, action: { kind: 'add-fixed' as const, amountMicros: 40 * USD } };
    const cases = [
      money([OBS]),
      money([OBS], {
        ledger: { ...money([]).ledger, billing: { ...money([]).ledger.billing, reload: addRule } },
      }),
      // No auto-reload: the fast end runs the balance out, and the band stops at zero.
      money([OBS], {
        ledger: { ...money([]).ledger, billing: { ...money([]).ledger.billing, reload: null } },
        forecast: forecast({ crossing: null, reloads: null }),
      }),
    ];
    for (const m of cases) {
      const s = buildBalanceSeries(m, daily(30), NOW)!;
      const xs = [...new Set([...s.low, ...s.high].map((p) => p.x))].sort((a, b) => a - b);
      for (const x of xs) {
        expect(valueAt(s.low, x)).toBeLessThanOrEqual(valueAt(s.high, x) + 1e-9);
        expect(valueAt(s.low, x)).toBeGreaterThanOrEqual(0);
      }
      // The table says the same floored figures: never below zero.
      for (const row of s.table) expect(row.valueMicros).toBeGreaterThanOrEqual(0);
      // Both edges run from now to the chart's end without a hole.
      for (const edge of [s.low, s.high]) {
        expect(edge[0]!.x).toBe(NOW);
        expect(edge.at(-1)!.x).toBe(s.endMs);
        for (let i = 1; i < edge.length; i++)
          expect(edge[i]!.x - edge[i - 1]!.x).toBeLessThanOrEqual(3 * HOUR_MS);
      }
      // The middle line (drawn floored at zero like the band) lies inside the band.
      for (const p of s.middle.filter((q) => q.x > NOW)) {
        expect(Math.max(0, p.y)).toBeGreaterThanOrEqual(valueAt(s.low, p.x) - 1e-6);
        expect(Math.max(0, p.y)).toBeLessThanOrEqual(valueAt(s.high, p.x) + 1e-6);
      }
    }
  });

  it('shows this month’s spend and its forecast for monthly billing', () => {
    const m = money([], {
      balance: null,
      ledger: {
        billing: { mode: 'monthly', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
        entries: [],
      },
      forecast: forecast({ crossing: null, reloads: null }),
    });
    const s = buildBalanceSeries(m, daily(10), NOW)!;
    expect(s.kind).toBe('spend');
    expect(s.startMs).toBe(Date.UTC(2026, 10, 1));
    // 17 whole days and half of today at $10 a day.
    expect(s.actual.at(-1)!.y).toBeCloseTo(175, 5);
    expect(s.middle.at(-1)).toEqual({ x: Date.UTC(2026, 11, 1), y: 175 + 380 });
    expect(s.low.at(-1)!.y).toBeCloseTo(475, 5);
    expect(s.high.at(-1)!.y).toBeCloseTo(645, 5);
  });

  it('steps down where credit expires unused, and reloads if that takes it below the threshold', () => {
    const expiresAtMs = NOW + 2 * DAY_MS;
    const m = money([OBS], {
      lots: [
        {
          id: 'p',
          kind: 'purchase',
          atMs: NOW - 300 * DAY_MS,
          micros: 80 * USD,
          expiresAtMs,
          remainingMicros: 80 * USD,
        },
      ],
      forecast: forecast({
        crossing: { ...forecast().crossing!, p10: null as never, p50: null as never, p90: null as never },
        expiringUnusedAmount: { p10: 40, p50: 50, p90: 60 },
      }),
    });
    m.forecast!.crossing!.p10 = new Date(expiresAtMs).toISOString();
    m.forecast!.crossing!.p50 = new Date(expiresAtMs).toISOString();
    m.forecast!.crossing!.p90 = new Date(expiresAtMs).toISOString();
    // The step is the answer's expiring-unused figure: its date and its (rounded) range.
    const expiring = knownFigure('expiring-unused', {
      valueMicros: 50 * USD,
      range: { low: 40 * USD, mid: 50 * USD, high: 60 * USD },
      atMs: expiresAtMs,
      asOfMs: NOW,
      source: 'estimated',
      text: 'about $50.00 (likely $40.00–$60.00) of credit expiring Fri 20 Nov expected unused',
    });
    const series = buildBalanceSeries(m, daily(24), NOW, expiring)!;
    expect(series.marks.find((k) => k.kind === 'expiry')?.label).toBe('credit expires, about $50.00 unused');
    const atExpiry = series.middle.filter((p) => p.x === expiresAtMs).map((p) => p.y);
    // $100 now, falling at the spend rate ($380 over the 12.5 days to month end, about $30 a day): about $39
    // at the expiry, $50 lost → below the $10 threshold (drawn at zero: a prepaid balance never goes below it) →
    // the rule restores $50 there.
    expect(atExpiry.length).toBeGreaterThanOrEqual(3);
    expect(atExpiry[0]!).toBeGreaterThan(30);
    expect(atExpiry[0]!).toBeLessThan(50);
    expect(atExpiry[1]).toBe(0);
    expect(atExpiry[2]).toBe(50);
    expect(series.reloads).toContainEqual({ x: expiresAtMs, y: 50 });
  });

  it('has no chart without a forecast', () => {
    expect(buildBalanceSeries(money([], { forecast: null }), [], NOW)).toBeNull();
  });
});
