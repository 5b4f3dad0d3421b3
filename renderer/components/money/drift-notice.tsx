/**
 * The reconciliation of a recorded balance: drift (observed − estimated) and its likely causes, always shown.
 */
import type { DriftView } from '../../view-models/money-balance';

/** Drift box; `title` says which observation it is about. */
export function DriftNotice({ view, title }: { view: DriftView; title: string }) {
  return (
    <div
      className={view.isConsistent ? 'drift consistent' : 'drift'}
      data-testid="drift-notice"
      role="status"
    >
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
    </div>
  );
}
