import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '@core/dashboard';
import { buildSpendSummary, NO_FIGURE } from '../../../../renderer/view-models/spend-summary';
import { formatDateTime, formatRelative } from '../../../../renderer/view-models/format';
import { demoDashboard } from '../../../support/real-api';

const NOW = Date.UTC(2026, 10, 24, 15, 42);
// The company demo's dashboard, synced from its simulator at NOW.
let base: Dashboard;
beforeAll(async () => {
  base = await demoDashboard(NOW);
}, 60_000);

describe('buildSpendSummary', () => {
  it('formats month-to-date parts and today to the cent, with "as of" in the given zone', () => {
    const dashboard = {
      ...base,
      asOfMs: NOW - 5 * 60_000,
      monthToDate: {
        ...base.monthToDate,
        settledMicros: 1_200_000_000,
        provisionalMicros: 34_564_999,
        totalMicros: 1_234_564_999,
      },
      today: { ...base.today, costMicros: 34_564_999, requests: 1 },
    };
    const summary = buildSpendSummary(dashboard, NOW, { locale: 'en-US', timeZone: 'America/New_York' });
    expect(summary).toEqual({
      monthLabel: 'November 2026',
      mtdTotal: '$1,234.56',
      mtdSettled: '$1,200.00',
      mtdProvisional: '$34.56',
      today: '$34.56',
      todayRequests: '1 request so far',
      asOf: 'Tue 24 Nov, 10:37',
      asOfRelative: '5 minutes ago',
      asOfIso: '2026-11-24T15:37:00.000Z',
      hasData: true,
    });
  });

  it('shows no figures and no "as of" before the first sync (never a misleading $0.00)', () => {
    const summary = buildSpendSummary({ ...base, asOfMs: null }, NOW);
    expect(summary).toMatchObject({
      asOf: null,
      asOfRelative: null,
      asOfIso: null,
      hasData: false,
      todayRequests: null,
      mtdTotal: NO_FIGURE,
      mtdSettled: NO_FIGURE,
      today: NO_FIGURE,
    });
  });

  it('has no request count when usage was not fetched', () => {
    const summary = buildSpendSummary({ ...base, today: { ...base.today, requests: null } }, NOW);
    expect(summary.todayRequests).toBeNull();
    expect(summary.today).toMatch(/^\$[\d,]+\.\d\d$/);
  });
});

describe('format helpers', () => {
  it('formats relative times both ways', () => {
    expect(formatRelative(NOW - 2_000, NOW)).toBe('just now');
    expect(formatRelative(NOW + 30_000, NOW)).toBe('now');
    expect(formatRelative(NOW - 90 * 60_000, NOW)).toBe('2 hours ago');
    expect(formatRelative(NOW + 3 * 86_400_000, NOW)).toBe('in about 3 days');
  });
  it('formats an instant in the requested zone', () => {
    expect(formatDateTime(NOW, NOW, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Wed 25 Nov, 00:42');
    // The page's one date wording is core's: the year said when it is not the current one.
    expect(formatDateTime(Date.UTC(2025, 11, 19, 9, 23), NOW, { timeZone: 'UTC' })).toBe(
      'Fri 19 Dec 2025, 09:23',
    );
    expect(formatDateTime(Number.NaN, NOW)).toBe('an unreadable date');
  });
});
