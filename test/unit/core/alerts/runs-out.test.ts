// Prepaid credit without auto-reload: the alert says when it runs out, quoting the account's answer, as
// soon as that is within 7 days (configurable) — not only once 3 days remain.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@core/alerts/alert-settings';
import { lowRunwayRule } from '@core/alerts/rules/low-runway';
import { DAY_MS, HOUR_MS } from '@core/time';
import { accountState, answerOf, NOW, observation } from '../answer/answer-fixtures';
import { calmFacts } from './alert-fixtures';

// About $24–$37 a day of spend and no auto-reload.
const factsWith = (balanceMicros: number) => {
  const state = accountState({
    entries: [observation(NOW - 2 * HOUR_MS, balanceMicros)],
    billing: { mode: 'prepaid' },
  });
  const answer = answerOf(state);
  const facts = calmFacts({
    nowMs: NOW,
    answer,
    balance: { micros: answer.figures['credit-left'].valueMicros ?? 0, asOfMs: NOW },
    spendPerDayMicros: 30_000_000,
  });
  return { facts, answer };
};

describe('runs-out alert (prepaid, no auto-reload)', () => {
  it('warns when the credit likely runs out within 7 days, in the answer’s words', () => {
    const { facts, answer } = factsWith(150_000_000);
    const runsOut = answer.figures['runs-out'];
    // Between 3 and 7 days away: the old 3-day runway rule stayed silent here.
    expect((runsOut.atMs ?? 0) - NOW).toBeGreaterThan(3 * DAY_MS);
    expect((runsOut.atMs ?? 0) - NOW).toBeLessThan(7 * DAY_MS);
    const c = lowRunwayRule(facts, DEFAULT_ALERT_RULES, false);
    expect(c?.title).toBe(`Acme: credit runs out ${runsOut.text}`);
    expect(c?.body).toContain(answer.figures['credit-left'].text);
    expect(c?.body).toContain(runsOut.text);
  });

  it('stays silent when it runs out later than the configured days, and the days can be changed', () => {
    const { facts } = factsWith(150_000_000);
    expect(lowRunwayRule(facts, { ...DEFAULT_ALERT_RULES, runsOutDays: 3 }, false)).toBeNull();
    const far = factsWith(2_000_000_000).facts;
    expect(lowRunwayRule(far, DEFAULT_ALERT_RULES, false)).toBeNull();
  });
});
