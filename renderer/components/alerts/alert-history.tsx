/** The in-app alert history: one row per episode — when it started, was notified, snoozed and cleared. */
import type { AlertsView } from '@core/alerts/alerts-view';
import { displayZone, systemTimeZone } from '@core/time-zone';
import { dateTimeWords } from '@core/words/date-words';
import { useNow } from '../../hooks/use-now';
import { buildEpisodes } from '../../view-models/alert-episodes';

export function AlertHistory({ view, timeZone }: { view: AlertsView; timeZone?: string }) {
  const nowMs = useNow(60_000);
  const zone = displayZone(timeZone, systemTimeZone());
  // Dates in the one wording every surface uses ("Mon 7 Dec, 09:23", the year outside the current one).
  const when = (ms: number) => dateTimeWords(ms, nowMs, zone);
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
              {when(e.startedMs)} · {e.title}
              <span className="muted">
                {e.notifiedMs !== null ? ' · notified' : ''}
                {e.snoozedCount > 0
                  ? ` · snoozed${e.snoozedCount > 1 ? ` ${e.snoozedCount} times` : ''}`
                  : ''}
                {e.clearedMs !== null ? ` · cleared ${when(e.clearedMs)}` : ' · still on'}
                {e.note && e.notifiedMs === null ? ` (${e.note})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
