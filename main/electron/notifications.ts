/**
 * Native notifications for alerts: one per alert id (kind + org) — a new one replaces the previous
 * instead of stacking — and a click opens that org. (The page may ask only for the notifications
 * permission: main-window.ts sets that policy.) Windows needs the AppUserModelID (electron-builder `appId`).
 */
import { Notification, app } from 'electron';
import type { Alert } from '@core/alerts/alert-types';

/** electron-builder.yml `appId`: Windows shows toasts only for an app with this id. */
export const APP_USER_MODEL_ID = 'dev.creditwatch.app';

export interface AlertNotifier {
  show(alert: Alert): void;
}

/** Sets the app id and returns the notifier. */
export function createAlertNotifier(openOrg: (orgId: string) => void): AlertNotifier {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const shown = new Map<string, Notification>();
  return {
    show(alert) {
      if (!Notification.isSupported()) return;
      shown.get(alert.id)?.close();
      const n = new Notification({
        title: alert.title,
        body: alert.body,
        urgency: alert.severity === 'critical' ? 'critical' : 'normal',
      });
      n.on('click', () => openOrg(alert.orgId));
      n.on('close', () => {
        if (shown.get(alert.id) === n) shown.delete(alert.id);
      });
      shown.set(alert.id, n);
      n.show();
    },
  };
}
