/**
 * The balance-and-forecast service: loads an org's ledger and stored spend, hands them to the pure
 * computation in core, and saves ledger edits. Also gives each sync snapshot its balance and forecast.
 */
import { ApiError } from '@core/api-contract';
import type { BillingConfig } from '@core/billing';
import { entryProblem } from '@core/ledger-entry-rules';
import { sameEntry } from '@core/ledger-dedupe';
import type { LedgerEntry, LedgerFile } from '@core/ledger-schema';
import {
  API_OBSERVATION_ID,
  type computeWhatIf,
  moneyViewSteps,
  whatIfSteps,
  type MoneyInputs,
  type MoneyOverrides,
} from '@core/money-compute';
import type { DrawsMemo, SpendDraws } from '@core/forecast/spend-draws';
import type { SpendWalk } from '@core/forecast/spend-walk';
import type { LedgerView, MoneyView } from '@core/money-view';
import { reconcileObservation, type Reconciliation } from '@core/ledger-reconcile';
import { reloadRuleProblem } from '@core/reload-rule-check';
import { snapshotForecastOf } from '@core/snapshot-forecast';
import { dailyTotals, hourlyShapes } from '@core/spend-history';
import { SPEND_HISTORY_DAYS, USAGE_KEEP_DAYS } from '@core/retention';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { observedPoints } from '@core/balance-log';
import { accountCurrency, PROVIDERS } from '@core/providers';
import { saneZone } from '@core/sane-values';
import type { Org } from '@core/schemas';
import type { OrgHistory } from './stores/history-store';
import type { LedgerStore } from './stores/ledger-store';
import type { SnapshotExtras } from './sync-snapshot';
import { discardBalanceReadings, type DiscardResult } from './balance-discard';
import { runSteps } from './run-steps';

export interface MoneyService {
  ledger(orgId: string): Promise<LedgerView>;
  addEntry(
    orgId: string,
    entry: LedgerEntry,
  ): Promise<{ ledger: LedgerView; reconciliation: Reconciliation | null }>;
  removeEntry(orgId: string, entryId: string): Promise<LedgerView>;
  updateBilling(orgId: string, billing: BillingConfig): Promise<LedgerView>;
  /**
   * The money view at `atMs` (default: now), so one answer reads every input at one instant. With
   * `keepPaths`, the forecast's spend paths are kept (one set per account) for what-ifs at that instant.
   */
  view(orgId: string, atMs?: number, opts?: { keepPaths?: boolean }): Promise<MoneyView>;
  /**
   * The forecast with a changed balance or billing rule at `atMs` (default: now). Over the spend paths
   * kept for that instant (see `view`) only the balance is walked again: the same result, sooner.
   */
  whatIf(orgId: string, overrides: MoneyOverrides, atMs?: number): Promise<ReturnType<typeof computeWhatIf>>;
  snapshotExtras(orgId: string, atMs: number): Promise<SnapshotExtras>;
  /** Org removed: its ledger is archived, never deleted. */
  forget(orgId: string): Promise<void>;
  /** Removes the balance readings of `[fromMs, toMs]` and the spend read from them. */
  discardReadings(orgId: string, fromMs: number, toMs: number): Promise<DiscardResult>;
}

export interface MoneyDeps {
  ledgers: LedgerStore;
  /** The org's hard spend limit read from the API: used for the forecast instead of a typed one (never saved). */
  apiHardLimitMicros?(orgId: string): number | null;
  history(orgId: string): Promise<OrgHistory>;
  nowMs(): number;
  /** The account (its provider and currency); null when it is no longer listed. */
  orgOf(orgId: string): Org | null;
}

/**
 * A ledger mutation that adds `entry` unless its id is there already: the very same entry again
 * changes nothing (a retried request); different contents under a used id are refused.
 */
function addOnce(entry: LedgerEntry, onAdded: () => void = () => {}) {
  return (l: LedgerFile): LedgerFile => {
    const existing = l.entries.find((e) => e.id === entry.id);
    if (!existing) {
      onAdded();
      return { ...l, entries: [...l.entries, entry] };
    }
    if (sameEntry(existing, entry)) return l;
    throw new ApiError('invalid-argument', `An entry with id ${entry.id} already exists.`);
  };
}

