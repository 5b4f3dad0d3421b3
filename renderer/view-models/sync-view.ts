/**
 * Sync status in plain words: what happened, when, what went wrong and when the next attempt is.
 */
import type { SyncErrorKind, SyncStatus } from '@core/schemas';
import { formatDateTime, formatRelative, type DisplayZone } from './format';

/** Short names for each error class, shown next to the server's full message. */
export const SYNC_ERROR_LABELS: Record<SyncErrorKind, string> = {
  'project-key': 'Needs an Admin key',
  'invalid-key': 'Key rejected',
  forbidden: 'Access denied',
  'rate-limited': 'Rate limited',
  'spend-limit': 'Spend limit reached',
  server: 'OpenAI server error',
  network: 'Network problem',
  timeout: 'Timed out',
  malformed: 'Unreadable response',
  unknown: 'Unexpected error',
};

export type SyncTone = 'idle' | 'busy' | 'ok' | 'error';

export interface SyncErrorView {
  kind: SyncErrorKind;
  kindLabel: string;
  message: string;
  /** "HTTP 429", or null when no response arrived. */
  statusText: string | null;
  /** "Failed at Tue 24 Nov, 15:42 (2 minutes ago)". */
  atText: string;
  /** "Next attempt Tue 24 Nov, 15:45 (in about 3 minutes)", "Retrying now", or null when no retry is scheduled. */
  retryText: string | null;
}

export interface SyncView {
  tone: SyncTone;
  headline: string;
  lastSuccessText: string;
  failuresText: string | null;
  error: SyncErrorView | null;
}

/**
 * Describes a sync status for the status panel.
 *
 * Example: state 'error', lastError { kind: 'rate-limited', status: 429, retryAtMs: now + 30_000 } →
 * headline "Sync failed", error.kindLabel "Rate limited", error.retryText "Next attempt … (in 30 s)".
 */
export function describeSync(status: SyncStatus, nowMs: number, zone: DisplayZone = {}): SyncView {
  const at = (ms: number) => `${formatDateTime(ms, nowMs, zone)} (${formatRelative(ms, nowMs)})`;
  // What already happened is said as past even when this clock lags the one that recorded it.
  const past = (ms: number) =>
    `${formatDateTime(ms, nowMs, zone)} (${formatRelative(Math.min(ms, nowMs), nowMs)})`;
  const lastSuccessText =
    status.lastSuccessMs === null ? 'Never synced yet' : `Last synced ${past(status.lastSuccessMs)}`;
  const failuresText =
    status.failures > 1
      ? `${status.failures} attempts in a row have failed`
      : status.failures === 1
        ? '1 attempt failed'
        : null;
  const last = status.lastError;
  const error: SyncErrorView | null =
    last === null
      ? null
      : {
          kind: last.kind,
          kindLabel: SYNC_ERROR_LABELS[last.kind] ?? SYNC_ERROR_LABELS.unknown,
          message: last.message,
          statusText: last.status === null ? null : `HTTP ${last.status}`,
          atText: `Failed at ${past(last.atMs)}`,
          retryText:
            last.retryAtMs === null
              ? null
              : last.retryAtMs <= nowMs
                ? 'Retrying at the next scheduled sync'
                : `Next attempt ${at(last.retryAtMs)}`,
        };
  switch (status.state) {
    case 'syncing':
      return { tone: 'busy', headline: 'Syncing…', lastSuccessText, failuresText, error };
    case 'error':
      return { tone: 'error', headline: 'Sync failed', lastSuccessText, failuresText, error };
    case 'ok':
      // A stale lastError after a success is history, not a current problem.
      return { tone: 'ok', headline: 'Up to date', lastSuccessText, failuresText: null, error: null };
    default:
      return { tone: 'idle', headline: 'Waiting for the first sync', lastSuccessText, failuresText, error };
  }
}
