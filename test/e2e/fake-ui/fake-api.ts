/**
 * An in-memory `CreditwatchApi` for the browser UI harness only (the page runs it with no host, so a test can
 * make the next call fail or emit an event at will): deterministic orgs and dashboards. Its wording is not
 * the app's; unit tests use the real handlers instead (test/support/real-api.ts).
 */
import {
  ApiError,
  parseArgs,
  type CreditwatchApi,
  type EventChannel,
  type EventPayloads,
  type RequestArgs,
  type RequestChannel,
  type RequestResults,
} from '@core/api-contract';
import type { Dashboard, DailyProjectSpend } from '@core/dashboard';
import { createRandom } from '@core/random';
import {
  DEFAULT_BACKFILL_DAYS,
  DEFAULT_SYNC_CRON,
  INITIAL_SYNC_STATUS,
  type OrgSummary,
  type Settings,
  type SyncError,
  type SyncStatus,
} from '@core/schemas';
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import { entryProblem } from '@core/ledger-entry-rules';
import type { LedgerFile } from '@core/ledger-schema';
import { computeMoneyView, computeWhatIf, type MoneyInputs } from '@core/money-compute';
import { reconcileObservation } from '@core/ledger-reconcile';
import { accountCurrency, PROVIDERS, wrongProviderKeyProblem, type ProviderId } from '@core/provider-info';
import { dailyTotals } from '@core/spend-history';
import { buildAccountAnswer } from '@core/answer/build-answer';
import { wrongOrgFlagsOf } from '@core/answer/wrong-org-flags';
import { AlertSettingsSchema, defaultAlertSettings } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import { alertsViewOf } from '@core/alerts/alerts-view';
import { acknowledgeAlert } from '@core/alerts/acknowledge';
import { AlertRequestError, pauseNotifications, snoozeAlert } from '@core/alerts/snooze';

export const FAKE_PROJECT_KEY_MESSAGE =
  'This is a project key. Creditwatch needs an Admin key (sk-admin-…) to read costs: create one under Settings → Organization → Admin keys.';

export interface FakeApi extends CreditwatchApi {
  readonly calls: Array<{ channel: RequestChannel; args: unknown }>;
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /** The next `sync:now` of any org ends in this error (and the status is emitted). */
  failNextSync(error: Omit<SyncError, 'atMs'>): void;
  listenerCount(): number;
  /** The next call on `channel` throws this error (as a transport would deliver a server error). */
  failNext(channel: RequestChannel, error: Error): void;
  /** Puts an entry in a ledger with no check at all, as a hand-edited file from an older version could. */
  injectUnchecked(orgId: string, entry: unknown): void;
}

export interface FakeApiOptions {
  nowMs: number;
  withDemoOrg?: boolean;
  seed?: number;
}

