/**
 * alert-settings.json (what the user chose: precious, pretty-printed) and alerts.json (running episodes,
 * snoozes, history: small, rewritten when it changes). Both versioned, zod-validated, written atomically
 * (lowdb/steno temp-file rename) and quarantined — never overwritten — when unreadable. The alert
 * settings keep rotating backups like the ledgers (`backups/alert-settings.<time>.json`): a damaged file
 * comes back from its newest readable backup instead of the defaults.
 */
import { join } from 'node:path';
import {
  ALERT_SETTINGS_VERSION,
  AlertSettingsSchema,
  defaultAlertSettings,
  type AlertSettings,
} from '@core/alerts/alert-settings';
import {
  ALERT_STATE_VERSION,
  AlertStateSchema,
  emptyAlertState,
  type AlertState,
} from '@core/alerts/alert-state';
import type { ProblemList } from './store-problem';
import { openVersionedFile, type FileSpec } from './versioned-file';

export const ALERT_SETTINGS_FILE = 'alert-settings.json';
export const ALERT_STATE_FILE = 'alerts.json';
export const ALERT_SETTINGS_BACKUPS_KEPT = 10;

const SETTINGS_SPEC: FileSpec<AlertSettings> = {
  label: 'alert settings',
  version: ALERT_SETTINGS_VERSION,
  schema: AlertSettingsSchema,
  migrations: {},
  defaults: defaultAlertSettings,
  indent: 2,
  describe: (a) =>
    [
      a.webhookUrl ? 'a webhook' : 'no webhook',
      a.quietHours ? `quiet hours ${a.quietHours.start}–${a.quietHours.end}` : 'no quiet hours',
      `${Object.keys(a.orgs).length} per-account setting(s)`,
    ].join(', '),
};
const STATE_SPEC: FileSpec<AlertState> = {
  label: 'alert state',
  version: ALERT_STATE_VERSION,
  schema: AlertStateSchema,
  migrations: {},
  defaults: emptyAlertState,
};

export interface AlertStore {
  settings(): AlertSettings;
  saveSettings(next: AlertSettings): Promise<void>;
  state(): AlertState;
  /** Saves the state; skips the write when nothing changed. */
  saveState(next: AlertState): Promise<void>;
}

/** Opens both files in `dataDir`. */
export async function openAlertStore(
  dataDir: string,
  ctx: { nowMs(): number; problems?: ProblemList | null },
): Promise<AlertStore> {
  const settings = await openVersionedFile(join(dataDir, ALERT_SETTINGS_FILE), SETTINGS_SPEC, ctx, {
    dir: join(dataDir, 'backups'),
    prefix: 'alert-settings',
    keep: ALERT_SETTINGS_BACKUPS_KEPT,
  });
  const state = await openVersionedFile(join(dataDir, ALERT_STATE_FILE), STATE_SPEC, ctx);
  return {
    settings: () => settings.data(),
    async saveSettings(next) {
      await settings.backup(); // a state no backup holds yet (a hand edit)
      await settings.write(next);
      await settings.backup(); // the new state: a damaged file can always come back to the last write
    },
    state: () => state.data(),
    async saveState(next) {
      if (JSON.stringify(next) === JSON.stringify(state.data())) return;
      await state.write(next);
    },
  };
}
