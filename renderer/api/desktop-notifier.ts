/**
 * Desktop notifications for alerts, behind a small port so components never touch `window.Notification`.
 * In a browser: the Web Notification API, asked for only when the user presses the page's button.
 * In Electron: main shows native notifications itself, so the page shows none.
 */
import type { Alert } from '@core/alerts/alert-types';

export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported' | 'by-host';

export interface DesktopNotifier {
  permission(): NotifyPermission;
  /** Asks the browser (only ever from a click); resolves to the answer. */
  request(): Promise<NotifyPermission>;
  /** Shows one alert; the same alert id replaces an earlier notification instead of stacking. */
  show(alert: Alert, onClick: () => void): void;
}

/** The Web Notification API of this page. */
export function createBrowserNotifier(): DesktopNotifier {
  const N = typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
  return {
    permission: () => (N ? N.permission : 'unsupported'),
    async request() {
      if (!N) return 'unsupported';
      return N.requestPermission();
    },
    show(alert, onClick) {
      if (!N || N.permission !== 'granted') return;
      const n = new N(alert.title, { body: alert.body, tag: alert.id });
      n.onclick = () => {
        window.focus();
        onClick();
        n.close();
      };
    },
  };
}

/** Electron: the host notifies natively; the page only shows the banner. */
export function createHostNotifier(): DesktopNotifier {
  return { permission: () => 'by-host', request: async () => 'by-host', show: () => {} };
}