/** Creates the service. */
export function createMoneyService(deps: MoneyDeps): MoneyService {
  /** The account's provider, its currency, and the API's balance readings where the provider reports one. */
  const accountOf = async (orgId: string, history: OrgHistory) => {
    const org = deps.orgOf(orgId);
    if (!org)
      throw new ApiError('not-found', 'That organization is not configured (it may have been removed).');
    const provider = org.provider;
    const log = PROVIDERS[provider].source === 'balance' ? await history.balanceLog() : null;
    const currency = accountCurrency(org, log?.currency ?? null);
    return { provider, currency, log };
  };
  const inputsOf = async (orgId: string, nowMs: number): Promise<MoneyInputs> => {
    const history = await deps.history(orgId);
    const today = startOfUtcDay(nowMs);
    const backfillStart = history.sync().cursor.backfillStartMs;
    const historyStart =
      backfillStart === null ? null : Math.max(backfillStart, today - SPEND_HISTORY_DAYS * DAY_MS);
    const stored = await deps.ledgers.get(orgId);
    // A billing zone Intl does not know counts months in UTC rather than failing the whole view.
    const ledger = { ...stored, billing: { ...stored.billing, timeZone: saneZone(stored.billing.timeZone) } };
    const apiLimit = deps.apiHardLimitMicros?.(orgId) ?? null;
    const { provider, currency, log } = await accountOf(orgId, history);
    // Where the provider reports the balance, its readings are the observations (never saved as typed).
    const apiObservations = log
      ? observedPoints(log, today - SPEND_HISTORY_DAYS * DAY_MS).filter((p) => p.atMs <= nowMs)
      : [];
    return {
      orgId,
      nowMs,
      provider,
      currency,
      apiObservations,
      ledger:
        apiLimit === null ? ledger : { ...ledger, billing: { ...ledger.billing, hardLimitMicros: apiLimit } },
      costDays: await history.costDays({
        startMs: today - SPEND_HISTORY_DAYS * DAY_MS,
        endMs: today + DAY_MS,
      }),
      usage: await history.usage({ startMs: today - USAGE_KEEP_DAYS * DAY_MS, endMs: nowMs }),
      historyStartMs: historyStart,
    };
  };
  /** Average hourly spend over the last 7 settled days (0 without history). */
  const averageHourlyMicros = async (orgId: string): Promise<number> => {
    const today = startOfUtcDay(deps.nowMs());
    const history = await deps.history(orgId);
    const days = dailyTotals(await history.costDays({ startMs: today - 7 * DAY_MS, endMs: today }));
    return days.length ? days.reduce((sum, d) => sum + d.micros, 0) / (days.length * 24) : 0;
  };
  // Each account's latest kept spend paths (~0.5 MB for 2,000 paths over a month): a what-if at their
  // instant walks them again instead of drawing anew. Core checks that they fit before taking them.
  const keptPaths = new Map<string, SpendDraws>();
  // The walked paths of the account whose what-if is being typed (~12 MB): only the latest account's, and
  // only while its paths are the kept ones.
  let keptWalk: { orgId: string; walk: SpendWalk } | null = null;
  const pathsMemo = (orgId: string): DrawsMemo => ({
    get: () => keptPaths.get(orgId) ?? null,
    set(draws) {
      keptPaths.set(orgId, draws);
      if (keptWalk?.orgId === orgId && keptWalk.walk.draws !== draws) keptWalk = null;
    },
  });
  const whatIfMemo = (orgId: string): DrawsMemo => ({
    ...pathsMemo(orgId),
    walks: {
      get: () => (keptWalk?.orgId === orgId ? keptWalk.walk : null),
      set: (walk) => void (keptWalk = { orgId, walk }),
    },
  });
  const ledgerView = async (orgId: string): Promise<LedgerView> => {
    const ledger = await deps.ledgers.get(orgId);
    return { billing: ledger.billing, entries: [...ledger.entries].sort((a, b) => b.atMs - a.atMs) };
  };

  return {
    ledger: ledgerView,
    async addEntry(orgId, entry) {
      const nowMs = deps.nowMs();
      // Refused whole, before anything is read or written: nothing is half-saved.
      const problem = entryProblem(entry, nowMs);
      if (problem) throw new ApiError('invalid-argument', problem.message);
      if (entry.id.startsWith(API_OBSERVATION_ID))
        throw new ApiError(
          'invalid-argument',
          `Entry ids starting with '${API_OBSERVATION_ID}' are the API's readings.`,
        );
      if ((await deps.ledgers.get(orgId)).entries.some((e) => e.id === entry.id)) {
        // The same entry sent again (a retried request) is not added twice; checked inside the write queue.
        await deps.ledgers.update(orgId, addOnce(entry));
        return { ledger: await ledgerView(orgId), reconciliation: null };
      }
      let reconciliation: Reconciliation | null = null;
      if (entry.kind === 'observation') {
        const inputs = await inputsOf(orgId, nowMs);
        const hasBasis = inputs.ledger.entries.some((e) => e.atMs <= entry.atMs && e.kind !== 'card-charge');
        if (hasBasis) {
          reconciliation = reconcileObservation(
            inputs.ledger,
            dailyTotals(inputs.costDays),
            { atMs: entry.atMs, balanceMicros: entry.balanceMicros, id: entry.id },
            { hourlyShape: hourlyShapes(inputs.usage), currency: inputs.currency },
          );
        }
      }
      // The id check runs again inside the write queue: the same entry sent several times at once
      // is stored once (the first); the others see it there.
      let isNew = false;
      await deps.ledgers.update(
        orgId,
        addOnce(entry, () => (isNew = true)),
      );
      return { ledger: await ledgerView(orgId), reconciliation: isNew ? reconciliation : null };
    },
    async removeEntry(orgId, entryId) {
      const ledger = await deps.ledgers.get(orgId);
      if (!ledger.entries.some((e) => e.id === entryId)) {
        throw new ApiError(
          'not-found',
          'That ledger entry does not exist (it may have been removed already).',
        );
      }
      await deps.ledgers.update(orgId, (l) => ({ ...l, entries: l.entries.filter((e) => e.id !== entryId) }));
      return ledgerView(orgId);
    },
    async updateBilling(orgId, billing) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: billing.timeZone });
      } catch {
        throw new ApiError(
          'invalid-argument',
          `'${billing.timeZone}' is not a time zone (use an IANA name such as UTC).`,
        );
      }
      const { currency } = await accountOf(orgId, await deps.history(orgId));
      const problem = reloadRuleProblem(billing, await averageHourlyMicros(orgId), currency);
      if (problem) throw new ApiError('invalid-argument', problem);
      await deps.ledgers.update(orgId, (l) => ({ ...l, billing }));
      return ledgerView(orgId);
    },
    // In steps: the replay and the forecast's paths leave the event loop free between them.
    view: async (orgId, atMs, opts) =>
      runSteps(
        moneyViewSteps(
          await inputsOf(orgId, atMs ?? deps.nowMs()),
          opts?.keepPaths ? pathsMemo(orgId) : null,
        ),
      ),
    whatIf: async (orgId, overrides, atMs) =>
      runSteps(whatIfSteps(await inputsOf(orgId, atMs ?? deps.nowMs()), overrides, whatIfMemo(orgId))),
    async snapshotExtras(orgId, atMs) {
      const view = await runSteps(moneyViewSteps(await inputsOf(orgId, atMs)));
      return {
        balanceMicros: view.balance?.estimateMicros ?? null,
        forecast: view.forecast ? snapshotForecastOf(view.forecast) : null,
      };
    },
    forget: (orgId) => {
      keptPaths.delete(orgId);
      if (keptWalk?.orgId === orgId) keptWalk = null;
      return deps.ledgers.archive(orgId);
    },
    discardReadings: async (orgId, fromMs, toMs) =>
      discardBalanceReadings(await deps.history(orgId), fromMs, toMs, deps.nowMs()),
  };
}
