import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SYNC_CRON } from '@core/schemas';
import { HOUR_MS, MINUTE_MS } from '@core/time';
import { createScheduler, validateCron } from '../../../main/services/scheduler';

describe('validateCron', () => {
  it.each(['*/5 * * * *', '0 * * * *', '30 */5 * * * *', '* * * * *'])('accepts %s', (expr) => {
    expect(validateCron(expr)).toBeNull();
  });
  it.each(['* * * * * *', '*/30 * * * * *', '0,30 * * * * *', '0-59 */5 * * * *'])(
    'refuses %s, which fires more often than once a minute, and names the default',
    (expr) => {
      const why = validateCron(expr);
      expect(why).toMatch(/more often than once a minute/);
      expect(why).toMatch(/default is every 5 minutes \("\*\/5 \* \* \* \*"\)/);
    },
  );
  it('counts fields', () => {
    expect(validateCron('*/5 * *')).toBe(
      "'*/5 * *' needs 5 or 6 fields: minute hour day month weekday (an optional seconds field first); it has 3.",
    );
  });
  it('names the bad field', () => {
    expect(validateCron('61 * * * *')).toMatch(/minute: '61' is not allowed there/);
  });
  it('rejects empty in words, naming the default', () => {
    expect(validateCron('  ')).toBe(
      'The schedule is empty: enter a cron expression such as "*/5 * * * *" (every 5 minutes, the default).',
    );
  });
});

describe('createScheduler', () => {
  afterEach(() => void vi.useRealTimers());

  it('refuses a bad expression up front and on reschedule', () => {
    expect(() => createScheduler({ cron: 'nope', run: async () => {} })).toThrow(/needs 5 or 6 fields/);
    const s = createScheduler({ cron: '*/5 * * * *', run: async () => {} });
    expect(() => s.reschedule('* * *')).toThrow(/needs 5 or 6 fields/);
  });

  it('runs on its schedule and stops', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 5, 15, 12, 0, 0, 400) });
    let runs = 0;
    // Every second (allowed here only by the test's own check); the fake clock moves, not the machine's.
    const s = createScheduler({ cron: '* * * * * *', run: async () => void runs++, validate: () => null });
    s.start();
    await vi.advanceTimersByTimeAsync(3000);
    s.stop();
    expect(runs).toBe(3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
  });

  it('still polls when the machine was too busy to wake it on time', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 5, 15, 12, 0, 30) });
    const at: number[] = [];
    const s = createScheduler({ cron: '*/5 * * * *', run: async () => void at.push(Date.now()) });
    s.start();
    // The event loop is blocked for 3 s just as the 12:05 poll is due (a big sync, a loaded machine).
    await vi.advanceTimersByTimeAsync(4 * MINUTE_MS + 29_000);
    vi.setSystemTime(Date.now() + 3000);
    await vi.advanceTimersByTimeAsync(4 * MINUTE_MS);
    s.stop();
    // node-cron by default drops a run that starts over a second late; a poll late by 3 s still happens.
    expect(at.map(iso)).toEqual(['2026-06-15T12:05:03.000Z']);
  });
});

/** Daylight-saving changes of 2026 (tz database): [zone, the instant the clocks change, which one]. */
const DST_CHANGES_2026: [string, string, string][] = [
  ['Europe/Berlin', '2026-03-29T01:00:00Z', 'spring forward'],
  ['Europe/Berlin', '2026-10-25T01:00:00Z', 'fall back'],
  ['America/New_York', '2026-03-08T07:00:00Z', 'spring forward'],
  ['America/New_York', '2026-11-01T06:00:00Z', 'fall back'],
];

describe('createScheduler across daylight-saving changes', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = savedTz;
    if (savedTz === undefined) delete process.env.TZ;
  });

  it.each(DST_CHANGES_2026)(
    'in %s, polls every 5 minutes through the change at %s (%s)',
    async (zone, change) => {
      process.env.TZ = zone;
      const changeMs = Date.parse(change);
      // The machine really is in that zone, and its clocks really change at that instant.
      expect(new Date(changeMs - 1).getTimezoneOffset()).not.toBe(new Date(changeMs).getTimezoneOffset());

      vi.useFakeTimers({ now: changeMs - 2 * HOUR_MS + 7_000 });
      const at: number[] = [];
      const s = createScheduler({ cron: DEFAULT_SYNC_CRON, run: async () => void at.push(Date.now()) });
      s.start();
      await vi.advanceTimersByTimeAsync(4 * HOUR_MS);
      s.stop();

      // Every 5 minutes on the minute, two hours before the change to two hours after: 48 polls, none lost.
      const expected = Array.from({ length: 48 }, (_, i) =>
        iso(changeMs - 2 * HOUR_MS + (i + 1) * 5 * MINUTE_MS),
      );
      expect(at.map(iso)).toEqual(expected);
    },
  );
});

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
