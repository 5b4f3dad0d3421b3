/**
 * The in-page alert banner: each active alert with its words, "Open" for its org and "Snooze 1 hour".
 * Renders nothing when all is well.
 */
import { useState } from 'react';
import type { Alert } from '@core/alerts/alert-types';
import type { AlertsView } from '@core/alerts/alerts-view';
import { useApi } from '../../api/api-context';
import { useNow } from '../../hooks/use-now';

const HOUR_MS = 3_600_000;

export interface AlertBannerProps {
  view: AlertsView;
  onView(v: AlertsView): void;
  onOpenOrg(orgId: string): void;
}

export function AlertBanner({ view, onView, onOpenOrg }: AlertBannerProps) {
  const api = useApi();
  const nowMs = useNow();
  const [error, setError] = useState<string | null>(null);
  if (view.active.length === 0 && !view.webhookProblem) return null;
  const snooze = (a: Alert) =>
    api.invoke('alerts:snooze', { alertId: a.id, untilMs: nowMs + HOUR_MS }).then(
      (v) => {
        setError(null);
        onView(v);
      },
      (err: Error) => setError(err.message),
    );
  return (
    <section className="banner alert-banner" role="alert" aria-label="Alerts" data-testid="alert-banner">
      <ul className="plain-list">
        {view.active.map((a) => (
          <li key={a.id} data-testid="alert-item" data-kind={a.kind} className={`alert-${a.severity}`}>
            <strong>{a.title}</strong> — {a.body}{' '}
            {view.snoozes[a.id] ? (
              <span className="muted">
                (snoozed until {new Date(view.snoozes[a.id]!).toLocaleTimeString()})
              </span>
            ) : (
              <button type="button" className="button" onClick={() => void snooze(a)}>
                Snooze 1 hour
              </button>
            )}{' '}
            <button type="button" className="button" onClick={() => onOpenOrg(a.orgId)}>
              Open
            </button>
          </li>
        ))}
      </ul>
      {view.webhookProblem && <p data-testid="webhook-problem">{view.webhookProblem}</p>}
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
