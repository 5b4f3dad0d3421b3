/**
 * The alerts view (active, history, pause), from the page's server cache (which `alerts:changed` replaces);
 * each `alerts:fired` becomes one desktop notification when the user allowed them.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { AlertsView } from '@core/alerts/alerts-view';
import { useApi } from '../api/api-context';
import { useNotifier } from '../api/notifier-context';
import { useServerState, useServerWrite } from '../api/server-state';

/** The view (null until loaded) and a setter for replies of snooze/pause calls. */
export function useAlerts(onOpenOrg: (orgId: string) => void): {
  view: AlertsView | null;
  setView(v: AlertsView): void;
} {
  const api = useApi();
  const notifier = useNotifier();
  const { value: view } = useServerState('alerts:get', {});
  const write = useServerWrite();
  // A ref, so a new callback each render does not re-subscribe (and never doubles a notification).
  const open = useRef(onOpenOrg);
  useLayoutEffect(() => {
    open.current = onOpenOrg;
  });
  useEffect(
    () => api.on('alerts:fired', ({ alert }) => notifier?.show(alert, () => open.current(alert.orgId))),
    [api, notifier],
  );
  return { view, setView: (v) => write('alerts:get', {}, v) };
}
