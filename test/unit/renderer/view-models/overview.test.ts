import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@core/dashboard';
import { INITIAL_SYNC_STATUS } from '@core/schemas';
import { DAY_MS, HOUR_MS } from '@core/time';
import { buildOverview } from '../../../../renderer/view-models/overview';

const NOW = Date.UTC(2026, 10, 18, 15);
const USD = 1_000_000;

function dashboard(orgId: string, perDay: number[], lastSuccessMs = NOW - 60_000): Dashboard {
  const today = Math.floor(NOW / DAY_MS) * DAY_MS;
  const daily = perDay.map((usd, i) => ({
    dayStartMs: today - (perDay.length - 1 - i) * DAY_MS,
    byProject: [],
    totalMicros: usd * USD,
  }));
  return {
    org: { id: orgId } as Dashboard['org'],
    asOfMs: lastSuccessMs,
    monthToDate: {
      monthStartMs: Date.UTC(2026, 10, 1),
      settledMicros: 0,
      provisionalMicros: 0,
      totalMicros: 40 * USD,
    },
    today: { dayStartMs: today, costMicros: 2 * USD, requests: null },
    daily,
    projects: [],
    sync: { ...INITIAL_SYNC_STATUS, state: 'ok', lastSuccessMs, lastAttemptMs: lastSuccessMs },
    currency: 'USD',
    spendSource: { kind: 'costs' },
  };
}

describe('overview', () => {
  it('flags the quiet org that starts spending on both cards, totals the orgs and dims a stale one', () => {
    const quiet = [...Array(27).fill(0), 0, 12, 13];
    const busy = Array(30).fill(25);
    const view = buildOverview(
      [
        {
          orgId: 'a',
          name: 'Acme',
          dashboard: dashboard('a', busy, NOW - 3 * HOUR_MS),
          money: null,
          error: null,
        },
        { orgId: 'p', name: 'Personal', dashboard: dashboard('p', quiet), money: null, error: null },
      ],
      NOW,
      { locale: 'en-US', timeZone: 'UTC' },
    );
    expect(view.flags).toHaveLength(1);
    expect(view.cards[0]!.flags).toEqual([
      'Wrong organization? Personal usually spends nothing and spent $25.00 in the last 3 days — usage meant for Acme may be going there.',
    ]);
    expect(view.cards[1]!.flags[0]).toMatch(
      /^Wrong organization\? Personal usually spends nothing and spent \$25\.00/,
    );
    expect(view.total.monthToDate).toBe('$80.00');
    expect(view.cards[0]!.isStale).toBe(true);
    expect(view.cards[0]!.syncText).toBe('last synced 3 h ago — retrying');
    expect(view.cards[1]!.syncText).toBe('Up to date · last synced 1 min ago');
  });
});
