/**
 * The dashboard of one org, updated live: `data:changed` refetches it, `sync:status` patches its sync part.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard } from '@core/dashboard';
import { useApi } from '../api/api-context';
import { errorText } from './use-orgs';

/** Safety-net refresh: events missed while the event stream reconnected are caught up within a minute. */
export const DASHBOARD_REFRESH_MS = 60_000;

export interface DashboardState {
  dashboard: Dashboard | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
}

/** Loads `dashboard:get` for `orgId` and follows the org's events. */
export function useDashboard(orgId: string): DashboardState {
  const api = useApi();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++sequence.current;
    api.invoke('dashboard:get', { orgId }).then(
      (result) => {
        if (ticket !== sequence.current) return; // superseded by a newer load (or another org)
        setDashboard(result);
        setError(null);
        setIsLoading(false);
      },
      (err: unknown) => {
        if (ticket !== sequence.current) return;
        setError(errorText(err));
        setIsLoading(false);
      },
    );
  }, [api, orgId]);

  useEffect(() => {
    setDashboard(null);
    setIsLoading(true);
    reload();
    const offData = api.on('data:changed', (payload) => {
      if (payload.orgId === orgId) reload();
    });
    const offStatus = api.on('sync:status', (payload) => {
      if (payload.orgId !== orgId) return;
      setDashboard((current) => (current ? { ...current, sync: payload.status } : current));
    });
    const timer = setInterval(reload, DASHBOARD_REFRESH_MS);
    return () => {
      clearInterval(timer);
      offData();
      offStatus();
    };
  }, [api, orgId, reload]);

  return { dashboard, isLoading, error, reload };
}
