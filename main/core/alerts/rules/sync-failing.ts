/**
 * Sync failing for longer than N minutes (60): the figures are getting stale. Clears on the next
 * successful sync (a success is the hysteresis: one failed attempt after it does not re-fire).
 *
 * Example: last success 09:00, failing since, now 10:05, threshold 60 min → fires.
 */
import { dateTimeWords } from '../../words/date-words';
import { MINUTE_MS } from '../../time';
import type { AlertRule } from './rule';

export const syncFailingRule: AlertRule = (f, r, isActive) => {
  const s = f.sync;
  if (s.failingSinceMs === null) return null;
  if (s.state !== 'error' && !(isActive && s.state === 'syncing')) return null;
  const minutes = (f.nowMs - s.failingSinceMs) / MINUTE_MS;
  if (minutes < r.syncFailingMinutes) return null;
  return {
    kind: 'sync-failing',
    severity: 'warning',
    title: `${f.orgName}: sync failing for ${minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${Math.round(minutes)} minutes`}`,
    body: `Figures are as of ${dateTimeWords(s.failingSinceMs, f.nowMs, f.timeZone)}.${s.message ? ` ${s.message}` : ''}`,
  };
};
