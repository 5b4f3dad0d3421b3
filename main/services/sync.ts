/**
 * The sync engine: keeps every organization's history current, one sync per org at a time, with backoff
 * after failures (Retry-After honoured), persisted status, snapshots and the dashboard model.
 */
import { ApiError } from '@core/api-contract';
import { buildDashboard } from '@core/build-dashboard';
import type { Dashboard } from '@core/dashboard';
import { INITIAL_SYNC_STATUS, type Org, type SyncStatus } from '@core/schemas';
import { classifySyncError, isAttemptDue, redactSecrets } from '@core/sync-errors';
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import { describeError, ClientSetupError } from './api-errors';
import { rememberProviderOrgId } from './duplicate-org';
import { accountCurrency, PROVIDERS } from '@core/providers';
import { backfillActivity } from './activity-backfill';
import { runBalanceSync } from './balance-sync-run';
import type { ProviderApi } from './providers/port';
import { runSync } from './sync-run';
import type { OrgHistory } from './stores/history-store';
import { createOrgHistories, type OrgHistories } from './stores/org-histories';
import type { SettingsStore } from './stores/settings-store';
import type { StoreProblem } from './stores/store-problem';
import type { WriteMeter } from './stores/write-meter';
import { snapshotOf, type SnapshotExtras } from './sync-snapshot';

export interface SyncEngine {
  /** Syncs one org; a call while one runs joins it; `force` ignores backoff ("sync now"). */
  syncOrg(orgId: string, opts?: { force?: boolean }): Promise<SyncStatus>;
  /** Syncs every org whose backoff allows (what the scheduler calls). */
  syncDue(): Promise<void>;
  status(orgId: string): SyncStatus;
  /** The dashboard at `atMs` (default: now), so one answer reads every input at one instant. */
  dashboard(orgId: string, atMs?: number): Promise<Dashboard>;
  /** Org removed: drops its history files and status. */
  forget(orgId: string): Promise<void>;
}

/** What the hosts, tests and benchmarks get beyond the SyncEngine port. */
export interface SyncEngineTools extends SyncEngine {
  /** Resolves once persisted statuses are loaded (status() returns the initial status before that). */
  ready(): Promise<void>;
  /** Store files that could not be read and were quarantined. */
  problems(): StoreProblem[];
  /** Bytes written by the stores (the disk-write budget). */
  readonly meter: WriteMeter;
  /** Cancels pending on-time retries (the host is closing). */
  stop(): void;
  /** The history of an org (benchmarks and the exporter read it). */
  history(orgId: string): Promise<OrgHistory>;
}

export interface SyncEngineDeps {
  dataDir: string;
  settings: SettingsStore;
  clientFor(org: Org): Promise<ProviderApi>;
  nowMs(): number;
  random?: () => number;
  onStatus?(orgId: string, s: SyncStatus): void;
  onData?(orgId: string): void;
  log?(line: string): void;
  /** Overrides settings.backfillDays. */
  backfillDays?: number;
  onProblem?(p: StoreProblem): void;
  /** Whether a key is stored (for the dashboard's org summary); default: true. */
  hasKey?(org: Org): Promise<boolean>;
  /**
   * Retry a failed org at the very time its message names (a timer), not at the first scheduled tick
   * after it — so "retrying at 14:05" is true. Hosts turn this on; tests with a fake clock leave it off.
   */
  retryOnTime?: boolean;
  /** How long a scheduled run waits for one org before moving on (default `ORG_WAIT_MS`). */
  orgWaitMs?: number;
  /** Balance and forecast for the snapshot a successful sync leaves (the ledger's view of the new data). */
  snapshotExtras?(orgId: string, atMs: number): Promise<SnapshotExtras>;
  /** The accounts' histories, shared with other readers (default: opened by the engine under `dataDir`). */
  histories?: OrgHistories;
}

/** A scheduled run waits at most this long for any one org (under the one-minute schedule floor). */
export const ORG_WAIT_MS = 45_000;

/** Resolves with `job`, or with nothing once `ms` have passed (the job keeps running). */
function settleWithin<T>(job: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref?.();
  });
  return Promise.race([job, limit]).finally(() => clearTimeout(timer));
}

