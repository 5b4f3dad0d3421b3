/**
 * The alert history as one row per episode: when it started, whether it was notified or snoozed, and when
 * it cleared — instead of a row for each of those events.
 */
import type { HistoryEntry } from '@core/alerts/alert-state';

export interface EpisodeRow {
  alertId: string;
  title: string;
  startedMs: number;
  notifiedMs: number | null;
  snoozedCount: number;
  clearedMs: number | null;
  /** Why it was not notified at once ("quiet hours: …"), when it was held. */
  note: string | null;
}

/**
 * Episodes, newest first, from history lines in any order (the view gives them newest first). A line
 * before its episode's start (cut off by the history limit) opens an episode of its own.
 */
export function buildEpisodes(history: readonly HistoryEntry[]): EpisodeRow[] {
  // The view lists lines newest first in the order they happened; lines of one instant (a clock that did not
  // move between a start, its notification and an earlier episode's clearing) keep that order.
  const oldestFirst = [...history].reverse().sort((a, b) => a.atMs - b.atMs);
  const open = new Map<string, EpisodeRow>();
  const rows: EpisodeRow[] = [];
  for (const h of oldestFirst) {
    let row = open.get(h.alertId);
    if (!row || h.event === 'started') {
      row = {
        alertId: h.alertId,
        title: h.title,
        startedMs: h.atMs,
        notifiedMs: null,
        snoozedCount: 0,
        clearedMs: null,
        note: null,
      };
      rows.push(row);
      open.set(h.alertId, row);
    }
    if (h.event === 'started') row.note = h.note;
    if (h.event === 'notified' && row.notifiedMs === null) row.notifiedMs = h.atMs;
    if (h.event === 'snoozed') row.snoozedCount += 1;
    if (h.event === 'cleared') {
      row.clearedMs = h.atMs;
      open.delete(h.alertId);
    }
  }
  return rows.reverse();
}
