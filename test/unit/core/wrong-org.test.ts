import { describe, expect, it } from 'vitest';
import { detectWrongOrg, flagsForOrg } from '@core/wrong-org';

const USD = 1_000_000;
const days = (usual: number, recent: number[], n = 30) => [
  ...Array.from({ length: n - recent.length }, () => usual * USD),
  ...recent.map((r) => r * USD),
];

describe('detectWrongOrg', () => {
  it('flags a quiet org that starts spending, on both its card and the main spender', () => {
    const flags = detectWrongOrg([
      { orgId: 'a', name: 'Acme', dailyMicros: days(25, [24, 26, 12]) },
      { orgId: 'p', name: 'Personal', dailyMicros: days(0, [0, 12, 13]) },
    ]);
    expect(flags).toEqual([
      {
        kind: 'started-spending',
        toOrgId: 'p',
        toName: 'Personal',
        fromOrgId: 'a',
        fromName: 'Acme',
        recentMicros: 25 * USD,
        usualDailyMicros: 0,
        recentDays: 3,
      },
    ]);
    expect(flagsForOrg(flags, 'a')).toHaveLength(1);
    expect(flagsForOrg(flags, 'p')).toHaveLength(1);
  });

  it('flags spend that moves from one org to another', () => {
    const flags = detectWrongOrg([
      { orgId: 'a', name: 'Acme', dailyMicros: days(30, [5, 4, 5]) },
      { orgId: 'b', name: 'Beta', dailyMicros: days(2, [27, 28, 26]) },
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'moved', toOrgId: 'b', fromOrgId: 'a', recentMicros: 81 * USD });
  });

  it('does not flag steady orgs, growth alone, pennies, or a single org', () => {
    expect(
      detectWrongOrg([
        { orgId: 'a', name: 'Acme', dailyMicros: days(25, [26, 24, 25]) },
        { orgId: 'b', name: 'Beta', dailyMicros: days(3, [3, 2, 4]) },
      ]),
    ).toEqual([]);
    expect(
      detectWrongOrg([
        { orgId: 'a', name: 'Acme', dailyMicros: days(25, [26, 24, 25]) },
        { orgId: 'b', name: 'Beta', dailyMicros: days(3, [12, 12, 12]) },
      ]),
    ).toEqual([]);
    expect(
      detectWrongOrg([
        { orgId: 'a', name: 'Acme', dailyMicros: days(25, [25, 25, 25]) },
        { orgId: 'p', name: 'Personal', dailyMicros: days(0, [0.2, 0.3, 0.1]) },
      ]),
    ).toEqual([]);
    expect(detectWrongOrg([{ orgId: 'p', name: 'P', dailyMicros: days(0, [9, 9, 9]) }])).toEqual([]);
  });
});
