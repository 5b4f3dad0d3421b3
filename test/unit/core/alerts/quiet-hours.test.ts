import { describe, expect, it } from 'vitest';
import { AlertSettingsSchema, resolveOrgRules, defaultAlertSettings } from '@core/alerts/alert-settings';
import { isQuietAt, parseClock, quietEndsAt } from '@core/alerts/quiet-hours';

describe('parseClock', () => {
  it('reads 24-hour times and refuses others', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('7:05')).toBe(425);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('7pm')).toBeNull();
  });
});

describe('isQuietAt', () => {
  const q = { start: '22:00', end: '07:00' };
  it('runs across midnight when the end is before the start', () => {
    expect(isQuietAt(Date.UTC(2026, 0, 1, 21, 59), q, 'UTC')).toBe(false);
    expect(isQuietAt(Date.UTC(2026, 0, 1, 22, 0), q, 'UTC')).toBe(true);
    expect(isQuietAt(Date.UTC(2026, 0, 2, 6, 59), q, 'UTC')).toBe(true);
    expect(isQuietAt(Date.UTC(2026, 0, 2, 7, 0), q, 'UTC')).toBe(false);
  });
  it('a same-day window', () => {
    const day = { start: '12:00', end: '13:30' };
    expect(isQuietAt(Date.UTC(2026, 0, 1, 13, 0), day, 'UTC')).toBe(true);
    expect(isQuietAt(Date.UTC(2026, 0, 1, 13, 30), day, 'UTC')).toBe(false);
  });
  it('says when quiet hours end, in the user zone', () => {
    expect(new Date(quietEndsAt(Date.UTC(2026, 0, 1, 23, 10), q, 'Europe/Berlin')).toISOString()).toBe(
      '2026-01-02T06:00:00.000Z',
    );
  });
});

describe('settings validation', () => {
  it('refuses quiet hours that start and end at the same time, with a clear message', () => {
    const r = AlertSettingsSchema.safeParse({ version: 1, quietHours: { start: '07:00', end: '07:00' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/must end at a different time than they start/);
  });
  it('accepts quiet hours that end before they start (they run across midnight)', () => {
    expect(
      AlertSettingsSchema.safeParse({ version: 1, quietHours: { start: '23:00', end: '06:00' } }).success,
    ).toBe(true);
  });
  it('refuses a webhook that is not https', () => {
    const r = AlertSettingsSchema.safeParse({ version: 1, webhookUrl: 'http://hooks.example.com/x' });
    expect(r.error?.issues[0]?.message).toMatch(/must use https/);
  });
  it('defaults need no configuration', () => {
    expect(resolveOrgRules(defaultAlertSettings(), 'org_any00001').lowCreditMicros).toBe(10_000_000);
  });
});
