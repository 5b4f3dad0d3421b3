/**
 * The account's answer the page quotes: the server's (`answer:get`, the same one the overview, alerts, tray
 * and command line quote) for the saved figures. Only a what-if — figures never saved — is answered here,
 * by core's same builder over the what-if's view, keeping what the server's answer read elsewhere (the hard
 * limit read from the provider, the wrong-organization words, the sync state).
 */
import { useMemo } from 'react';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { AccountAnswer } from '@core/answer/account-answer';
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import { useServerState } from '../api/server-state';

/** The saved answer from the server, or the what-if's when `whatIfMoney` is given; null until loaded. */
export function useAccountAnswer(
  orgId: string,
  whatIfMoney: MoneyView | null,
  dashboard: Dashboard | null,
): AccountAnswer | null {
  const saved = useServerState('answer:get', { orgId }).value;
  return useMemo(() => {
    if (!saved || !whatIfMoney || !dashboard) return saved;
    const built = buildAccountAnswer({
      nowMs: saved.nowMs,
      timeZone: saved.timeZone,
      isDemo: saved.isDemo,
      money: whatIfMoney,
      dashboard: { ...dashboard, org: { ...dashboard.org, provider: saved.provider } },
      apiSpendLimit:
        saved.hardLimit?.source === 'provider'
          ? { limitMicros: saved.hardLimit.micros, isEnforced: true }
          : null,
      wrongOrgFlags: [],
    });
    return { ...built, wrongOrg: saved.wrongOrg };
  }, [saved, whatIfMoney, dashboard]);
}
