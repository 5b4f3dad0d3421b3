import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '@core/time';
import {
  describeConfidence,
  describeWhen,
  formatAbout,
  formatProbability,
  formatAmount,
  formatAmountRange,
} from '../../../../renderer/view-models/money-format';

const NOW = Date.UTC(2026, 10, 24, 16, 0);

describe('money wording', () => {
  it('says how far a time is in rough, human units, both ways', () => {
    expect(formatAbout(NOW + 2.2 * DAY_MS, NOW)).toBe('in about 2 days');
    expect(formatAbout(NOW + 1 * DAY_MS, NOW)).toBe('in about 24 hours');
    expect(formatAbout(NOW + 40 * HOUR_MS, NOW)).toBe('in about 2 days');
    expect(formatAbout(NOW - 3 * HOUR_MS, NOW)).toBe('3 hours ago');
    expect(formatAbout(NOW + 90_000, NOW)).toBe('in about 2 minutes');
    expect(formatAbout(NOW + 20_000, NOW)).toBe('now');
    expect(formatAbout(NOW + 1 * HOUR_MS, NOW)).toBe('in about 1 hour');
  });

  it('gives a forecast time relative and absolute in the display zone', () => {
    const when = describeWhen('2026-11-27T17:32:50Z', NOW, { locale: 'en-US', timeZone: 'America/New_York' });
    expect(when).toEqual({
      relative: 'in about 3 days',
      absolute: 'Fri 27 Nov, 12:32',
      iso: '2026-11-27T17:32:50.000Z',
    });
    expect(() => describeWhen('soon', NOW, {})).toThrow(/not an ISO time/);
  });

  it('shows P10–P90 ranges to the cent, once when both ends agree', () => {
    expect(formatAmountRange({ p10: 0, p50: 82.91, p90: 219.3 }, 'USD')).toBe('$0.00–$219.30');
    expect(formatAmountRange({ p10: 40, p50: 40, p90: 40 }, 'USD')).toBe('$40.00');
    expect(formatAmountRange({ p10: 10, p50: 20, p90: 1234.5 }, 'CNY')).toBe('CN¥10.00–CN¥1,234.50');
    expect(formatAmount(-3.5, 'CNY')).toBe('-CN¥3.50');
  });

  it('never rounds a probability into certainty', () => {
    expect(formatProbability(0.892)).toBe('89%');
    expect(formatProbability(0.998)).toBe('over 99%');
    expect(formatProbability(0.003)).toBe('under 1%');
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0)).toBe('0%');
  });

  it('labels confidence with the history behind it', () => {
    expect(describeConfidence('low', 96)).toEqual({
      level: 'low',
      label: 'Low confidence',
      reason: '4 days of history — wide range',
    });
    expect(describeConfidence('low', 5).reason).toBe('5 hours of history — wide range');
    expect(describeConfidence('high', 24 * 60).label).toBe('High confidence');
  });
});
