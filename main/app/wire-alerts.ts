/**
 * Alerts follow the data: the dispatcher (rules in core, state in its own file, webhook delivery) is
 * evaluated after each finished sync (success or failure) and each ledger change, and hard spend limits
 * are re-read hourly at most after a sync.
 */
import { displayZone, systemTimeZone } from '@core/time-zone';
import type { ProblemList } from '../services/stores/store-problem';
import { createAlertDispatcher, type AlertDispatcher } from '../services/alert-dispatcher';
import { createAlertFactsSource } from '../services/alert-facts-source';
import type { AnswerService } from '../services/answers';
import type { MoneyService } from '../services/money';
import type { SpendLimitSync } from '../services/spend-limit-sync';
import { effectiveHardLimit } from '@core/spend-limits';
import { openAlertStore } from '../services/stores/alert-store';
import type { SettingsStore } from '../services/stores/settings-store';
import type { SyncEngineTools } from '../services/sync';
import { postWebhook } from '../services/webhook';
import type { EventBus } from './event-bus';

export interface AlertWiringDeps {
  dataDir: string;
  settings: SettingsStore;
  money: MoneyService;
  sync: SyncEngineTools;
  limits: SpendLimitSync;
  bus: EventBus;
  problems: ProblemList;
  nowMs(): number;
  log(line: string): void;
  /** Each account's answer as the app serves it: the alerts (and the webhook) quote that snapshot. */
  answers?: Pick<AnswerService, 'get'>;
}

/** Opens the alert store, creates the dispatcher and subscribes it to the app's events. */
export async function wireAlerts(deps: AlertWiringDeps): Promise<AlertDispatcher> {
  const { settings, money, sync, limits, bus, problems, nowMs, log, answers } = deps;
  // A zone Intl does not know (a hand-edited file) must not stop every alert: the system zone stands in.
  const zoneNow = () => displayZone(settings.get().timeZone, systemTimeZone());
  const alerts = createAlertDispatcher({
    store: await openAlertStore(deps.dataDir, { nowMs, problems }),
    orgs: () => settings.get().orgs,
    factsFor: createAlertFactsSource({
      money,
      sync,
      spendLimit: (orgId) => effectiveHardLimit(limits.get(orgId)),
      nowMs,
      timeZone: zoneNow,
      answerOf: answers ? (orgId) => answers.get(orgId) : undefined,
    }),
    nowMs,
    displayZone: zoneNow,
    onFired: (alert) => bus.emit('alerts:fired', { alert }),
    onChanged: (view) => bus.emit('alerts:changed', view),
    webhook: (url, alert, report, answer) =>
      void postWebhook(
        url,
        alert,
        {
          fetch,
          sleep: (ms) => new Promise((r) => setTimeout(r, ms).unref()),
          onResult: (problem) => {
            if (problem) log(`alerts: ${problem}`);
            report(problem);
          },
        },
        answer,
      ),
    log,
  });
  // Alerts follow the data: after each finished sync (success or failure) and each ledger change.
  const evaluateAlerts = () => void alerts.evaluate().catch((err: Error) => log(`alerts: ${err.message}`));
  bus.subscribe((event, payload) => {
    if (event === 'data:changed') {
      evaluateAlerts();
      // Limits are read hourly at most, after a sync; a change re-evaluates (limit approaching).
      void limits.refreshDue().then(
        (isChanged) => isChanged && evaluateAlerts(),
        () => {},
      );
    }
    if (event === 'sync:status' && (payload as { status: { state: string } }).status.state === 'error')
      evaluateAlerts();
  });

  return alerts;
}
