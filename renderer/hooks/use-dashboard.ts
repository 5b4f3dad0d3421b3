/**
 * The dashboard of one org, updated live: `data:changed` refetches it, `sync:status` patches its sync part.
 */
import { useEffect } from 'react';
import type { CreditwatchApi } from '@core/api-contract';
import type { Dashboard } from '@core/dashboard';
import { useApi } from '../api/api-context';
import { useOrgResource } from './use-org-resource';

export interface DashboardState {
  dashboard: Dashboard | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
}

const loadDashboard = (api: CreditwatchApi, orgId: string) => api.invoke('dashboard:get', { orgId });

/** Loads `dashboard:get` for `orgId` and follows the org's events. */
export function useDashboard(orgId: string): DashboardState {
  const api = useApi();
  const { value, setValue, isLoading, error, reload } = useOrgResource(orgId, loadDashboard);
  useEffect(
    () =>
      api.on('sync:status', (payload) => {
        if (payload.orgId !== orgId) return;
        setValue((current) => (current ? { ...current, sync: payload.status } : current));
      }),
    [api, orgId, setValue],
  );
  return { dashboard: value, isLoading, error, reload };
}
