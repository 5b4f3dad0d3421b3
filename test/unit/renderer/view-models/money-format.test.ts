import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '@core/time';
import { formatAbout } from '../../../../renderer/view-models/money-format';

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
});
