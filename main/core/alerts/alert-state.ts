/**
 * Alert state (alerts.json): the running episodes, snoozes, the notification pause and a bounded history.
 * It survives restarts, so a relaunch does not repeat alerts already delivered.
 */
import { z } from 'zod';
import { ALERT_KINDS } from './alert-types';

const AlertSchema = z.object({
  id: z.string().min(1).max(120),
  kind: z.enum(ALERT_KINDS),
  orgId: z.string().min(1).max(64),
  orgName: z.string().max(200),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string().max(400),
  body: z.string().max(2000),
  episode: z.string().max(120).optional(),
  startedMs: z.number().int(),
  updatedMs: z.number().int(),
});

/** A running episode: the alert and when it was delivered (null = not yet: snoozed, paused or quiet hours). */
export const EpisodeSchema = z.object({
  alert: AlertSchema,
  notifiedMs: z.number().int().nullable(),
});

/** One line of the in-app history. */
export const HistoryEntrySchema = z.object({
  atMs: z.number().int(),
  event: z.enum(['started', 'notified', 'cleared', 'snoozed']),
  alertId: z.string(),
  kind: z.enum(ALERT_KINDS),
  orgId: z.string(),
  title: z.string(),
  body: z.string(),
  /** Why a start was not notified at once, in words ("quiet hours until 07:00"). */
  note: z.string().nullable().default(null),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ALERT_STATE_VERSION = 1;
/** History lines kept (oldest dropped first). */
export const HISTORY_LIMIT = 200;

export const AlertStateSchema = z.object({
  version: z.literal(ALERT_STATE_VERSION),
  episodes: z.record(z.string(), EpisodeSchema).default({}),
  /** Alert id → snoozed until (epoch ms). */
  snoozes: z.record(z.string(), z.number().int()).default({}),
  /** "Pause notifications" from the tray: nothing is delivered until then (alerts still show in the app). */
  pausedUntilMs: z.number().int().nullable().default(null),
  /** "Got it": alert id → the figures acknowledged (see acknowledge.ts); held until they change. */
  acknowledged: z.record(z.string(), z.string().max(400)).default({}),
  history: z.array(HistoryEntrySchema).default([]),
});
export type AlertState = z.infer<typeof AlertStateSchema>;

/** A fresh state. */
export function emptyAlertState(): AlertState {
  return AlertStateSchema.parse({ version: ALERT_STATE_VERSION });
}
