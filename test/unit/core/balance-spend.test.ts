import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitOverDays, stepBetween, type BalancePoint } from '@core/balance-spend';
import { EMPTY_BALANCE_LOG, observedPoints, recordReading, DAILY_KEEP_DAYS } from '@core/balance-log';
import { DAY_MS, HOUR_MS } from '@core/time';

const T0 = Date.UTC(2026, 10, 30, 18, 0);
const at = (
  atMs: number,
  balanceMicros: number,
  usage: number | null = null,
  credits: number | null = null,
): BalancePoint => ({
  atMs,
  balanceMicros,
  usageMicros: usage,
  creditsMicros: credits,
});

/** Reference: each day's exact proportional share of the spend (a fraction, not floored). */
function exactShare(micros: number, startMs: number, endMs: number, dayStartMs: number): number {
  const overlap = Math.max(0, Math.min(endMs, dayStartMs + DAY_MS) - Math.max(startMs, dayStartMs));
  return (micros * overlap) / (endMs - startMs);
}

describe('balance steps', () => {
  it('reads spend from a falling balance, and a rise as a top-up', () => {
    const fall = stepBetween(at(T0, 50_000_000), at(T0 + HOUR_MS, 47_500_000));
    expect(fall).toMatchObject({ spendMicros: 2_500_000, topUpMicros: 0, basis: 'balance' });
    expect(fall.days).toEqual([{ dayStartMs: Date.UTC(2026, 10, 30), micros: 2_500_000 }]);
    const rise = stepBetween(at(T0, 5_000_000), at(T0 + HOUR_MS, 105_000_000));
    expect(rise).toMatchObject({ spendMicros: 0, topUpMicros: 100_000_000 });
  });

  it('uses the usage counter and credits when the API gives them', () => {
    const s = stepBetween(
      at(T0, 90_000_000, 10_000_000, 100_000_000),
      at(T0 + HOUR_MS, 138_000_000, 12_000_000, 150_000_000),
    );
    expect(s).toMatchObject({ spendMicros: 2_000_000, topUpMicros: 50_000_000, basis: 'usage' });
  });

  it('splits across midnight, month end and New Year exactly', () => {
    const nye = Date.UTC(2026, 11, 31, 18, 0);
    const parts = splitOverDays(100, nye, nye + 12 * HOUR_MS);
    expect(parts).toEqual([
      { dayStartMs: Date.UTC(2026, 11, 31), micros: 50 },
      { dayStartMs: Date.UTC(2027, 0, 1), micros: 50 },
    ]);
  });

  it('gives each day its proportional share to within one micro-unit, adding up exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        fc.integer({ min: 1, max: 40 * DAY_MS }),
        (micros, offset, span) => {
          const start = Date.UTC(2026, 0, 1) + offset;
          const parts = splitOverDays(micros, start, start + span);
          expect(parts.reduce((a, p) => a + p.micros, 0)).toBe(micros);
          for (const p of parts)
            expect(Math.abs(p.micros - exactShare(micros, start, start + span, p.dayStartMs))).toBeLessThan(
              1.001,
            );
          // Days left out really get (almost) nothing.
          const listed = new Set(parts.map((p) => p.dayStartMs));
          for (let d = Math.floor(start / DAY_MS) * DAY_MS; d < start + span; d += DAY_MS)
            if (!listed.has(d)) expect(exactShare(micros, start, start + span, d)).toBeLessThan(1.001);
        },
      ),
    );
  });
});

describe('balance log', () => {
  it('keeps the last reading of each day, the newest, and the top-ups', () => {
    let log = EMPTY_BALANCE_LOG('CNY');
    let prev: BalancePoint | null = null;
    const readings = [at(T0, 50), at(T0 + HOUR_MS, 40), at(T0 + DAY_MS, 30), at(T0 + DAY_MS + HOUR_MS, 130)];
    for (const r of readings) {
      log = recordReading(log, r, prev ? stepBetween(prev, r) : null);
      prev = r;
    }
    expect(log.first).toEqual(readings[0]);
    expect(log.last).toEqual(readings[3]);
    expect(log.daily.map((p) => p.balanceMicros)).toEqual([40, 130]);
    expect(log.topUps).toEqual([{ atMs: T0 + DAY_MS + HOUR_MS, micros: 100 }]);
    expect(observedPoints(log, 0).map((p) => p.balanceMicros)).toEqual([40, 130]);
  });

  it('stays bounded however long it runs', () => {
    let log = EMPTY_BALANCE_LOG('USD');
    for (let d = 0; d < DAILY_KEEP_DAYS + 30; d++)
      log = recordReading(log, at(T0 + d * DAY_MS, 1000 - d), null);
    expect(log.daily).toHaveLength(DAILY_KEEP_DAYS);
  });
});
