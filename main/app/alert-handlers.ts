/** The `alerts:*` channels (active alerts and history, snooze, pause, settings) and `limits:get`. */
import type { Handlers } from '@core/api-contract';
import type { SpendLimitsView } from '@core/spend-limits';
import type { AlertDispatcher } from '../services/alert-dispatcher';
import type { SettingsStore } from '../services/stores/settings-store';
import { findOrg } from './org-lookup';

type AlertChannels =
  | 'alerts:get'
  | 'alerts:snooze'
  | 'alerts:acknowledge'
  | 'alerts:pause'
  | 'alerts:getSettings'
  | 'alerts:updateSettings'
  | 'limits:get';

/** What the alert channels use. */
export interface AlertHandlerDeps {
  alerts: Pick<AlertDispatcher, 'view' | 'snooze' | 'acknowledge' | 'pause' | 'settings' | 'updateSettings'>;
  /** Hard spend limits read from the API. */
  limits: { get(orgId: string): SpendLimitsView };
  settings: Pick<SettingsStore, 'get'>;
}

/** Handlers for the alert channels. */
export function createAlertHandlers(deps: AlertHandlerDeps): Pick<Handlers, AlertChannels> {
  return {
    'alerts:get': async () => deps.alerts.view(),
    'alerts:snooze': async ({ alertId, untilMs }) => deps.alerts.snooze(alertId, untilMs),
    'alerts:acknowledge': async ({ alertId }) => deps.alerts.acknowledge(alertId),
    'alerts:pause': async ({ untilMs }) => deps.alerts.pause(untilMs),
    'alerts:getSettings': async () => deps.alerts.settings(),
    'alerts:updateSettings': async (patch) => deps.alerts.updateSettings(patch),
    'limits:get': async ({ orgId }) => {
      findOrg(deps.settings.get(), orgId);
      return deps.limits.get(orgId);
    },
  };
}
