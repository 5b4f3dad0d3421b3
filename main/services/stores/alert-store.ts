/**
 * alert-settings.json (what the user chose: precious, pretty-printed) and alerts.json (running episodes,
 * snoozes, history: small, rewritten when it changes). Both versioned, zod-validated, written atomically
 * (lowdb/steno temp-file rename) and quarantined — never overwritten — when unreadable.
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

const SETTINGS_SPEC: FileSpec<AlertSettings> = {
  label: 'alert settings',
  version: ALERT_SETTINGS_VERSION,
  schema: AlertSettingsSchema,
  migrations: {},
  defaults: defaultAlertSettings,
  indent: 2,
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
  const settings = await openVersionedFile(join(dataDir, ALERT_SETTINGS_FILE), SETTINGS_SPEC, ctx);
  const state = await openVersionedFile(join(dataDir, ALERT_STATE_FILE), STATE_SPEC, ctx);
  return {
    settings: () => settings.data(),
    saveSettings: (next) => settings.write(next),
    state: () => state.data(),
    async saveState(next) {
      if (JSON.stringify(next) === JSON.stringify(state.data())) return;
      await state.write(next);
    },
  };
}
