/**
 * The reconciliation of a recorded balance: drift (observed − estimated) and its likely causes, always shown.
 */
import type { DriftWeight } from '@core/drift-weight';
import type { DriftView } from '../../view-models/money-balance';

/**
 * Drift box, sized by how much it matters (`weight`); `title` says which observation it is about. Once
 * acknowledged it shrinks to one line.
 */
export function DriftNotice({
  view,
  title,
  weight = view.isConsistent ? 'minor' : 'notable',
  isAcknowledged = false,
  onAcknowledge,
}: {
  view: DriftView;
  title: string;
  weight?: DriftWeight;
  isAcknowledged?: boolean;
  onAcknowledge?: () => void;
}) {
  if (isAcknowledged || weight === 'minor')
    return (
      <p className="muted drift-line" data-testid="drift-notice" data-weight={weight}>
        {title}: <span data-testid="drift-summary">{view.summary}</span>{' '}
        <span className="visually-hidden" data-testid="drift">
          {view.drift}
        </span>
      </p>
    );
  return (
    <div className={`drift ${weight}`} data-testid="drift-notice" data-weight={weight} role="status">
      <p>
        <strong>{title}</strong>{' '}
        <span className="muted">
          (you recorded {view.observed}; the estimate was {view.estimated}; difference{' '}
          <span data-testid="drift">{view.drift}</span>)
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
      {onAcknowledge && (
        <div className="actions">
          <button type="button" className="button" onClick={onAcknowledge} data-testid="drift-acknowledge">
            Got it
          </button>
        </div>
      )}
    </div>
  );
}
