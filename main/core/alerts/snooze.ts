/**
 * Snoozing one alert and pausing all notifications: pure state changes with clear refusals.
 *
 * Example: snooze "low-credit:org_…" until 15:00 at 14:00 → not notified before 15:00; if it still holds
 * then, it is notified once more ("remind me later").
 */
import { DateTime } from 'luxon';
import type { AlertState } from './alert-state';

/** A request the user made that cannot be applied; the message is for the user. */
export class AlertRequestError extends Error {
  override name = 'AlertRequestError';
}

/** Snoozes an alert until `untilMs`. Refuses a time not in the future, and an alert that is not active. */
export function snoozeAlert(state: AlertState, id: string, untilMs: number, nowMs: number): AlertState {
  if (!(untilMs > nowMs)) throw new AlertRequestError('A snooze must end in the future: pick a later time.');
  const ep = state.episodes[id];
  if (!ep) throw new AlertRequestError('That alert is no longer active, so there is nothing to snooze.');
  return {
    ...state,
    snoozes: { ...state.snoozes, [id]: untilMs },
    // Snoozing a delivered alert means "remind me later": deliver it again when the snooze ends.
    episodes: { ...state.episodes, [id]: { ...ep, notifiedMs: null } },
    history: [
      ...state.history,
      {
        atMs: nowMs,
        event: 'snoozed' as const,
        alertId: id,
        kind: ep.alert.kind,
        orgId: ep.alert.orgId,
        title: ep.alert.title,
        body: ep.alert.body,
        note: `until ${new Date(untilMs).toISOString()}`,
      },
    ],
  };
}

/** Pauses every notification until `untilMs` (null resumes). Alerts still show in the app meanwhile. */
export function pauseNotifications(state: AlertState, untilMs: number | null, nowMs: number): AlertState {
  if (untilMs !== null && !(untilMs > nowMs))
    throw new AlertRequestError('A pause must end in the future: pick a later time.');
  return { ...state, pausedUntilMs: untilMs };
}

/**
 * "Until tomorrow": 08:00 tomorrow on the user's local clock.
 *
 * Example: 2026-11-24T22:10 in Europe/Berlin → 2026-11-25T08:00+01:00 (07:00Z).
 */
export function untilTomorrowMs(nowMs: number, zone: string): number {
  return DateTime.fromMillis(nowMs, { zone })
    .plus({ days: 1 })
    .set({ hour: 8, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}
