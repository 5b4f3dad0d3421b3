/**
 * Restoring alert settings, as a merge like the rest of a restore: this machine's alert settings are
 * kept when the user changed them here (a difference is listed); settings never touched here take the
 * backup's. Pure.
 *
 * Example: here the defaults, the backup a $50 low-credit line and a webhook → both are taken; here a
 * $20 line, the backup $50 → "kept this machine's", nothing written.
 */
import { defaultAlertSettings, type AlertSettings } from '../alerts/alert-settings';
import type { RestoreConflict } from './restore-plan';

export interface AlertSettingsPlan {
  /** What to write, or null to leave this machine's as they are. */
  next: AlertSettings | null;
  conflict: RestoreConflict | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Plans the alert settings of a restore (`theirs` undefined: an older backup without them). */
export function planAlertSettings(
  current: AlertSettings,
  theirs: AlertSettings | undefined,
): AlertSettingsPlan {
  if (!theirs || same(current, theirs)) return { next: null, conflict: null };
  if (same(current, defaultAlertSettings())) return { next: theirs, conflict: null };
  return {
    next: null,
    conflict: {
      orgId: null,
      orgName: null,
      message: "The alert settings differ from the backup's; kept this machine's.",
    },
  };
}
