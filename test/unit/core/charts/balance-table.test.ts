import { describe, expect, it } from 'vitest';
import { balanceTableRows } from '@core/charts/balance-table';
import { DAY_MS } from '@core/time';

const USD = 1_000_000;

describe('the balance table', () => {
  it('has one row per day, with the likely range after now, its days in the one date wording', () => {
    const start = Date.UTC(2026, 11, 5);
    const pts = (...ys: Array<[number, number]>) => ys.map(([x, y]) => ({ x, y: y * USD }));
    const rows = balanceTableRows(
      {
        startMs: start,
        endMs: start + 4 * DAY_MS,
        actual: pts([start, 100], [start + DAY_MS + 1, 60]),
        middle: pts([start + DAY_MS + 1, 60], [start + 2 * DAY_MS + 1, 20], [start + 3 * DAY_MS + 1, 0]),
        low: pts([start + DAY_MS + 1, 60], [start + 2 * DAY_MS + 1, 0], [start + 3 * DAY_MS + 1, 0]),
        high: pts([start + DAY_MS + 1, 60], [start + 2 * DAY_MS + 1, 40], [start + 3 * DAY_MS + 1, 10]),
      },
      'USD',
      'UTC',
      start,
    );
    expect(rows.map((r) => r.day)).toEqual(['Sat 5 Dec', 'Sun 6 Dec', 'Mon 7 Dec', 'Tue 8 Dec', 'Wed 9 Dec']);
    expect(rows[0]).toMatchObject({ day: 'Sat 5 Dec', valueMicros: 100 * USD, value: '$100.00', range: '—' });
    expect(rows[2]).toMatchObject({ day: 'Mon 7 Dec', value: '$20.00', range: '$0.00–$40.00' });
    expect(rows[3]).toMatchObject({ day: 'Tue 8 Dec', value: '$0.00', range: '$0.00–$10.00' });
  });

  it('adds the year to a day outside the current one', () => {
    const start = Date.UTC(2026, 11, 30);
    const line = [{ x: start, y: 5 * USD }];
    const rows = balanceTableRows(
      { startMs: start, endMs: start + 3 * DAY_MS, actual: line, middle: line, low: line, high: line },
      'USD',
      'UTC',
      start,
    );
    expect(rows.at(-1)!.day).toBe('Sat 2 Jan 2027');
  });
});
