/**
 * The alert dispatcher: evaluates core's rules after each sync and ledger change (coalesced: one run at a
 * time, one more if something changed meanwhile), saves the state, and hands new alerts to delivery
 * (the event bus → notifications and banner; the optional webhook, in the background).
 */
import type { OrgAlertFacts } from '@core/alerts/alert-facts';
import { AlertSettingsSchema, type AlertSettings } from '@core/alerts/alert-settings';
import type { Alert } from '@core/alerts/alert-types';
import type { AccountAnswer } from '@core/answer/account-answer';
import { alertsViewOf, type AlertsView } from '@core/alerts/alerts-view';
import { evaluateAlerts } from '@core/alerts/evaluate';
import { needsAction } from '@core/alerts/action-needed';
import { acknowledgeAlert } from '@core/alerts/acknowledge';
import { AlertRequestError, pauseNotifications, snoozeAlert } from '@core/alerts/snooze';
import { ApiError } from '@core/api-contract';
import type { Org } from '@core/schemas';
import type { AlertStore } from './stores/alert-store';

export interface AlertDispatcherDeps {
  store: AlertStore;
  orgs(): Org[];
  factsFor(org: Org): Promise<OrgAlertFacts>;
  nowMs(): number;
  displayZone(): string;
  /** A new alert to notify (once per episode). */
  onFired(alert: Alert): void;
  /** The active set or history changed. */
  onChanged(view: AlertsView): void;
  /**
   * Posts to the webhook in the background with the account's answer the rules read (null when its facts
   * carry none); reports its outcome through `report`.
   */
  webhook?(
    url: string,
    alert: Alert,
    report: (problem: string | null) => void,
    answer: AccountAnswer | null,
  ): void;
  log?(line: string): void;
}

export interface AlertDispatcher {
  /** Evaluates now (joins a run in progress and runs once more after it). */
  evaluate(): Promise<AlertsView>;
  view(): AlertsView;
  /**
   * What is active right now, evaluated but neither saved nor delivered (for `creditwatch status`, which
   * must not use up the notifications of a desktop app sharing the data folder).
   */
  preview(): Promise<AlertsView>;
  snooze(alertId: string, untilMs: number): Promise<AlertsView>;
  /** "Got it": the alert leaves the page's list until its title changes. */
  acknowledge(alertId: string): Promise<AlertsView>;
  pause(untilMs: number | null): Promise<AlertsView>;
  settings(): AlertSettings;
  updateSettings(patch: Partial<Omit<AlertSettings, 'version'>>): Promise<AlertSettings>;
}

/** Creates the dispatcher. */
export function createAlertDispatcher(deps: AlertDispatcherDeps): AlertDispatcher {
  let webhookProblem: string | null = null;
  let evaluatedMs: number | null = null;
  let running: Promise<AlertsView> | null = null;
  let isDirty = false;
  const view = () => alertsViewOf(deps.store.state(), { webhookProblem, evaluatedMs });
  const changed = () => deps.onChanged(view());
  const asUserError = (err: unknown): never => {
    if (err instanceof AlertRequestError) throw new ApiError('invalid-argument', err.message);
    throw err;
  };

  const compute = async () => {
    const facts: OrgAlertFacts[] = [];
    const skipped: string[] = [];
    for (const org of deps.orgs()) {
      try {
        facts.push(await deps.factsFor(org));
      } catch (err) {
        skipped.push(org.id);
        deps.log?.(`alerts: facts for ${org.id}: ${(err as Error).message}`);
      }
    }
    const nowMs = deps.nowMs();
    const before = deps.store.state();
    const result = evaluateAlerts({
      facts,
      settings: deps.store.settings(),
      state: before,
      nowMs,
      displayZone: deps.displayZone(),
      skippedOrgIds: skipped,
    });
    return { before, result, nowMs, facts };
  };

  const runOnce = async (): Promise<AlertsView> => {
    const { before, result, nowMs, facts } = await compute();
    await deps.store.saveState(result.state);
    evaluatedMs = nowMs;
    const notifyAll = deps.store.settings().notify === 'all';
    for (const alert of result.deliver) {
      if (notifyAll || needsAction(alert)) deps.onFired(alert);
      const url = deps.store.settings().webhookUrl;
      if (url && deps.webhook)
        deps.webhook(
          url,
          alert,
          (problem) => {
            webhookProblem = problem;
            changed();
          },
          facts.find((f) => f.orgId === alert.orgId)?.answer ?? null,
        );
    }
    if (JSON.stringify(before.episodes) !== JSON.stringify(result.state.episodes) || result.deliver.length)
      changed();
    return view();
  };

  const evaluate = (): Promise<AlertsView> => {
    if (running) {
      isDirty = true;
      return running;
    }
    const run = (async () => {
      let last = await runOnce();
      while (isDirty) {
        isDirty = false;
        last = await runOnce();
      }
      return last;
    })();
    running = run.finally(() => (running = null));
    return running;
  };

  return {
    evaluate,
    view,
    async preview() {
      const { result, nowMs } = await compute();
      return alertsViewOf(result.state, { webhookProblem, evaluatedMs: nowMs });
    },
    async snooze(alertId, untilMs) {
      const next = (() => {
        try {
          return snoozeAlert(deps.store.state(), alertId, untilMs, deps.nowMs());
        } catch (err) {
          return asUserError(err);
        }
      })();
      await deps.store.saveState(next);
      changed();
      return view();
    },
    async acknowledge(alertId) {
      const next = (() => {
        try {
          return acknowledgeAlert(deps.store.state(), alertId);
        } catch (err) {
          return asUserError(err);
        }
      })();
      await deps.store.saveState(next);
      changed();
      return view();
    },
    async pause(untilMs) {
      let next;
      try {
        next = pauseNotifications(deps.store.state(), untilMs, deps.nowMs());
      } catch (err) {
        return asUserError(err);
      }
      await deps.store.saveState(next);
      changed();
      // Resuming may deliver what the pause held back.
      return untilMs === null ? evaluate() : view();
    },
    settings: () => deps.store.settings(),
    async updateSettings(patch) {
      const merged = {
        ...deps.store.settings(),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      const parsed = AlertSettingsSchema.safeParse(merged);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new ApiError(
          'invalid-argument',
          `Alert settings not saved: ${i ? `${i.path.join('.') || 'value'}: ${i.message}` : 'invalid'}.`,
        );
      }
      await deps.store.saveSettings(parsed.data);
      void evaluate().catch((err: Error) => deps.log?.(`alerts: ${err.message}`));
      return parsed.data;
    },
  };
}
