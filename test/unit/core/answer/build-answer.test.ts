import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { DAY_MS, HOUR_MS } from '@core/time';
import { accountState, answerOf, NOW, observation } from './answer-fixtures';

const RULE = {
  enabled: true,
  thresholdMicros: 100_000_000,
  action: { kind: 'restore-to' as const, targetMicros: 500_000_000 },
  monthlyLimit: null,
};

describe('buildAccountAnswer', () => {
  it('says in words what cannot be known yet, never $0.00 or a default', () => {
    const a = answerOf(accountState({ hasSynced: false }));
    expect(a.payment.kind).toBe('not-set');
    for (const name of FIGURE_NAMES) {
      const f = a.figures[name];
      expect(f.isKnown, name).toBe(false);
      expect(f.text, name).toMatch(/^not known yet — /);
      expect(f.text, name).not.toMatch(/\$0\.00/);
    }
    expect(a.figures['credit-left'].text).toBe('not known yet — record the balance your billing page shows');
    expect(a.staleness.text).toBe('never synced yet');
  });

  it('a hard limit read from the API does not answer how the account pays: still not set', () => {
    // The host puts the API's spend limit into the billing it hands core (services/money.ts).
    const a = answerOf(accountState({ billing: { hardLimitMicros: 1_000_000_000 } }));
    expect(a.payment.kind).toBe('not-set');
    expect(a.figures['credit-left'].isKnown).toBe(false);
  });

  it('prepaid without auto-reload: credit left, when it runs out, and no card charge', () => {
    const a = answerOf(
      accountState({ entries: [observation(NOW - 2 * HOUR_MS, 150_000_000)], billing: { mode: 'prepaid' } }),
    );
    expect(a.payment.kind).toBe('prepaid');
    expect(a.figures['credit-left'].isKnown).toBe(true);
    expect(a.figures['credit-left'].valueMicros).toBeLessThan(150_000_000);
    const runsOut = a.figures['runs-out'];
    // About $145 left at $24–$40 a day: a few days.
    expect(runsOut.atMs).not.toBeNull();
    expect((runsOut.atMs ?? 0) - NOW).toBeGreaterThan(2 * DAY_MS);
    expect((runsOut.atMs ?? 0) - NOW).toBeLessThan(8 * DAY_MS);
    expect(runsOut.text).toMatch(/^around (Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d+ Dec/);
    expect(a.figures['card-by-month-end'].text).toBe('nothing — no auto-reload is set');
    expect(a.headline).toBe('runs-out');
    expect(a.urgency).toBe(3);
  });

  it('auto-reload: card charges by month end as a count and amount, never a mean', () => {
    const a = answerOf(
      accountState({
        entries: [observation(NOW - HOUR_MS, 300_000_000)],
        billing: { mode: 'prepaid', reload: RULE },
      }),
    );
    expect(a.payment.kind).toBe('prepaid-auto-reload');
    expect(a.nextReload?.perReloadMicros).toBe(400_000_000);
    const d = a.cardByMonthEnd;
    expect(d).not.toBeNull();
    // The likely amount is what the likely number of ~$400 reloads charges, not an average of outcomes.
    const count = d?.count.mid ?? 0;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(d?.amount.mid ?? 0).toBeGreaterThanOrEqual(count * 400_000_000 * 0.95);
    expect(d?.amount.mid ?? 0).toBeLessThanOrEqual(count * 400_000_000 * 1.1);
    expect(a.figures['card-by-month-end'].text).toMatch(
      /^(\d+ reloads \(likely \d+–\d+\), about \$[\d,]+|.* of one \$400 reload) before Thu 31 Dec/,
    );
    expect(a.figures['runs-out'].text).toBe('does not run out — auto-reload tops it up');
    expect(a.figures['next-reload'].text).toMatch(/^around .* Dec, \$400\.00( \(\d+% chance before .*\))?$/);
  });

  it('balance providers: read from the provider, in its currency', () => {
    const a = answerOf(accountState({ provider: 'deepseek', currency: 'CNY', hasSynced: true }));
    expect(a.payment.kind).toBe('provider-balance');
    expect(a.figures['credit-left'].text).toBe(
      'not known yet — waiting for the first balance reading from DeepSeek',
    );
    expect(a.figures['this-month'].text).toMatch(/^CN¥/);
  });

  it('carries its instant, and every figure is "as of" no later than it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }).map((x) => x * 1_000_000),
        fc.integer({ min: 1, max: 60 }).map((x) => x * 1_000_000),
        fc.boolean(),
        (balance, perDay, hasRule) => {
          const a = answerOf(
            accountState({
              dailyMicros: Array.from({ length: 20 }, () => perDay),
              entries: [observation(NOW - HOUR_MS, balance)],
              billing: { mode: 'prepaid', reload: hasRule ? RULE : null },
            }),
          );
          expect(a.nowMs).toBe(NOW);
          for (const name of FIGURE_NAMES) {
            const f = a.figures[name];
            expect(f.text.length, name).toBeGreaterThan(0);
            if (f.asOfMs !== null) expect(f.asOfMs).toBeLessThanOrEqual(NOW);
            if (f.range) {
              expect(f.range.low).toBeLessThanOrEqual(f.range.mid);
              expect(f.range.mid).toBeLessThanOrEqual(f.range.high);
            }
          }
          if (a.cardByMonthEnd) {
            expect(a.cardByMonthEnd.chanceNone).toBeGreaterThanOrEqual(0);
            expect(a.cardByMonthEnd.chanceNone).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
