/**
 * The alerts view (active, history, pause), kept current from `alerts:changed`; each `alerts:fired`
 * becomes one desktop notification when the user allowed them.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AlertsView } from '@core/alerts/alerts-view';
import { useApi } from '../api/api-context';
import { useNotifier } from '../api/notifier-context';

/** The view (null until loaded) and a setter for replies of snooze/pause calls. */
export function useAlerts(onOpenOrg: (orgId: string) => void): {
  view: AlertsView | null;
  setView(v: AlertsView): void;
} {
  const api = useApi();
  const notifier = useNotifier();
  const [view, setView] = useState<AlertsView | null>(null);
  // A ref, so a new callback each render does not re-subscribe (and never doubles a notification).
  const open = useRef(onOpenOrg);
  useLayoutEffect(() => {
    open.current = onOpenOrg;
  });
  useEffect(() => {
    let isCurrent = true;
    api.invoke('alerts:get', {}).then(
      (v) => isCurrent && setView(v),
      () => {},
    );
    const offChanged = api.on('alerts:changed', (v) => setView(v));
    const offFired = api.on('alerts:fired', ({ alert }) =>
      notifier?.show(alert, () => open.current(alert.orgId)),
    );
    return () => {
      isCurrent = false;
      offChanged();
      offFired();
    };
  }, [api, notifier]);
  return { view, setView };
}
