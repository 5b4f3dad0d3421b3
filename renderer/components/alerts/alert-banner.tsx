/**
 * The page's alerts: one line that counts them, then up to three rows grouped per account ("+N more" opens
 * the rest). Red only for alerts that need action; information is neutral. "Got it" hides an alert until its
 * figures change. On a narrow screen the rows stay folded behind the counter line. Renders nothing when all
 * is well.
 */
import { useState } from 'react';
import type { Alert } from '@core/alerts/alert-types';
import type { AlertsView } from '@core/alerts/alerts-view';
import { useApi } from '../../api/api-context';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { buildAlertList, type AlertListState } from '../../view-models/alert-list';

export interface AlertBannerProps {
  view: AlertsView;
  onView(v: AlertsView): void;
  onOpenOrg(orgId: string): void;
  /** The account on screen: only its alerts are listed, and "Open" is not offered. */
  orgId?: string | null;
}

export function AlertBanner({ view, onView, onOpenOrg, orgId = null }: AlertBannerProps) {
  const api = useApi();
  const acknowledgement = useFormSubmit(async (a: Alert) =>
    onView(await api.invoke('alerts:acknowledge', { alertId: a.id })),
  );
  const [state, setState] = useState<AlertListState>('folded');
  const isOpen = state !== 'folded';
  const list = buildAlertList(view, orgId, state);
  const total = list.needsActionCount + list.infoCount;
  if (total === 0 && !view.webhookProblem) return null;
  const tone = list.needsActionCount > 0 ? 'action' : 'info';
  return (
    <section
      className={`alerts alerts-${tone}${isOpen ? ' open' : ''}`}
      aria-label="Alerts"
      data-testid="alert-banner"
    >
      {total > 0 && (
        <button
          type="button"
          className="alerts-counter"
          aria-expanded={isOpen}
          onClick={() => setState(isOpen ? 'folded' : 'open')}
          data-testid="alert-counter"
        >
          {list.summary}
        </button>
      )}
      <div className="alerts-rows">
        {list.groups.map((g) => (
          <div key={g.orgId} className="alert-group" data-testid="alert-group" data-org-id={g.orgId}>
            {orgId === null && (
              <p className="alert-group-name">
                <button type="button" className="link-button" onClick={() => onOpenOrg(g.orgId)}>
                  {g.orgName}
                </button>
              </p>
            )}
            <ul className="plain-list">
              {g.rows.map(({ alert: a, needsAction }) => (
                <li
                  key={a.id}
                  data-testid="alert-item"
                  data-kind={a.kind}
                  data-needs-action={needsAction}
                  className={`alert-row ${needsAction ? 'alert-action' : 'alert-info'}`}
                >
                  <span className="alert-text">
                    <strong>{withoutOrgName(a)}</strong>
                    {(isOpen || needsAction) && <span className="alert-body"> {a.body}</span>}
                  </span>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => acknowledgement.submit(a)}
                    disabled={acknowledgement.isPending}
                  >
                    Got it
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {list.hiddenCount > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => setState('all')}
            data-testid="alert-more"
          >
            +{list.hiddenCount} more
          </button>
        )}
        {list.acknowledgedCount > 0 && (
          <p className="muted alert-acknowledged">
            {list.acknowledgedCount} more you said “Got it” to; they come back if their figures change.
          </p>
        )}
      </div>
      {view.webhookProblem && <p data-testid="webhook-problem">{view.webhookProblem}</p>}
      {acknowledgement.error && <p className="form-error">{acknowledgement.error}</p>}
    </section>
  );
}

/** The title without the "Acme: " its group already names. */
function withoutOrgName(a: Alert): string {
  const prefix = `${a.orgName}: `;
  return a.title.startsWith(prefix) ? a.title.slice(prefix.length) : a.title;
}
