import { describe, expect, it } from 'vitest';
import { adminKeyWarning } from '@core/spend-limits';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 86_400_000;

describe('the Admin key expiry warning', () => {
  it('warns within 14 days, in days left, and once expired', () => {
    expect(adminKeyWarning({ kind: 'expires', atMs: NOW + 5 * DAY }, NOW)).toMatch(/expires in 5 days/);
    expect(adminKeyWarning({ kind: 'expires', atMs: NOW + DAY + 1 }, NOW)).toMatch(/expires in 1 day:/);
    expect(adminKeyWarning({ kind: 'expires', atMs: NOW + 3_600_000 }, NOW)).toMatch(/within a day/);
    expect(adminKeyWarning({ kind: 'expires', atMs: NOW }, NOW)).toMatch(/has expired/);
  });
  it('says nothing when the expiry is far, never, or unknown', () => {
    expect(adminKeyWarning({ kind: 'expires', atMs: NOW + 14 * DAY }, NOW)).toBeNull();
    expect(adminKeyWarning({ kind: 'never' }, NOW)).toBeNull();
    expect(adminKeyWarning({ kind: 'unknown' }, NOW)).toBeNull();
    expect(adminKeyWarning(undefined, NOW)).toBeNull();
  });
});
