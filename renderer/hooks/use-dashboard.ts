/**
 * The dashboard of one org, from the page's server cache (which refetches it on `data:changed` and patches
 * its sync part on `sync:status`).
 */
import type { Dashboard } from '@core/dashboard';
import { useServerState } from '../api/server-state';

export interface DashboardState {
  dashboard: Dashboard | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
}

/** `dashboard:get` for `orgId`, shared with every other view of the same org. */
export function useDashboard(orgId: string): DashboardState {
  const { value, isLoading, error, reload } = useServerState('dashboard:get', { orgId });
  return { dashboard: value, isLoading, error, reload };
}