/** Creates the engine; history folders live in `<dataDir>/history/<orgId>/`. */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngineTools {
  const random = deps.random ?? Math.random;
  const log = (line: string) => deps.log?.(redactSecrets(line));
  // The forecast is extra: a failure there must never fail the sync or lose its data.
  const snapshotExtrasOf = async (orgId: string, atMs: number): Promise<SnapshotExtras | undefined> => {
    try {
      return await deps.snapshotExtras?.(orgId, atMs);
    } catch (err) {
      log(`forecast for snapshot ${orgId}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const histories =
    deps.histories ?? createOrgHistories(deps.dataDir, { nowMs: deps.nowMs, onProblem: deps.onProblem });
  const statuses = new Map<string, SyncStatus>();
  const running = new Map<string, Promise<SyncStatus>>();
  const compactedDay = new Map<string, number>();
  const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const planRetry = (orgId: string, s: SyncStatus) => {
    clearTimeout(retryTimers.get(orgId));
    retryTimers.delete(orgId);
    const at = s.lastError?.retryAtMs ?? null;
    if (!deps.retryOnTime || s.state !== 'error' || at === null) return;
    const timer = setTimeout(
      () => {
        retryTimers.delete(orgId);
        void engine.syncOrg(orgId).catch((err: Error) => log(`retry ${orgId}: ${err.message}`));
      },
      Math.max(0, at - deps.nowMs()),
    );
    timer.unref?.();
    retryTimers.set(orgId, timer);
  };

  const findOrg = (orgId: string): Org => {
    const org = deps.settings.get().orgs.find((o) => o.id === orgId);
    if (!org) throw new ApiError('not-found', `No organization with id ${orgId}.`);
    return org;
  };
  const historyOf = (orgId: string): Promise<OrgHistory> => {
    const h = histories.of(orgId);
    h.then((opened) => {
      if (!statuses.has(orgId)) statuses.set(orgId, opened.sync().status);
    }).catch(() => undefined);
    return h;
  };
  const setStatus = (orgId: string, s: SyncStatus) => {
    statuses.set(orgId, s);
    deps.onStatus?.(orgId, s);
  };
  const loading = Promise.allSettled(deps.settings.get().orgs.map((o) => historyOf(o.id))).then(
    () => undefined,
  );

  const attempt = async (org: Org): Promise<SyncStatus> => {
    const history = await historyOf(org.id);
    const { status: before, cursor } = history.sync();
    const startedMs = deps.nowMs();
    setStatus(org.id, { ...before, state: 'syncing', lastAttemptMs: startedMs });
    let api: ProviderApi | null = null;
    let after: SyncStatus;
    let nextCursor = cursor;
    try {
      api = await deps.clientFor(org).catch((err: Error) => {
        throw new ClientSetupError(err.message);
      });
      const backfillDays = deps.backfillDays ?? deps.settings.get().backfillDays;
      let result =
        api.source === 'costs'
          ? await runSync({ api, history, cursor, nowMs: startedMs, backfillDays })
          : await runBalanceSync({
              api,
              history,
              cursor,
              nowMs: startedMs,
              currency: org.currency ?? PROVIDERS[org.provider].currency,
            });
      if (api.source === 'balance') {
        const filled = await backfillActivity({ api, history, cursor: result.cursor, nowMs: startedMs, log });
        result = { ...result, cursor: filled.cursor, calls: result.calls + filled.calls };
      }
      nextCursor = result.cursor;
      after = {
        state: 'ok',
        lastAttemptMs: startedMs,
        lastSuccessMs: startedMs,
        failures: 0,
        lastError: null,
      };
      log(`sync ${org.id}: ok (${result.calls} calls, ${deps.nowMs() - startedMs} ms)`);
      await rememberProviderOrgId(deps.settings, org.id, api.organizationId?.() ?? null).catch((err: Error) =>
        log(`organization id of ${org.id}: ${err.message}`),
      );
    } catch (err) {
      const failures = before.failures + 1;
      const timeZone = deps.settings.get().timeZone;
      const lastError = classifySyncError(describeError(err, api?.keyKind ?? null, org.provider), {
        nowMs: startedMs,
        failures,
        random,
        timeZone,
      });
      after = {
        state: 'error',
        lastAttemptMs: startedMs,
        lastSuccessMs: before.lastSuccessMs,
        failures,
        lastError,
      };
      log(`sync ${org.id}: ${lastError.kind}: ${lastError.message}`);
    }
    try {
      await history.saveSync(after, nextCursor);
      const extras = after.state === 'ok' ? await snapshotExtrasOf(org.id, startedMs) : undefined;
      await history.addSnapshot(await snapshotOf(history, after, startedMs, extras));
      const day = startOfUtcDay(startedMs);
      if (compactedDay.get(org.id) !== day) {
        compactedDay.set(org.id, day);
        await history.compact(startedMs);
      }
    } finally {
      // Even if the disk fails here, nobody should see "syncing" forever.
      setStatus(org.id, after);
    }
    planRetry(org.id, after);
    if (after.state === 'ok') deps.onData?.(org.id);
    return after;
  };

  const engine: SyncEngineTools = {
    meter: histories.meter,
    stop() {
      for (const timer of retryTimers.values()) clearTimeout(timer);
      retryTimers.clear();
    },
    ready: () => loading,
    problems: () => histories.problems(),
    history: (orgId) => historyOf(orgId),
    status: (orgId) => statuses.get(orgId) ?? INITIAL_SYNC_STATUS,

    async syncOrg(orgId, opts = {}) {
      const inFlight = running.get(orgId);
      if (inFlight) return inFlight;
      const org = findOrg(orgId);
      const job = (async () => {
        await loading;
        const current = (await historyOf(orgId)).sync().status;
        if (!opts.force && !isAttemptDue(current, deps.nowMs())) return current;
        return attempt(org);
      })();
      running.set(orgId, job);
      try {
        return await job;
      } finally {
        running.delete(orgId);
      }
    },

    async syncDue() {
      await loading;
      const orgs = deps.settings.get().orgs;
      // Each org on its own: the scheduler's next tick waits for no org longer than its own time
      // limit, so one hanging org never stalls the others (it stays in flight, joined, not restarted).
      const waitMs = deps.orgWaitMs ?? ORG_WAIT_MS;
      const results = await Promise.allSettled(orgs.map((o) => settleWithin(engine.syncOrg(o.id), waitMs)));
      for (const r of results)
        if (r.status === 'rejected') log(`sync failed: ${(r.reason as Error).message}`);
    },

    async dashboard(orgId, atMs) {
      const org = findOrg(orgId);
      const history = await historyOf(orgId);
      const nowMs = atMs ?? deps.nowMs();
      const todayMs = startOfUtcDay(nowMs);
      const from = Math.min(startOfUtcMonth(nowMs), todayMs - 29 * DAY_MS);
      const costDays = await history.costDays({ startMs: from, endMs: todayMs + DAY_MS });
      const { status, cursor } = history.sync();
      const usage =
        cursor.usageFinalThroughMs === null
          ? null
          : await history.usage({ startMs: todayMs, endMs: todayMs + DAY_MS });
      const hasKey = deps.hasKey ? await deps.hasKey(org) : true;
      const balanceLog =
        PROVIDERS[org.provider].source === 'balance' ? await history.balanceLog() : undefined;
      return buildDashboard({
        currency: accountCurrency(org, balanceLog?.currency ?? null),
        ...(balanceLog === undefined ? {} : { balanceTrackedSinceMs: balanceLog?.first?.atMs ?? null }),
        ...(balanceLog?.first &&
        cursor.backfillStartMs !== null &&
        cursor.backfillStartMs < startOfUtcDay(balanceLog.first.atMs)
          ? { balanceHistoryFromMs: cursor.backfillStartMs }
          : {}),
        org: { ...org, hasKey },
        nowMs,
        costDays,
        usage,
        projects: history.projects(),
        sync: statuses.get(orgId) ?? status,
        keylessBeforeMs: cursor.keylessBeforeMs ?? null,
      });
    },

    async forget(orgId) {
      clearTimeout(retryTimers.get(orgId));
      retryTimers.delete(orgId);
      await running.get(orgId)?.catch(() => undefined);
      const history = await historyOf(orgId);
      histories.drop(orgId);
      statuses.delete(orgId);
      compactedDay.delete(orgId);
      await history.remove();
    },
  };
  return engine;
}
