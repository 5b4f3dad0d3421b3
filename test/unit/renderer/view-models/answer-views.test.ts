import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@core/ledger-schema';
import { DAY_MS, HOUR_MS } from '@core/time';
import { buildLotRows, remainingLots } from '../../../../renderer/view-models/credit-lots-view';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { Dashboard } from '@core/dashboard';
import { INITIAL_SYNC_STATUS } from '@core/schemas';

const ZONE = { locale: 'en-US', timeZone: 'UTC' };
import { daily, money, NOW, OBS, USD } from '../../core/money-view-fixture';

describe('credit lots', () => {
  it('shows what the ledger replay left of each lot, grants first, with dates in the one wording', () => {
    const purchase: LedgerEntry = {
      id: 'p',
      kind: 'purchase',
      atMs: NOW - 353 * DAY_MS,
      micros: 1000 * USD,
      expiresAtMs: null,
      note: '',
    };
    const grant: LedgerEntry = {
      id: 'g',
      kind: 'grant',
      atMs: NOW - 12 * HOUR_MS,
      micros: 50 * USD,
      expiresAtMs: NOW + 90 * DAY_MS,
      note: '',
    };
    const obs: LedgerEntry = { ...OBS, balanceMicros: 700 * USD, atMs: NOW - 2 * DAY_MS };
    // As the ledger's replay leaves them: $48 spent since the observation, the grant (drawn first) for 12 hours.
    const replayed = [
      { id: 'g', remainingMicros: 38 * USD },
      { id: 'p', remainingMicros: 664 * USD },
    ];
    const lots = remainingLots([purchase, obs, grant], replayed, NOW);
    const byId = Object.fromEntries(lots.map((l) => [l.id, l.remainingMicros / USD]));
    expect(byId).toEqual({ g: 38, p: 664 });
    // A lot the replay no longer holds is used up (or expired).
    expect(remainingLots([purchase, grant], [{ id: 'g', remainingMicros: USD }], NOW)).toMatchObject([
      { id: 'g', remainingMicros: USD },
      { id: 'p', remainingMicros: 0 },
    ]);
    const rows = buildLotRows([purchase, obs, grant], replayed, NOW, ZONE, 'USD');
    expect(rows.map((r) => r.kind)).toEqual(['Grant', 'Purchase']);
    expect(rows[1]!.daysLeft).toBe('12 days');
    // Dates as every surface writes them: the year only outside the current one.
    expect(rows[1]!.added).toBe('Sun 30 Nov 2025');
    expect(rows[1]!.expires).toBe('Mon 30 Nov');
    expect(rows[1]!.remaining).toBe('$664.00');
    // The rows carry no figure of their own for credit expiring unused: that is the answer's.
    expect(Object.keys(rows[1]!)).not.toContain('expiringUnused');
  });
});

describe('organization headline (the account answer it quotes)', () => {
  it('gives each figure once, with its likely range, in words', () => {
    const dashboard = {
      org: { id: 'org_test0000', name: 'Acme', provider: 'openai' },
      asOfMs: NOW,
      monthToDate: {
        monthStartMs: Date.UTC(2026, 10, 1),
        settledMicros: 0,
        provisionalMicros: 0,
        totalMicros: 200 * USD,
      },
      today: { dayStartMs: Math.floor(NOW / DAY_MS) * DAY_MS, costMicros: 15 * USD, requests: null },
      daily: daily(30),
      projects: [],
      sync: { ...INITIAL_SYNC_STATUS, state: 'ok', lastSuccessMs: NOW },
      currency: 'USD',
      spendSource: { kind: 'costs' },
    } as unknown as Dashboard;
    const a = buildAccountAnswer({
      nowMs: NOW,
      timeZone: 'UTC',
      isDemo: false,
      money: money([OBS]),
      dashboard,
      apiSpendLimit: null,
      wrongOrgFlags: [],
    });
    expect(FIGURE_NAMES.map((n) => [n, a.figures[n].text])).toEqual([
      ['credit-left', '$100 (likely $98–$102)'],
      ['runs-out', 'does not run out — auto-reload tops it up'],
      ['next-reload', 'around Sat 21 Nov, $40.00'],
      ['card-by-month-end', '4 reloads (likely 3–6), about $160 before Mon 30 Nov'],
      ['expiring-unused', 'no credit expires in the next 31 days'],
      ['this-month', '$200.00'],
      ['today', '$15.00 so far (estimate)'],
    ]);
    expect(a.figures['credit-left'].note).toBe(
      'estimated from the balance you recorded at Tue 17 Nov, 12:00, less spend since',
    );
    expect(a.cardByMonthEnd).toMatchObject({
      chanceNone: 0,
      count: { low: 3, mid: 4, high: 6 },
      perChargeMicros: 40 * USD,
    });
    expect(JSON.stringify(a)).not.toMatch(/P10|P90|horizon/);
  });
});

describe('drift weight', () => {
  it('sizes a drift by days of spend and share of the balance', async () => {
    const { driftWeight } = await import('@core/drift-weight');
    const rec = (driftUsd: number, observedUsd: number, isConsistent = false) =>
      ({ driftMicros: driftUsd * USD, observedMicros: observedUsd * USD, isConsistent }) as Parameters<
        typeof driftWeight
      >[0];
    expect(driftWeight(rec(14.99, 700), 25)).toBe('minor');
    expect(driftWeight(rec(40, 700), 25)).toBe('notable');
    expect(driftWeight(rec(120, 700), 25)).toBe('major');
    expect(driftWeight(rec(300, 100), null)).toBe('major');
    expect(driftWeight(rec(300, 10_000, true), null)).toBe('minor');
  });
});

describe('drift words', () => {
  it('say a drift as the one weight rule sizes it, so the words and the box agree', async () => {
    const { driftWeight } = await import('@core/drift-weight');
    const { describeDrift } = await import('../../../../renderer/view-models/money-balance');
    // $30 lower than expected on $700, at $5 a day: six days of spend — something to check, not a shrug.
    const rec = {
      driftMicros: -30 * USD,
      observedMicros: 700 * USD,
      isConsistent: false,
      estimate: { estimateMicros: 730 * USD },
      causes: [],
    } as unknown as Parameters<typeof describeDrift>[0];
    const weight = driftWeight(rec, 5);
    expect(weight).toBe('major');
    expect(describeDrift(rec, 'USD', weight).summary).toBe(
      'Your recorded balance is $30.00 lower than expected — a cost or charge may be missing.',
    );
    // Under a day of spend it is said calmly.
    expect(describeDrift(rec, 'USD', driftWeight(rec, 40)).summary).toMatch(/nothing needs doing/);
  });
});
