/** What the page, the tray and `status` get about alerts. */
import type { AlertState, HistoryEntry } from './alert-state';
import type { Alert } from './alert-types';
import { heldAcknowledgements } from './acknowledge';

export interface AlertsView {
  /** Every running episode, most severe first. */
  active: Alert[];
  /** Newest first (at most 50 lines). */
  history: HistoryEntry[];
  /** Alert id → snoozed until. */
  snoozes: Record<string, number>;
  /** Alert id → the figures the user said "Got it" to (held until they change). */
  acknowledged: Record<string, string>;
  pausedUntilMs: number | null;
  /** The last webhook failure in words, null when the last call worked (or none was made). */
  webhookProblem: string | null;
  /** When the alerts were last evaluated; null before the first evaluation. */
  evaluatedMs: number | null;
}

const RANK = { critical: 0, warning: 1, info: 2 } as const;

/** The view of a state. */
export function alertsViewOf(
  state: AlertState,
  extra: { webhookProblem: string | null; evaluatedMs: number | null },
): AlertsView {
  const active = Object.values(state.episodes)
    .map((e) => e.alert)
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.startedMs - b.startedMs);
  return {
    active,
    history: state.history.slice(-50).reverse(),
    snoozes: state.snoozes,
    acknowledged: heldAcknowledgements(state.acknowledged, state.episodes),
    pausedUntilMs: state.pausedUntilMs,
    ...extra,
  };
}
