/** The `alerts:*` channels: the active alerts and history, snooze, pause, and the alert settings. */
import type { Handlers } from '@core/api-contract';
import type { HandlerDeps } from './handler-deps';

type AlertChannels =
  'alerts:get' | 'alerts:snooze' | 'alerts:pause' | 'alerts:getSettings' | 'alerts:updateSettings';

/** Handlers for the alert channels. */
export function createAlertHandlers(deps: HandlerDeps): Pick<Handlers, AlertChannels> {
  return {
    'alerts:get': async () => deps.alerts.view(),
    'alerts:snooze': async ({ alertId, untilMs }) => deps.alerts.snooze(alertId, untilMs),
    'alerts:pause': async ({ untilMs }) => deps.alerts.pause(untilMs),
    'alerts:getSettings': async () => deps.alerts.settings(),
    'alerts:updateSettings': async (patch) => deps.alerts.updateSettings(patch),
  };
}
