/**
 * The reconciliation of a recorded balance: drift (observed − estimated) and its likely causes, always shown.
 */
import { useState } from 'react';
import type { DriftView } from '../../view-models/money-balance';

const SIZE_CLASS = { none: 'drift consistent', small: 'drift small', large: 'drift' } as const;

/**
 * Drift box; `title` says which observation it is about. Only a large drift is shown as an alarm, and
 * any drift can be acknowledged (it then shrinks to one line until another balance is recorded).
 */
export function DriftNotice({ view, title }: { view: DriftView; title: string }) {
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const key = `${title}|${view.drift}|${view.observed}`;
  if (acknowledged === key) {
    return (
      <p className="muted" data-testid="drift-acknowledged" role="status">
        {title}: drift {view.drift} noted.
      </p>
    );
  }
  return (
    <div className={SIZE_CLASS[view.size]} data-testid="drift-notice" role="status">
      <p>
        <strong>{title}</strong>: drift <strong data-testid="drift">{view.drift}</strong>{' '}
        <span className="muted">
          (recorded {view.observed}, estimated {view.estimated})
        </span>
      </p>
      <p data-testid="drift-summary">{view.summary}</p>
      {view.causes.length > 0 && (
        <>
          <p className="muted">Likely causes:</p>
          <ul data-testid="drift-causes">
            {view.causes.map((c) => (
              <li key={c.key}>{c.message}</li>
            ))}
          </ul>
        </>
      )}
      {!view.isConsistent && (
        <p>
          <button type="button" className="button" onClick={() => setAcknowledged(key)}>
            Noted, hide this
          </button>
        </p>
      )}
    </div>
  );
}
