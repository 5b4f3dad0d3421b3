/**
 * Every organization's dashboard and balance view at once, for the overview: loaded together, refetched when
 * any org's data or sync status changes and every minute; stale replies ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import type { OrgData } from '../view-models/overview';
import { ORG_REFRESH_MS } from './use-org-resource';
import { errorText } from './use-orgs';

/** Events within this window cause one refresh. */
export const EVENT_COALESCE_MS = 250;

/** Loads `dashboard:get`, `money:get` and `answer:get` for each org in `orgs`. */
export function useOverview(orgs: readonly OrgSummary[]): {
  data: OrgData[];
  isLoading: boolean;
  reload: () => void;
} {
  const api = useApi();
  const [data, setData] = useState<OrgData[] | null>(null);
  const sequence = useRef(0);
  // The last figures each org had: a failed refresh keeps them (shown with the error), never blanks them.
  const last = useRef(new Map<string, OrgData>());
  const key = orgs.map((o) => `${o.id}:${o.name}:${o.provider}`).join('|');

  const reload = useCallback(() => {
    const ticket = ++sequence.current;
    void Promise.all(
      orgs.map(async (o): Promise<OrgData> => {
        const [dashboard, money, answer] = await Promise.allSettled([
          api.invoke('dashboard:get', { orgId: o.id }),
          api.invoke('money:get', { orgId: o.id }),
          api.invoke('answer:get', { orgId: o.id }),
        ]);
        const failed = [dashboard, money, answer].find((r) => r.status === 'rejected');
        const before = last.current.get(o.id);
        const next: OrgData = {
          orgId: o.id,
          name: o.name,
          provider: o.provider,
          dashboard: dashboard.status === 'fulfilled' ? dashboard.value : (before?.dashboard ?? null),
          money: money.status === 'fulfilled' ? money.value : (before?.money ?? null),
          answer: answer.status === 'fulfilled' ? answer.value : (before?.answer ?? null),
          error: failed ? errorText(failed.reason) : null,
        };
        last.current.set(o.id, next);
        return next;
      }),
    ).then((next) => {
      if (ticket === sequence.current) setData(next);
    });
    // `key` stands for the org list (a new array each render).
  }, [api, key]);

  useEffect(() => {
    reload();
    // A sync announces itself several times (syncing, ok, data changed) for each org: one refresh per burst.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (pending === null) pending = setTimeout(() => ((pending = null), reload()), EVENT_COALESCE_MS);
    };
    const offData = api.on('data:changed', soon);
    const offSync = api.on('sync:status', soon);
    const timer = setInterval(reload, ORG_REFRESH_MS);
    return () => {
      if (pending !== null) clearTimeout(pending);
      clearInterval(timer);
      offData();
      offSync();
    };
  }, [api, reload]);

  const placeholders = orgs.map((o) => ({
    orgId: o.id,
    name: o.name,
    provider: o.provider,
    dashboard: null,
    money: null,
    answer: null,
    error: null,
  }));
  return { data: data ?? placeholders, isLoading: data === null, reload };
}
