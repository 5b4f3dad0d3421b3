/**
 * A clear in-page offer to turn on desktop notifications (never asked on load). When the browser
 * refuses, says so: alerts then show only in this page's banner.
 */
import { useState } from 'react';
import { useNotifier } from '../../api/notifier-context';
import type { NotifyPermission } from '../../api/desktop-notifier';

export function NotificationPrompt() {
  const notifier = useNotifier();
  const [permission, setPermission] = useState<NotifyPermission>(() => notifier?.permission() ?? 'by-host');
  // Blocked before this page asked: the user decided in the browser; the page does not repeat it at the top.
  const [wasBlockedAtLoad] = useState(() => permission === 'denied');
  if (!notifier || permission === 'by-host' || permission === 'granted' || wasBlockedAtLoad) return null;
  if (permission === 'unsupported')
    return (
      <p className="muted" data-testid="notify-status">
        This browser cannot show desktop notifications; alerts show here in the page.
      </p>
    );
  if (permission === 'denied')
    return (
      <p className="muted" role="status" data-testid="notify-status">
        Desktop notifications are blocked in this browser&apos;s site settings; alerts show here.
      </p>
    );
  return (
    <p data-testid="notify-status">
      <button type="button" className="button" onClick={() => void notifier.request().then(setPermission)}>
        Show alerts as desktop notifications
      </button>{' '}
      <span className="muted">Your browser will ask for permission; alerts always show here too.</span>
    </p>
  );
}
