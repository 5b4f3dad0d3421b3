/**
 * The alert evaluator: runs every enabled rule for every org and turns conditions into episodes. An
 * episode starts when a condition appears, is delivered once (now, or when snooze / pause / quiet hours
 * end if it still holds), and ends — re-arming the rule — when the condition clears past its hysteresis.
 *
 * Example: balance $9 (< $10) → episode starts, one notification; next sync $9.50 → nothing new;
 * $10.50 → still active (clears only above $11); $12 → cleared; $9 again → a new notification.
 */
import type { OrgAlertFacts } from './alert-facts';
import { resolveOrgRules, type AlertSettings } from './alert-settings';
import { alertId, ALERT_KINDS, type Alert } from './alert-types';
import { HISTORY_LIMIT, type AlertState, type HistoryEntry } from './alert-state';
import { isQuietAt } from './quiet-hours';
import { heldAcknowledgements } from './acknowledge';
import { ALERT_RULES } from './rules/index';

export interface EvaluateInput {
  facts: readonly OrgAlertFacts[];
  settings: AlertSettings;
  state: AlertState;
  nowMs: number;
  /** The app's display zone, used for quiet hours when the alert settings name none. */
  displayZone: string;
  /** Orgs whose facts could not be gathered this time: their episodes are left as they are. */
  skippedOrgIds?: readonly string[];
}

export interface EvaluateResult {
  state: AlertState;
  /** Alerts to deliver now (notifications, webhook): each once per episode. */
  deliver: Alert[];
  /** Every running episode's alert (the banner, the tray, `status --check`). */
  active: Alert[];
}

/** Evaluates all rules; pure (the caller persists `state` and delivers `deliver`). */
export function evaluateAlerts(input: EvaluateInput): EvaluateResult {
  const { nowMs, settings } = input;
  const episodes = { ...input.state.episodes };
  const history: HistoryEntry[] = [];
  const log = (event: HistoryEntry['event'], a: Alert, note: string | null = null) =>
    history.push({
      atMs: nowMs,
      event,
      alertId: a.id,
      kind: a.kind,
      orgId: a.orgId,
      title: a.title,
      body: a.body,
      note,
    });
  const orgIds = new Set([...input.facts.map((f) => f.orgId), ...(input.skippedOrgIds ?? [])]);

  for (const f of input.facts) {
    const rules = resolveOrgRules(settings, f.orgId, f.currency);
    for (const kind of ALERT_KINDS) {
      const id = alertId(kind, f.orgId);
      const running = episodes[id];
      const condition = rules.disabled.includes(kind)
        ? null
        : ALERT_RULES[kind](f, rules, running !== undefined);
      const isSameEpisode =
        running !== undefined && condition !== null && running.alert.episode === condition.episode;
      if (running && !isSameEpisode) {
        log('cleared', running.alert);
        delete episodes[id];
      }
      if (!condition) continue;
      const base = { ...condition, id, orgId: f.orgId, orgName: f.orgName };
      if (isSameEpisode && running) {
        const changed = running.alert.title !== base.title || running.alert.body !== base.body;
        episodes[id] = {
          ...running,
          alert: { ...running.alert, ...base, updatedMs: changed ? nowMs : running.alert.updatedMs },
        };
      } else {
        const alert: Alert = { ...base, startedMs: nowMs, updatedMs: nowMs };
        episodes[id] = { alert, notifiedMs: null };
        log('started', alert);
      }
    }
  }
  // Orgs that were removed take their episodes with them.
  for (const [id, ep] of Object.entries(episodes)) if (!orgIds.has(ep.alert.orgId)) delete episodes[id];

  const snoozes = Object.fromEntries(
    Object.entries(input.state.snoozes).filter(([id, until]) => until > nowMs && episodes[id]),
  );
  const pausedUntilMs =
    input.state.pausedUntilMs !== null && input.state.pausedUntilMs > nowMs
      ? input.state.pausedUntilMs
      : null;
  const zone = settings.timeZone ?? input.displayZone;
  const isQuiet = isQuietAt(nowMs, settings.quietHours, zone);
  const deliver: Alert[] = [];
  for (const [id, ep] of Object.entries(episodes)) {
    if (ep.notifiedMs !== null) continue;
    const heldBy = snoozes[id]
      ? 'snoozed'
      : pausedUntilMs
        ? 'notifications paused'
        : isQuiet
          ? 'quiet hours'
          : null;
    if (heldBy) {
      const startedNow = history.find((h) => h.alertId === id && h.event === 'started');
      if (startedNow) startedNow.note = `${heldBy}: it will be notified later if it still holds`;
      continue;
    }
    episodes[id] = { ...ep, notifiedMs: nowMs };
    deliver.push(ep.alert);
    log('notified', ep.alert);
  }

  return {
    state: {
      ...input.state,
      episodes,
      snoozes,
      pausedUntilMs,
      acknowledged: heldAcknowledgements(input.state.acknowledged, episodes),
      history: [...input.state.history, ...history].slice(-HISTORY_LIMIT),
    },
    deliver,
    active: Object.values(episodes).map((e) => e.alert),
  };
}
