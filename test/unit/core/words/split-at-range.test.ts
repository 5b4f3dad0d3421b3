// A headline figure is set as its most likely value with the likely range beneath: the split never changes
// the words, and only a trailing "(likely …)" range is split off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeWords, splitAtRange } from '@core/words/money-words';

describe('splitAtRange', () => {
  it('splits a ranged figure at its range', () => {
    expect(splitAtRange('$402 (likely $393–$411)')).toEqual({ lead: '$402', range: ' (likely $393–$411)' });
  });

  it('leaves words without a trailing range whole', () => {
    expect(splitAtRange('$147')).toEqual({ lead: '$147', range: '' });
    const sentence = 'around Sat 19 Dec, $400.00 (very likely before Thu 31 Dec, 91%)';
    expect(splitAtRange(sentence)).toEqual({ lead: sentence, range: '' });
    const count = '8 reloads (likely 3–21), about $320 before Thu 31 Dec';
    expect(splitAtRange(count)).toEqual({ lead: count, range: '' });
  });

  it('joins back to the same words for any ranged amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.constantFrom('USD', 'CNY'),
        (a, b, c, currency) => {
          const [low, mid, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const text = rangeWords({ low, mid, high }, currency);
          const { lead, range } = splitAtRange(text);
          expect(lead + range).toBe(text);
          expect(lead).not.toContain('likely');
        },
      ),
    );
  });
});