/** Creates the fake; `withDemoOrg` starts with one synced demo org instead of none. */
export function createFakeApi(options: FakeApiOptions): FakeApi {
  const { nowMs } = options;
  const seed = options.seed ?? 7;
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: FakeApi['calls'] = [];
  const orgs: OrgSummary[] = [];
  const dashboards = new Map<string, Dashboard>();
  let alertState = emptyAlertState();
  let alertSettings = defaultAlertSettings();
  const asUserError = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof AlertRequestError) throw new ApiError('invalid-argument', err.message);
      throw err;
    }
  };
  let settings: Settings = {
    version: 2,
    syncCron: DEFAULT_SYNC_CRON,
    backfillDays: DEFAULT_BACKFILL_DAYS,
    orgs: [],
    selectedOrgId: null,
    timeZone: 'UTC',
    conversionRates: [],
  };
  let pendingFailure: Omit<SyncError, 'atMs'> | null = null;
  const failures = new Map<RequestChannel, Error>();
  const ledgers = new Map<string, LedgerFile>();
  /** Each ledger as it was before a change, newest first (what the real store keeps as backups). */
  const backups: Array<{ orgId: string; name: string; atMs: number; ledger: LedgerFile }> = [];

  // The real pure computation over the sample dashboard's daily costs, so figures are as the app makes them.
  function moneyInputs(orgId: string): MoneyInputs {
    const daily = dashboardOf(orgId).daily;
    return {
      orgId,
      nowMs,
      ledger: ledgerOf(orgId),
      costDays: daily.map((d) => ({
        dayStartMs: d.dayStartMs,
        rows: d.byProject.map((p) => ({ projectId: p.projectId, lineItem: null, micros: p.micros })),
      })),
      usage: [],
      historyStartMs: daily[0]?.dayStartMs ?? null,
      provider: orgs.find((o) => o.id === orgId)?.provider ?? 'openai',
    };
  }
  function ledgerOf(orgId: string): LedgerFile {
    dashboardOf(orgId);
    return (
      ledgers.get(orgId) ?? {
        version: 1,
        billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
        entries: [],
      }
    );
  }
  function ledgerView(orgId: string) {
    const l = ledgerOf(orgId);
    return { billing: l.billing, entries: [...l.entries].sort((a, b) => b.atMs - a.atMs) };
  }
  function changeLedger(orgId: string, change: (l: LedgerFile) => LedgerFile) {
    const before = ledgerOf(orgId);
    const stamp = new Date(nowMs + backups.length * 1000).toISOString().replace(/[:.]/g, '-');
    backups.unshift({ orgId, name: `ledger-${orgId}.${stamp}.json`, atMs: nowMs, ledger: before });
    ledgers.set(orgId, change(before));
    emit('data:changed', { orgId });
    return ledgerView(orgId);
  }

  function emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayloads[E]) => void)(payload);
  }

  function addOrg(name: string, kind: 'live' | 'demo', provider: ProviderId = 'openai'): OrgSummary {
    const org: OrgSummary = {
      id: `org_fake${String(orgs.length + 1).padStart(6, '0')}`,
      name,
      kind,
      provider,
      baseUrl: null,
      createdAtMs: nowMs,
      hasKey: true,
    };
    orgs.push(org);
    dashboards.set(org.id, createSampleDashboard(org, nowMs, seed + orgs.length));
    settings = { ...settings, selectedOrgId: org.id };
    emit('orgs:changed', {});
    return org;
  }

  /** The account's answer, built by core exactly as the app builds it. */
  function answerOf(orgId: string) {
    return buildAccountAnswer({
      nowMs,
      timeZone: settings.timeZone ?? 'UTC',
      isDemo: false,
      money: computeMoneyView(moneyInputs(orgId)),
      dashboard: dashboardOf(orgId),
      apiSpendLimit: null,
      wrongOrgFlags: wrongOrgFlagsOf(orgs.map((o) => dashboardOf(o.id))),
    });
  }

  function dashboardOf(orgId: string): Dashboard {
    const dashboard = dashboards.get(orgId);
    if (!dashboard) throw new ApiError('not-found', `No organization ${orgId}.`);
    return dashboard;
  }

  const handlers: { [K in RequestChannel]: (args: RequestArgs<K>) => RequestResults[K] } = {
    'app:info': () => ({
      version: '0.0.0-fake',
      transport: 'http',
      dataDir: '/fake',
      nowMs,
      isClockPinned: true,
    }),
    'app:problems': () => ({ problems: [] }),
    'ledger:get': ({ orgId }) => ledgerView(orgId),
    'ledger:addEntry': ({ orgId, entry }) => {
      const parsed = parseArgs('ledger:addEntry', { orgId, entry }).entry;
      const problem = entryProblem(parsed, nowMs);
      if (problem) throw new ApiError('invalid-argument', problem.message);
      const before = ledgerOf(orgId);
      if (before.entries.some((e) => e.id === parsed.id)) {
        throw new ApiError('invalid-argument', `An entry with id ${parsed.id} already exists.`);
      }
      const hasBasis = before.entries.some((e) => e.atMs <= parsed.atMs && e.kind !== 'card-charge');
      const reconciliation =
        parsed.kind === 'observation' && hasBasis
          ? reconcileObservation(before, dailyTotals(moneyInputs(orgId).costDays), parsed)
          : null;
      const ledger = changeLedger(orgId, (l) => ({ ...l, entries: [...l.entries, parsed] }));
      return { ledger, reconciliation };
    },
    'ledger:removeEntry': ({ orgId, entryId }) => {
      if (!ledgerOf(orgId).entries.some((e) => e.id === entryId)) {
        throw new ApiError(
          'not-found',
          'That ledger entry does not exist (it may have been removed already).',
        );
      }
      return changeLedger(orgId, (l) => ({ ...l, entries: l.entries.filter((e) => e.id !== entryId) }));
    },
    'ledger:updateBilling': ({ orgId, billing }) => {
      const parsed = parseArgs('ledger:updateBilling', { orgId, billing }).billing;
      return changeLedger(orgId, (l) => ({ ...l, billing: parsed }));
    },
    'ledger:backups': ({ orgId }) => ({
      backups: backups
        .filter((b) => b.orgId === orgId)
        .map((b) => ({ name: b.name, atMs: b.atMs, entries: b.ledger.entries.length })),
    }),
    'ledger:restoreBackup': ({ orgId, name }) => {
      const found = backups.find((b) => b.orgId === orgId && b.name === name);
      if (!found) throw new ApiError('rejected', `There is no backup named ${name}.`);
      return changeLedger(orgId, () => found.ledger);
    },
    'money:get': ({ orgId }) => computeMoneyView(moneyInputs(orgId)),
    'answer:get': ({ orgId }) => answerOf(orgId),
    'answer:list': () => ({ answers: orgs.map((o) => answerOf(o.id)) }),
    'balance:discardReadings': () => ({ removedReadings: 0, removedSpendMicros: 0 }),
    'money:whatIf': ({ orgId, balanceMicros, billing }) =>
      computeWhatIf(moneyInputs(orgId), {
        balanceMicros,
        billing: billing && parseArgs('ledger:updateBilling', { orgId, billing }).billing,
      }),
    'orgs:list': () => ({ orgs: [...orgs], selectedOrgId: settings.selectedOrgId }),
    // Files need a real data folder: the sample page says so (exports are tested against `creditwatch serve`).
    'export:save': () => {
      throw new ApiError('rejected', 'Exports need a running Creditwatch: start it with creditwatch serve.');
    },
    'backup:save': () => {
      throw new ApiError('rejected', 'Backups need a running Creditwatch: start it with creditwatch serve.');
    },
    'backup:restore': () => {
      throw new ApiError('rejected', 'Restores need a running Creditwatch: start it with creditwatch serve.');
    },
    'orgs:add': (args) => {
      const provider = args.provider ?? 'openai';
      // The host refuses another provider's key before calling anyone; so does the fake.
      const wrong = wrongProviderKeyProblem(provider, args.apiKey);
      if (wrong) throw new ApiError('invalid-argument', wrong);
      if (args.apiKey.startsWith('sk-proj-')) throw new ApiError('rejected', FAKE_PROJECT_KEY_MESSAGE);
      return addOrg(args.name.trim(), 'live', provider);
    },
    'orgs:startDemo': () => addOrg('Demo organization', 'demo'),
    'orgs:remove': ({ orgId }) => {
      dashboardOf(orgId);
      orgs.splice(
        orgs.findIndex((o) => o.id === orgId),
        1,
      );
      emit('orgs:changed', {});
      return { removed: true };
    },
    'orgs:confirmAddress': ({ orgId }) => {
      dashboardOf(orgId);
      const i = orgs.findIndex((o) => o.id === orgId);
      const { addressToConfirm: _held, ...confirmed } = orgs[i]!;
      orgs[i] = confirmed;
      emit('orgs:changed', {});
      return confirmed;
    },
    'orgs:select': ({ orgId }) => {
      dashboardOf(orgId);
      settings = { ...settings, selectedOrgId: orgId };
      return { selectedOrgId: orgId };
    },
    'dashboard:get': ({ orgId }) => dashboardOf(orgId),
    'sync:now': ({ orgId }) => {
      const dashboard = dashboardOf(orgId);
      const status: SyncStatus = pendingFailure
        ? {
            state: 'error',
            lastAttemptMs: nowMs,
            lastSuccessMs: dashboard.sync.lastSuccessMs,
            failures: dashboard.sync.failures + 1,
            lastError: { ...pendingFailure, atMs: nowMs },
          }
        : { state: 'ok', lastAttemptMs: nowMs, lastSuccessMs: nowMs, failures: 0, lastError: null };
      pendingFailure = null;
      dashboards.set(orgId, { ...dashboard, sync: status });
      emit('sync:status', { orgId, status });
      return status;
    },
    'settings:get': () => settings,
    'settings:update': (args) => {
      if (args.syncCron !== undefined && args.syncCron.trim().split(/\s+/).length !== 5) {
        throw new ApiError(
          'invalid-argument',
          `syncCron: "${args.syncCron}" is not a cron expression (five fields).`,
        );
      }
      settings = {
        ...settings,
        ...args,
        timeZone: args.timeZone === undefined ? settings.timeZone : args.timeZone,
        conversionRates: (args.conversionRates ?? settings.conversionRates).map((r) => ({
          ...r,
          setAtMs: 0,
        })),
      };
      return settings;
    },
    // Alerts: the real pure state changes over an in-memory state (no rules run in the fake).
    'alerts:get': () => alertsViewOf(alertState, { webhookProblem: null, evaluatedMs: nowMs }),
    'alerts:snooze': ({ alertId, untilMs }) => {
      alertState = asUserError(() => snoozeAlert(alertState, alertId, untilMs, nowMs));
      return alertsViewOf(alertState, { webhookProblem: null, evaluatedMs: nowMs });
    },
    'alerts:acknowledge': ({ alertId }) => {
      alertState = asUserError(() => acknowledgeAlert(alertState, alertId));
      return alertsViewOf(alertState, { webhookProblem: null, evaluatedMs: nowMs });
    },
    'alerts:pause': ({ untilMs }) => {
      alertState = asUserError(() => pauseNotifications(alertState, untilMs, nowMs));
      return alertsViewOf(alertState, { webhookProblem: null, evaluatedMs: nowMs });
    },
    'alerts:getSettings': () => alertSettings,
    'limits:get': ({ orgId }) => {
      dashboardOf(orgId);
      return { org: null, projects: [], asOfMs: null, problem: null };
    },
    'alerts:updateSettings': (patch) => {
      const parsed = AlertSettingsSchema.safeParse({ ...alertSettings, ...patch });
      if (!parsed.success)
        throw new ApiError('invalid-argument', parsed.error.issues[0]?.message ?? 'invalid');
      alertSettings = parsed.data;
      return alertSettings;
    },
  };

  if (options.withDemoOrg) addOrg('Demo organization', 'demo');

  return {
    calls,
    emit,
    failNextSync(error) {
      pendingFailure = error;
    },
    failNext(channel, error) {
      failures.set(channel, error);
    },
    injectUnchecked(orgId, entry) {
      const ledger = ledgerOf(orgId);
      ledgers.set(orgId, { ...ledger, entries: [...ledger.entries, entry as LedgerFile['entries'][number]] });
      emit('data:changed', { orgId });
    },
    listenerCount() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
    async invoke<K extends RequestChannel>(channel: K, args: RequestArgs<K>): Promise<RequestResults[K]> {
      calls.push({ channel, args });
      const failure = failures.get(channel);
      if (failure) {
        failures.delete(channel);
        throw failure;
      }
      const parsed = parseArgs(channel, args); // the same zod messages as the real transports
      return structuredClone(handlers[channel](parsed as RequestArgs<K>));
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

const SAMPLE_PROJECTS = [
  { id: 'proj_chatbot', name: 'Support chatbot' },
  { id: 'proj_search', name: 'Semantic search' },
  { id: 'proj_batch', name: 'Nightly batch' },
];

/** A synced 30-day dashboard with three named projects and some unattributed spend, from a seed. */
export function createSampleDashboard(org: OrgSummary, nowMs: number, seed: number): Dashboard {
  const random = createRandom(seed);
  const todayStart = startOfUtcDay(nowMs);
  const monthStart = startOfUtcMonth(nowMs);
  const daily: DailyProjectSpend[] = [];
  for (let i = 29; i >= 0; i--) {
    const dayStartMs = todayStart - i * DAY_MS;
    const weekday = new Date(dayStartMs).getUTCDay();
    const level = weekday === 0 || weekday === 6 ? 0.4 : 1;
    const partial = i === 0 ? (nowMs - todayStart) / DAY_MS : 1;
    const byProject = [...SAMPLE_PROJECTS.map((p) => p.id), null].map((projectId, k) => ({
      projectId,
      micros: Math.round((40 - k * 9) * level * partial * (0.5 + random()) * 1_000_000),
    }));
    daily.push({ dayStartMs, byProject, totalMicros: byProject.reduce((a, p) => a + p.micros, 0) });
  }
  const today = daily[daily.length - 1]!;
  const settledMicros = daily
    .filter((d) => d.dayStartMs >= monthStart && d.dayStartMs < todayStart)
    .reduce((a, d) => a + d.totalMicros, 0);
  const syncedAt = nowMs - 2 * 60_000;
  return {
    org,
    asOfMs: syncedAt,
    monthToDate: {
      monthStartMs: monthStart,
      settledMicros,
      provisionalMicros: today.totalMicros,
      totalMicros: settledMicros + today.totalMicros,
    },
    today: { dayStartMs: todayStart, costMicros: today.totalMicros, requests: 1234 },
    daily,
    projects: SAMPLE_PROJECTS,
    sync: { ...INITIAL_SYNC_STATUS, state: 'ok', lastAttemptMs: syncedAt, lastSuccessMs: syncedAt },
    currency: accountCurrency(org),
    spendSource:
      PROVIDERS[org.provider].source === 'balance'
        ? { kind: 'balance', sinceMs: syncedAt - DAY_MS }
        : { kind: 'costs' },
  };
}
