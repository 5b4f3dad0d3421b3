// Card charges by month end read as a sentence at every chance: "a good chance of a reload …", never
// "likely of a reload …" or "almost certain of one $400 reload …".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chanceOfWords } from '@core/words/chance-words';
import { HOUR_MS } from '@core/time';
import { accountState, answerOf, NOW, observation } from './answer-fixtures';

const RULE = {
  enabled: true,
  thresholdMicros: 100_000_000,
  action: { kind: 'restore-to' as const, targetMicros: 500_000_000 },
  monthlyLimit: null,
};

describe('card by month end, in words', () => {
  it('names the chance as a noun before "of", whatever the chance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 700 }),
        fc.integer({ min: 1, max: 60 }),
        (balanceAmount, perDayUsd) => {
          const a = answerOf(
            accountState({
              entries: [observation(NOW - HOUR_MS, balanceAmount * 1_000_000)],
              billing: { mode: 'prepaid', reload: RULE },
              dailyMicros: Array.from({ length: 31 }, (_, i) => perDayUsd * 1_000_000 * (0.7 + (i % 5) / 10)),
            }),
          );
          const text = a.figures['card-by-month-end'].text;
          expect(text).not.toMatch(/^(very )?(un)?likely of |^almost certain of /);
          const chance = a.nextReload?.chanceBeforeMonthEnd ?? 0;
          if (/ of (one|a) /.test(text)) expect(text.startsWith(`${chanceOfWords(chance)} of `)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keeps one scale with the chance words', () => {
    expect(chanceOfWords(0.56)).toBe('about even odds');
    expect(chanceOfWords(0.86)).toBe('a good chance');
    expect(chanceOfWords(0.2)).toBe('a small chance');
    expect(chanceOfWords(0.995)).toBe('near certainty');
  });
});
