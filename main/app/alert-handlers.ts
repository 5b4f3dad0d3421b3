/** The `alerts:*` channels (active alerts and history, snooze, pause, settings) and `limits:get`. */
import type { Handlers } from '@core/api-contract';
import { findOrg } from './org-lookup';
import type { HandlerDeps } from './handler-deps';

type AlertChannels =
  | 'alerts:get'
  | 'alerts:snooze'
  | 'alerts:acknowledge'
  | 'alerts:pause'
  | 'alerts:getSettings'
  | 'alerts:updateSettings'
  | 'limits:get';

/** What the alert channels use. */
export type AlertHandlerDeps = Pick<HandlerDeps, 'alerts' | 'limits' | 'settings'>;

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
