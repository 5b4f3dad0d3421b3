import { describe, expect, it } from 'vitest';
import { defaultAlertSettings } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import type { AlertKind } from '@core/alerts/alert-types';
import { evaluateAlerts } from '@core/alerts/evaluate';
import { DAY_MS } from '@core/time';
import { calmFacts, hoursFromNow, NOW, type FactsPatch } from './alert-fixtures';

/**
 * For each rule: facts that fire it, facts between its threshold and its clear threshold (the
 * hysteresis band: an active alert stays, a new one does not start), and facts that clear it.
 */
const CASES: Record<AlertKind, { on: FactsPatch; band: FactsPatch | null; off: FactsPatch; words: RegExp }> =
  {
    'low-credit': {
      on: { balance: { micros: 9_000_000, asOfMs: NOW }, spendPerDayMicros: 1_000_000 },
      band: { balance: { micros: 10_500_000, asOfMs: NOW }, spendPerDayMicros: 1_000_000 },
      off: { balance: { micros: 12_000_000, asOfMs: NOW }, spendPerDayMicros: 1_000_000 },
      words: /About \$9\.00 of credit left .* below your \$10\.00 alert/,
    },
    'low-runway': {
      on: { balance: { micros: 40_000_000, asOfMs: NOW } }, // 2 days at $20/day
      band: { balance: { micros: 62_000_000, asOfMs: NOW } }, // 3.1 days: under 3 × 1.1
      off: { balance: { micros: 80_000_000, asOfMs: NOW } },
      words: /At the usual \$20\.00 a day, the \$40\.00 left runs out around/,
    },
    'reload-soon': {
      on: { nextReload: { atMs: hoursFromNow(30), chargeMicros: 40_000_000 } },
      band: { nextReload: { atMs: hoursFromNow(50), chargeMicros: 40_000_000 } },
      off: { nextReload: { atMs: hoursFromNow(80), chargeMicros: 40_000_000 } },
      words: /Your card will be charged about \$40\.00/,
    },
    'card-charge': {
      on: {
        monthEnd: {
          atMs: Date.UTC(2026, 11, 1),
          cardCharge: null,
          reloads: { countP50: 2, charges: { p10: 40e6, p50: 80e6, p90: 120e6 }, probabilityAny: 0.9 },
        },
      },
      band: {
        monthEnd: {
          atMs: Date.UTC(2026, 11, 1),
          cardCharge: null,
          reloads: { countP50: 1, charges: { p10: 0, p50: 40e6, p90: 80e6 }, probabilityAny: 0.45 },
        },
      },
      off: {
        monthEnd: {
          atMs: Date.UTC(2026, 11, 1),
          cardCharge: null,
          reloads: { countP50: 0, charges: { p10: 0, p50: 0, p90: 40e6 }, probabilityAny: 0.2 },
        },
      },
      words: /Expected card charges before .*: \$80\.00 \(likely \$40\.00–\$120\.00\)/,
    },
    'credit-expiring': {
      on: { expiring: [{ lotId: 'grant1', micros: 25_000_000, expiresAtMs: NOW + 10 * DAY_MS }] },
      band: null, // a date, not a wobbling figure
      off: { expiring: [] },
      words: /\$25\.00 of this credit is still unused and expires on Fri 4 Dec/,
    },
    'spend-spike': {
      on: {
        spike: {
          hourStartMs: Date.UTC(2026, 10, 24, 14),
          tokens: 400_000,
          projectedTokens: 400_000,
          usualTokens: 20_000,
          ratio: 20,
          projectId: 'p',
          projectName: 'batch',
          model: 'gpt-4o',
        },
      },
      band: {
        spike: {
          hourStartMs: Date.UTC(2026, 10, 24, 14),
          tokens: 380_000,
          projectedTokens: 380_000,
          usualTokens: 100_000,
          ratio: 3.8,
          projectId: 'p',
          projectName: 'batch',
          model: 'gpt-4o',
        },
      },
      off: {
        spike: {
          hourStartMs: Date.UTC(2026, 10, 24, 14),
          tokens: 200_000,
          projectedTokens: 200_000,
          usualTokens: 100_000,
          ratio: 2,
          projectId: 'p',
          projectName: 'batch',
          model: 'gpt-4o',
        },
      },
      words: /mostly project batch on gpt-4o/,
    },
    'silent-org-spending': {
      on: { spend: { priorMicros: 0, recentMicros: 3_200_000 } },
      band: { spend: { priorMicros: 0, recentMicros: 950_000 } },
      off: { spend: { priorMicros: 0, recentMicros: 500_000 } },
      words: /\$3\.20 yesterday and so far today, after \$0\.00 in the 28 days before/,
    },
    'sync-failing': {
      on: { sync: { state: 'error', failingSinceMs: NOW - 65 * 60_000, message: 'OpenAI did not answer.' } },
      band: { sync: { state: 'syncing', failingSinceMs: NOW - 70 * 60_000, message: null } },
      off: { sync: { state: 'ok', failingSinceMs: null, message: null } },
      words: /Figures are as of .* OpenAI did not answer\./,
    },
    'spend-limit': {
      on: { spend: { monthToDateMicros: 820_000_000 } },
      band: { spend: { monthToDateMicros: 750_000_000 } },
      off: { spend: { monthToDateMicros: 600_000_000 } },
      words: /\$820\.00 spent this month of the \$1,000\.00 limit \(read from OpenAI\)/,
    },
  };

function run(sequence: FactsPatch[]) {
  let state = emptyAlertState();
  const steps = [];
  for (const [i, patch] of sequence.entries()) {
    const nowMs = NOW + i * 60_000;
    const r = evaluateAlerts({
      facts: [calmFacts({ ...patch })],
      settings: defaultAlertSettings(),
      state,
      nowMs,
      displayZone: 'UTC',
    });
    state = r.state;
    steps.push(r);
  }
  return steps;
}

describe('calm facts', () => {
  it('raise no alert at all', () => {
    expect(run([{}])[0]!.active).toEqual([]);
  });
});

describe.each(Object.entries(CASES))('rule %s', (kind, c) => {
  it('fires once per episode, with its figures in words', () => {
    const [first, second] = run([c.on, c.on]);
    expect(first!.deliver.map((a) => a.kind)).toEqual([kind]);
    expect(first!.deliver[0]!.body).toMatch(c.words);
    expect(second!.deliver).toEqual([]);
    expect(second!.active.map((a) => a.kind)).toEqual([kind]);
  });

  it('re-arms when the condition clears, and fires again on the next episode', () => {
    const steps = run([c.on, c.off, c.on]);
    expect(steps[1]!.active).toEqual([]);
    expect(steps[2]!.deliver.map((a) => a.kind)).toEqual([kind]);
    expect(steps[1]!.state.history.map((h) => h.event)).toEqual(['started', 'notified', 'cleared']);
  });
});

// Credit expiring is a date, not a wobbling figure: it has no hysteresis band.
describe.each(Object.entries(CASES).filter(([, c]) => c.band !== null))('rule %s hysteresis', (_kind, c) => {
  it('does not flap inside the hysteresis band', () => {
    const steps = run([c.on, c.band!, c.on, c.band!, c.off, c.band!]);
    expect(steps.map((s) => s.deliver.length)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(steps.map((s) => s.active.length)).toEqual([1, 1, 1, 1, 0, 0]);
  });
});
