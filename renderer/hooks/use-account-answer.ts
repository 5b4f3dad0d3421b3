/**
 * The account's answer for the figures the page shows (the saved ones, or a what-if's), computed once by core
 * and handed to every part of the page: the headline, the chart, the lots and the forecast panel quote it.
 */
import { useMemo } from 'react';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { AccountAnswer } from '@core/answer/account-answer';
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import type { ProviderId } from '@core/provider-info';
import type { DisplayZone } from '../view-models/format';

/** The user's zone: the one chosen, else the system's. */
export function resolvedZone(zone: DisplayZone): string {
  return zone.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** The answer for `money` at `nowMs`, or null until the dashboard and the money view have loaded. */
export function useAccountAnswer(
  money: MoneyView | null,
  dashboard: Dashboard | null,
  nowMs: number,
  zone: DisplayZone,
  provider: ProviderId,
): AccountAnswer | null {
  const timeZone = resolvedZone(zone);
  return useMemo(
    () =>
      money && dashboard
        ? buildAccountAnswer({
            nowMs,
            timeZone,
            isDemo: false,
            money,
            dashboard: { ...dashboard, org: { ...dashboard.org, provider } },
            apiSpendLimit: null,
            wrongOrgFlags: [],
          })
        : null,
    [money, dashboard, nowMs, timeZone, provider],
  );
}
