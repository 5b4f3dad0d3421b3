import { describe, expect, it } from 'vitest';
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
  it('refuses a bad expression up front and on reschedule', () => {
    expect(() => createScheduler({ cron: 'nope', run: async () => {} })).toThrow(/needs 5 or 6 fields/);
    const s = createScheduler({ cron: '*/5 * * * *', run: async () => {} });
    expect(() => s.reschedule('* * *')).toThrow(/needs 5 or 6 fields/);
  });

  it('runs on its schedule and stops', async () => {
    let runs = 0;
    // Every second (allowed here only by the test's own check) so the test need not wait a minute.
    const s = createScheduler({ cron: '* * * * * *', run: async () => void runs++, validate: () => null });
    s.start();
    await new Promise((r) => setTimeout(r, 2200));
    s.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(seen);
  });
});
