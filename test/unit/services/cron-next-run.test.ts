import { describe, expect, it } from 'vitest';
import { createCronTimes } from '../../../main/services/cron-next-run';

const next = (expr: string, afterIso: string) => {
  const ms = createCronTimes(expr).next(Date.parse(afterIso));
  return ms === null ? null : new Date(ms).toISOString();
};

describe('createCronTimes', () => {
  it('finds the next 5-minute mark strictly after the instant, in UTC', () => {
    expect(next('*/5 * * * *', '2026-10-25T00:57:12.345Z')).toBe('2026-10-25T01:00:00.000Z');
    expect(next('*/5 * * * *', '2026-10-25T01:00:00.000Z')).toBe('2026-10-25T01:05:00.000Z');
  });
  it('crosses the end of a month and a year', () => {
    expect(next('0 * * * *', '2026-12-31T23:58:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('30 0 1 * *', '2027-04-30T23:58:00Z')).toBe('2027-05-01T00:30:00.000Z');
  });
  it('reads hours in UTC whatever the machine zone', () => {
    expect(next('0 9 * * *', '2026-03-29T00:30:00Z')).toBe('2026-03-29T09:00:00.000Z');
  });
  it('leaves the day rules to node-cron: the last day of February, a weekday, a fixed second', () => {
    expect(next('0 0 L 2 *', '2027-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 12 * * mon', '2026-12-31T00:00:00Z')).toBe('2027-01-04T12:00:00.000Z');
    expect(next('30 */5 * * * *', '2026-06-15T12:00:31Z')).toBe('2026-06-15T12:05:30.000Z');
  });
  it('refuses what node-cron refuses', () => {
    expect(() => createCronTimes('0 0 30 2 *')).toThrow(/impossible day of month/);
  });
});
