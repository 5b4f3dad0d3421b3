/** The in-app alert history: one row per episode — when it started, was notified, snoozed and cleared. */
import type { AlertsView } from '@core/alerts/alerts-view';
import { buildEpisodes } from '../../view-models/alert-episodes';

export function AlertHistory({ view, timeZone }: { view: AlertsView; timeZone?: string }) {
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone });
  const episodes = buildEpisodes(view.history);
  return (
    <details className="card" data-testid="alert-history">
      <summary>Alert history ({episodes.length})</summary>
      {episodes.length === 0 ? (
        <p className="muted">No alerts yet.</p>
      ) : (
        <ul className="plain-list">
          {episodes.map((e) => (
            <li key={`${e.alertId}-${e.startedMs}`} data-testid="alert-episode">
              {when.format(e.startedMs)} · {e.title}
              <span className="muted">
                {e.notifiedMs !== null ? ' · notified' : ''}
                {e.snoozedCount > 0
                  ? ` · snoozed${e.snoozedCount > 1 ? ` ${e.snoozedCount} times` : ''}`
                  : ''}
                {e.clearedMs !== null ? ` · cleared ${time.format(e.clearedMs)}` : ' · still on'}
                {e.note && e.notifiedMs === null ? ` (${e.note})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
