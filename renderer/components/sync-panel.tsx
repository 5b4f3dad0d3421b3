/**
 * Sync status: last success, a "Sync now" button, and the last error in plain words with when it retries.
 */
import type { SyncView } from '../view-models/sync-view';
import { LinkedText } from './linked-text';

export interface SyncPanelProps {
  view: SyncView;
  isSyncing: boolean;
  /** A failure of the "Sync now" request itself (not of the sync), in words. */
  requestError: string | null;
  onSyncNow: () => void;
}

/** The sync status card. */
export function SyncPanel({ view, isSyncing, requestError, onSyncNow }: SyncPanelProps) {
  const isBusy = isSyncing || view.tone === 'busy';
  return (
    <section
      className="card sync-card"
      aria-labelledby="sync-title"
      data-testid="sync-panel"
      data-tone={view.tone}
    >
      <div className="card-head">
        <h2 id="sync-title">
          <span className={`dot dot-${view.tone}`} aria-hidden="true" />
          <span data-testid="sync-state" aria-live="polite">
            {view.headline}
          </span>
        </h2>
        <button type="button" className="button" onClick={onSyncNow} disabled={isBusy} aria-busy={isBusy}>
          {isBusy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <p className="muted" data-testid="last-success">
        {view.lastSuccessText}
      </p>
      {view.error && (
        <div className="sync-error" role="alert" data-testid="sync-error" data-kind={view.error.kind}>
          <p className="sync-error-title">
            <strong data-testid="sync-error-kind">{view.error.kindLabel}</strong>
            {view.error.statusText && <span className="badge">{view.error.statusText}</span>}
          </p>
          <p data-testid="sync-error-message">
            <LinkedText text={view.error.message} />
          </p>
          <p className="muted">
            {view.error.atText}
            {view.failuresText && ` · ${view.failuresText}`}
          </p>
          {view.error.retryText && (
            <p className="muted" data-testid="sync-retry">
              {view.error.retryText}
            </p>
          )}
        </div>
      )}
      {requestError && (
        <p className="form-error" role="alert">
          {requestError}
        </p>
      )}
    </section>
  );
}
