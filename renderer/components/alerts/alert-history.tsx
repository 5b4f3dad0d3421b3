/** The in-app alert history: what started, was notified, snoozed or cleared, newest first. */
import type { AlertsView } from '@core/alerts/alerts-view';

const EVENT_WORDS = {
  started: 'Started',
  notified: 'Notified',
  cleared: 'Cleared',
  snoozed: 'Snoozed',
} as const;

export function AlertHistory({ view, timeZone }: { view: AlertsView; timeZone?: string }) {
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <details className="card" data-testid="alert-history">
      <summary>Alert history ({view.history.length})</summary>
      {view.history.length === 0 ? (
        <p className="muted">No alerts yet.</p>
      ) : (
        <ul className="plain-list">
          {view.history.map((h, i) => (
            <li key={`${h.atMs}-${h.alertId}-${h.event}-${i}`}>
              {when.format(h.atMs)} · {EVENT_WORDS[h.event]}: {h.title}
              {h.note ? <span className="muted"> ({h.note})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
