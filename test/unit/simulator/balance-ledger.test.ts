import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '@core/time';
import {
  createCreditLedger,
  defaultCreditPlan,
  usdMicrosToCny,
} from '../../../main/simulator/balance/ledger';
import { centsText, toCentMicros } from '../../../main/simulator/deepseek/responses';

const START = Date.UTC(2026, 0, 1);
/** One micro-unit per second: 3600 an hour. */
const model = {
  historyStartMs: START,
  costMicros: (a: number, b: number) => Math.floor(b / 1000) - Math.floor(a / 1000),
};
const plan = { initialMicros: 100_000, grantMicros: 0, thresholdMicros: 20_000, topUpMicros: 50_000 };

describe('credit ledger', () => {
  it('tops up at the first hour start whose balance is below the threshold', () => {
    const ledger = createCreditLedger({ model, currency: 'USD', plan });
    // 100_000 − 3600 h < 20_000 first at h = 23; then 150_000 − 3600 h < 20_000 first at h = 37.
    expect(ledger.topUps(START + 40 * HOUR_MS)).toEqual([
      { atMs: START, amountMicros: 100_000, kind: 'purchase' },
      { atMs: START + 23 * HOUR_MS, amountMicros: 50_000, kind: 'auto-top-up' },
      { atMs: START + 37 * HOUR_MS, amountMicros: 50_000, kind: 'auto-top-up' },
    ]);
    expect(ledger.balanceAt(START + 23 * HOUR_MS - 1000)).toBe(100_000 - 23 * 3600 + 1);
    expect(ledger.balanceAt(START + 23 * HOUR_MS)).toBe(150_000 - 23 * 3600);
    expect(ledger.spentBetween(START + HOUR_MS, START + 2 * HOUR_MS)).toBe(3600);
    expect(ledger.balanceAt(START - HOUR_MS)).toBe(0);
  });

  it('answers the same whatever order it is asked in', () => {
    const a = createCreditLedger({ model, currency: 'USD', plan });
    const b = createCreditLedger({ model, currency: 'USD', plan });
    const late = a.balanceAt(START + 50 * HOUR_MS);
    expect(b.balanceAt(START + 10 * HOUR_MS)).toBe(a.balanceAt(START + 10 * HOUR_MS));
    expect(b.balanceAt(START + 50 * HOUR_MS)).toBe(late);
  });

  it('spends the grant first', () => {
    const ledger = createCreditLedger({ model, currency: 'CNY', plan: { ...plan, grantMicros: 10_000 } });
    expect(ledger.grantLeftAt(START + HOUR_MS)).toBe(6400);
    expect(ledger.grantLeftAt(START + 3 * HOUR_MS)).toBe(0);
    expect(ledger.topUps(START)[0]).toMatchObject({ kind: 'grant', amountMicros: 10_000 });
  });

  it('refuses a plan whose top-up would not lift the balance', () => {
    expect(() =>
      createCreditLedger({ model, currency: 'USD', plan: { ...plan, topUpMicros: 20_000 } }),
    ).toThrow(RangeError);
  });

  it('default plan: 30 days up front, top up 20 days when under 5', () => {
    expect(defaultCreditPlan(25_000_000, 0)).toEqual({
      initialMicros: 750_000_000,
      grantMicros: 0,
      thresholdMicros: 125_000_000,
      topUpMicros: 500_000_000,
    });
  });
});

describe('money formats', () => {
  it('converts dollars to yuan at 7.2 exactly, flooring', () => {
    expect(usdMicrosToCny(1_000_001)).toBe(7_200_007);
    expect(usdMicrosToCny(10)).toBe(72);
  });

  it('rounds to cents and writes them as DeepSeek does', () => {
    expect(toCentMicros(1_234_999)).toBe(1_230_000);
    expect(toCentMicros(1_235_000)).toBe(1_240_000);
    expect(centsText(110_000_000)).toBe('110.00');
    expect(centsText(50_000)).toBe('0.05');
  });
});
