import fc from 'fast-check';
import { confidenceWords } from '@core/answer/forecast-details';
import { describe, expect, it } from 'vitest';
import {
  agoWords,
  chanceWords,
  dateTimeWords,
  dateWords,
  durationWords,
  percentWords,
  rangeWords,
  roundRange,
  untilWords,
} from '@core/words';
import { DAY_MS, MINUTE_MS } from '@core/time';

const NOW = Date.UTC(2026, 11, 7, 9, 23);

describe('dates', () => {
  it('one format, the year only outside the current one', () => {
    expect(dateWords(Date.UTC(2026, 11, 19), NOW, 'UTC')).toBe('Sat 19 Dec');
    expect(dateWords(Date.UTC(2025, 11, 19), NOW, 'UTC')).toBe('Fri 19 Dec 2025');
    expect(dateTimeWords(NOW, NOW, 'UTC')).toBe('Mon 7 Dec, 09:23');
    expect(dateTimeWords(Date.UTC(2027, 0, 2, 14, 5), NOW, 'UTC')).toBe('Sat 2 Jan 2027, 14:05');
  });
  it('in the user zone', () => {
    expect(dateTimeWords(Date.UTC(2026, 11, 31, 23, 30), NOW, 'Europe/Berlin')).toBe('Fri 1 Jan 2027, 00:30');
  });
});

describe('relative times', () => {
  it('a past instant is never in the future tense', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY_MS * 400, max: 10_000 }), (offset) => {
        expect(agoWords(NOW + offset, NOW)).not.toMatch(/^in /);
      }),
    );
    expect(agoWords(NOW - 6_000, NOW)).toBe('just now');
    expect(agoWords(NOW + 6_000, NOW)).toBe('just now');
    expect(agoWords(NOW - 5 * MINUTE_MS, NOW)).toBe('5 minutes ago');
    expect(agoWords(NOW - 3 * DAY_MS, NOW)).toBe('3 days ago');
  });
  it('durations and times to come', () => {
    expect(durationWords(90 * MINUTE_MS)).toBe('2 hours');
    expect(durationWords(DAY_MS)).toBe('24 hours');
    expect(durationWords(1 * MINUTE_MS)).toBe('1 minute');
    expect(untilWords(NOW + 3 * DAY_MS, NOW)).toBe('in about 3 days');
    expect(untilWords(NOW - 1, NOW)).toBe('now');
  });
});

describe('chances', () => {
  it('plain words on one scale', () => {
    expect(chanceWords(0.56)).toBe('about even odds');
    expect(chanceWords(0.8)).toBe('likely');
    expect(chanceWords(0.99)).toBe('almost certain');
    expect(chanceWords(0.2)).toBe('unlikely');
    // Even odds means about half: 65 % is likely, 38 % is not.
    expect(chanceWords(0.65)).toBe('likely');
    expect(chanceWords(0.62)).toBe('likely');
    expect(chanceWords(0.38)).toBe('unlikely');
    expect(percentWords(1)).toBe('100%');
    expect(percentWords(0.564)).toBe('56%');
    // Never rounded into certainty, either way.
    expect(percentWords(0.892)).toBe('89%');
    expect(percentWords(0.998)).toBe('over 99%');
    expect(percentWords(0.003)).toBe('under 1%');
    expect(percentWords(0)).toBe('0%');
    expect(percentWords(0.001)).toBe('under 1%');
  });
});

describe('ranges', () => {
  it('one rounding rule: the range never shrinks and holds the middle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 3, maxLength: 3 }), (xs) => {
        const [low, mid, high] = [...xs].sort((a, b) => a - b) as [number, number, number];
        const r = roundRange({ low, mid, high });
        expect(r.low).toBeLessThanOrEqual(low);
        expect(r.high).toBeGreaterThanOrEqual(high);
        expect(r.mid).toBeGreaterThanOrEqual(r.low);
        expect(r.mid).toBeLessThanOrEqual(r.high);
      }),
    );
  });
  it('says the middle and the likely range', () => {
    expect(rangeWords({ low: 384_704_000, mid: 480_515_000, high: 572_381_000 }, 'USD')).toBe(
      '$481 (likely $384–$573)',
    );
    expect(rangeWords({ low: 5_000_000, mid: 5_000_000, high: 5_000_000 }, 'USD')).toBe('$5.00');
    expect(rangeWords({ low: 1_234_000, mid: 2_345_000, high: 3_456_000 }, 'CNY')).toBe(
      'CN¥2.35 (likely CN¥1.23–CN¥3.46)',
    );
  });
  it('says only the middle when the range is within 1 % of it either way', () => {
    expect(rangeWords({ low: 36_480_000, mid: 36_500_000, high: 36_520_000 }, 'USD')).toBe('$36.50');
    expect(rangeWords({ low: 201_200_000, mid: 201_410_000, high: 201_900_000 }, 'CNY')).toBe('CN¥201');
    expect(rangeWords({ low: 379_000_000, mid: 386_000_000, high: 392_400_000 }, 'USD')).toBe(
      '$386 (likely $379–$393)',
    );
  });
});

describe('forecast confidence', () => {
  it('labels confidence with the history behind it', () => {
    expect(confidenceWords('low', 96)).toEqual({
      level: 'low',
      label: 'Low confidence',
      reason: '4 days of history — wide range',
    });
    expect(confidenceWords('low', 5).reason).toBe('5 hours of history — wide range');
    expect(confidenceWords('high', 24 * 60).label).toBe('High confidence');
  });
});
