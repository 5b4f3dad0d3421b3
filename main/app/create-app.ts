/**
 * The application both hosts run: settings, key storage, sync engine, scheduler and the handler
 * object, wired together. Hosts pass in what differs (key storage, transport, data folder).
 *
 * `createApp` reads as the list of what the app is, one named step each; each step takes what the
 * steps before it made, so the order of the list is the order of the wiring.
 */
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@core/api-contract';
import type { Org } from '@core/schemas';
import type { Clock } from '@core/time';
import { displayZone, systemTimeZone } from '@core/time-zone';
import { PROVIDERS, providerOfKey, type ProviderId } from '@core/providers';
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import { effectiveHardLimit } from '@core/spend-limits';
import type { AlertDispatcher } from '../services/alert-dispatcher';
import { createAnswerService, type AnswerService } from '../services/answers';
import type { AlertSettingsPort } from '../services/backup';
import { SYSTEM_CLOCK } from '../services/clock';
import { ensureEnvOrg } from '../services/env-org';
import type { GuardedSecrets } from '../services/guarded-secrets';
import { createLedgerBackups } from '../services/ledger-backups';
import { createMoneyService, type MoneyService } from '../services/money';
import { checkEnvBaseUrl, createOrgClients, type OrgClients } from '../services/org-clients';
import { createProviderApi, verifyProviderKey } from '../services/providers/create-provider-api';
import { finishInterruptedRestore } from '../services/restore-recovery';
import { createScheduler, validateCron, type Scheduler } from '../services/scheduler';
import type { SecretStore } from '../services/secrets';
import { spendLimitSources } from '../services/spend-limit-sources';
import { createSpendLimitSync, type SpendLimitSync } from '../services/spend-limit-sync';
import { createLedgerStore, type LedgerStore } from '../services/stores/ledger-store';
import { removeLeftoverTempFiles } from '../services/stores/leftover-files';
import { createOrgHistories, type OrgHistories } from '../services/stores/org-histories';
import { openSettingsStore, type SettingsStore } from '../services/stores/settings-store';
import { createProblemList, type ProblemList } from '../services/stores/store-problem';
import { createSyncEngine, type SyncEngine, type SyncEngineTools } from '../services/sync';
import { createAppFiles, LINK_DELIVERY, type AppFiles, type FileDeliveryPort } from './app-files';
import { createDemoBackend, type DemoBackend } from './demo-backend';
import { demoProfileOf, ensureDemoOrgs, type DemoOrgDeps } from './demo-orgs';
import { warmUpBalanceDemo } from './demo-warm-up';
import { createEventBus, type EventBus } from './event-bus';
import { guardAppSecrets } from './guard-app-secrets';
import { createHandlers, type HandlerParts } from './handlers';
import type { KeyStateDeps } from './org-lookup';
import { assertPinnedClockAllowed } from './pinned-clock';
import { wireAlerts } from './wire-alerts';

export { ENV_ORG_ID };

export interface AppOptions {
  dataDir: string;
  version: string;
  transport: 'ipc' | 'http';
  secrets: SecretStore;
  /** An Admin key from the environment: monitored as its own org, never written to disk. */
  envAdminKey?: string | null;
  /**
   * The OpenAI API address given with that key in the environment (OPENAI_BASE_URL); absent = OpenAI's
   * own. The environment key goes nowhere else, whatever the stored organization says.
   */
  envBaseUrl?: string | null;
  /** Fault rules for the demo simulator (tests and demos of error handling). */
  demoFaults?: string | null;
  /**
   * Ensure the demo accounts exist and the company demo is selected. Without it nothing is added: an empty
   * folder stays empty (the page offers the add-account form and the demo).
   */
  demo?: boolean;
  /**
   * Another process holds the data folder: add no organization (environment key, demo) on opening. The
   * caller also leaves syncing and saving to that process.
   */
  readOnly?: boolean;
  log?: (line: string) => void;
  /**
   * Where "now" comes from for everything in the app, the demo simulator included. Default: the real clock.
   * A clock set to another instant (`serve --now`) is for demos and tests only: see `assertPinnedClockAllowed`.
   */
  clock?: Clock;
  /** How files reach the user (default: download links, for the Node host); the desktop app shows a save dialog. */
  delivery?: (files: AppFiles) => FileDeliveryPort;
}

export interface App {
  handlers: Handlers;
  bus: EventBus;
  settings: SettingsStore;
  sync: SyncEngine;
  alerts: AlertDispatcher;
  /** Exports, backups and restores (the Node host's download routes read these). */
  files: AppFiles;
  /** The app's clock (the tray and notifications read it, never the machine's directly). */
  clock: Clock;
  /** Starts the poll schedule and an immediate first sync. */
  start(): void;
  close(): Promise<void>;
}

/** Opens the stores and wires the services; nothing polls until `start()`. */
export async function createApp(opts: AppOptions): Promise<App> {
  const base = await openDataFolder(opts);
  const clients = connectAccounts(base, opts);
  const services = await startServices(base, clients);
  await finishInterruptedRestoreStep(base, services, opts);
  const parts = handlerParts(base, clients, services, opts);
  await addStartingAccounts(base, parts.orgs, opts);
  return assemble(base, clients, services, parts);
}

/** What every later step shares: the folder, its clock, log, events, problems, keys and settings. */
interface Base {
  dataDir: string;
  version: string;
  clock: Clock;
  nowMs(): number;
  log(line: string): void;
  bus: EventBus;
  problems: ProblemList;
  secrets: GuardedSecrets;
  settings: SettingsStore;
  envKey: string | null;
  envBaseUrl: string | null;
}

/** Step 1: clears a stopped run's leftovers, opens keys and settings, checks the environment and clock. */
async function openDataFolder(opts: AppOptions): Promise<Base> {
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? SYSTEM_CLOCK;
  const nowMs = () => clock.nowMs();
  const bus = createEventBus(log);
  // One list of unreadable store files for the whole app; each was set aside, and the user is told.
  const problems = createProblemList((p) => {
    log(`store: ${p.message}`);
    bus.emit('orgs:changed', {});
  });
  // File ages are real time, whatever the app's clock says.
  const leftovers = await removeLeftoverTempFiles(opts.dataDir, { nowMs: SYSTEM_CLOCK.nowMs() });
  if (leftovers.length) log(`removed ${leftovers.length} temporary file(s) left by a stopped Creditwatch`);
  const secrets = guardAppSecrets(opts.secrets, problems, opts.dataDir, nowMs);
  const settings = await openSettingsStore(opts.dataDir, {
    onProblem: problems.report,
    keyIds: () => secrets.ids(),
    providerOfKey: async (orgId) => {
      const key = await secrets.get(orgId);
      return key ? providerOfKey(key) : null;
    },
  });
  const envKey = opts.envAdminKey?.trim() || null;
  const envBaseUrl = opts.envBaseUrl?.trim() || null;
  checkEnvBaseUrl(envKey, envBaseUrl);
  if (clock !== SYSTEM_CLOCK) assertPinnedClockAllowed(settings.get().orgs, envKey);
  const { dataDir, version } = opts;
  return { dataDir, version, clock, nowMs, log, bus, problems, secrets, settings, envKey, envBaseUrl };
}

/** Step 2: which key and address each account is read with (demo accounts read the local simulators). */
function connectAccounts(base: Base, opts: AppOptions): OrgClients & { demo: DemoBackend } {
  const demo = createDemoBackend({ faults: opts.demoFaults ?? null, clock: base.clock });
  const clients = createOrgClients({
    secrets: base.secrets,
    envKey: base.envKey,
    envBaseUrl: base.envBaseUrl,
    demoConnection: (org) => demo.connection(demoProfileOf(org)),
  });
  return { ...clients, demo };
}

interface Services {
  histories: OrgHistories;
  ledgers: LedgerStore;
  limits: SpendLimitSync;
  money: MoneyService;
  sync: SyncEngineTools;
  answers: AnswerService;
  alerts: AlertDispatcher;
  scheduler: Scheduler;
  files: AppFiles;
  alertSettings: AlertSettingsPort;
}

/** Step 3: the services, each made after what it reads (histories, limits, money, sync, alerts, files). */
async function startServices(base: Base, clients: OrgClients): Promise<Services> {
  const { dataDir, settings, nowMs, log, bus, problems } = base;
  const histories = createOrgHistories(dataDir, { nowMs, onProblem: problems.report });
  const ledgers = createLedgerStore(dataDir, { nowMs, problems });
  const limits = createSpendLimitSync({
    ...spendLimitSources({
      orgs: () => settings.get().orgs,
      clientFor: clients.clientFor,
      history: histories.of,
      nowMs,
    }),
    log,
  });
  const money = createMoneyService({
    ledgers,
    history: histories.of,
    nowMs,
    orgOf: (orgId) => settings.get().orgs.find((o) => o.id === orgId) ?? null,
    apiHardLimitMicros: (orgId) => effectiveHardLimit(limits.get(orgId))?.limitMicros ?? null,
  });
  const sync = createSyncEngine({
    dataDir,
    histories,
    settings,
    nowMs,
    log,
    hasKey: clients.hasKey,
    onProblem: problems.report,
    retryOnTime: true,
    snapshotExtras: (orgId, atMs) => money.snapshotExtras(orgId, atMs),
    onStatus: (orgId, status) => bus.emit('sync:status', { orgId, status }),
    onData: (orgId) => bus.emit('data:changed', { orgId }),
    clientFor: clients.clientFor,
  });
  // One answer per account for the page, the tray, the command line, the alerts and the webhook: each quotes
  // the same snapshot. It is told of changes before the alerts are (they read it on the same event).
  const answers = createAnswerService({
    orgs: () => settings.get().orgs,
    money,
    sync,
    spendLimit: (orgId) => effectiveHardLimit(limits.get(orgId)),
    nowMs,
    timeZone: () => displayZone(settings.get().timeZone, systemTimeZone()),
  });
  bus.subscribe((event) => {
    if (event === 'data:changed' || event === 'sync:status' || event === 'orgs:changed') answers.invalidate();
  });
  const alerts = await wireAlerts({
    answers,
    dataDir,
    settings,
    money,
    sync,
    limits,
    bus,
    problems,
    nowMs,
    log,
  });
  const scheduler = createScheduler({ cron: settings.get().syncCron, run: () => sync.syncDue() });
  const alertSettings: AlertSettingsPort = {
    get: () => alerts.settings(),
    save: async ({ version: _version, ...rest }) => void (await alerts.updateSettings(rest)),
  };
  const files = createAppFiles({
    settings,
    ledgers,
    alertSettings,
    history: histories.of,
    dataDir,
    nowMs,
    appVersion: base.version,
    answers,
  });
  return { histories, ledgers, limits, money, sync, answers, alerts, scheduler, files, alertSettings };
}

/**
 * Step 4: a restore cut off half-way (its journal is there) is finished before anything else reads the
 * data (by the folder's writer only: a reader beside a running app leaves it to that app).
 */
async function finishInterruptedRestoreStep(base: Base, services: Services, opts: AppOptions): Promise<void> {
  if (opts.readOnly) return;
  const finished = await finishInterruptedRestore({
    settings: base.settings,
    ledgers: services.ledgers,
    alertSettings: services.alertSettings,
    dataDir: base.dataDir,
    nowMs: base.nowMs,
    appVersion: base.version,
  });
  if (finished)
    base.problems.report({ file: base.dataDir, quarantinedAs: null, atMs: base.nowMs(), message: finished });
}

/**
 * Step 5: what each handler file is given, each built from the parts the steps before made: the keys'
 * state, the key check, new ids and the demo warm-up once, then one small set per handler file.
 */
function handlerParts(
  base: Base,
  clients: OrgClients & { demo: DemoBackend },
  services: Services,
  opts: AppOptions,
): HandlerParts {
  const { nowMs, settings, bus } = base;
  const { sync, money, answers, alerts, limits, files } = services;
  const keys: KeyStateDeps = { hasKey: clients.hasKey, keyState: clients.keyState };
  const appInfo = {
    version: opts.version,
    transport: opts.transport,
    dataDir: opts.dataDir,
    isClockPinned: base.clock !== SYSTEM_CLOCK,
  };
  const demos: DemoOrgDeps = {
    settings,
    money,
    nowMs,
    newOrgId: () => `org_${randomBytes(6).toString('hex')}`,
    warmUpDemo: async (org: Org) =>
      warmUpBalanceDemo({
        org,
        history: await services.histories.of(org.id),
        demo: clients.demo,
        nowMs: nowMs(),
      }),
  };
  return {
    app: { ...keys, appInfo, problems: base.problems.list, nowMs, settings, sync },
    settings: {
      settings,
      nowMs,
      validateCron,
      reschedule: (cron: string) => services.scheduler.reschedule(cron),
    },
    orgs: {
      ...keys,
      ...demos,
      bus,
      sync,
      money,
      secrets: base.secrets,
      isClockPinned: appInfo.isClockPinned,
      verifyKey: (provider: ProviderId, apiKey: string, baseUrl: string | null) =>
        verifyProviderKey(
          createProviderApi(provider, { apiKey, baseURL: baseUrl ?? PROVIDERS[provider].baseUrl }),
          nowMs(),
        ),
    },
    money: { answers, bus, limits, money, nowMs, settings, sync },
    alerts: { alerts, limits, settings },
    backups: { bus, ledgerBackups: createLedgerBackups(services.ledgers), settings },
    files: { bus, files, settings, delivery: opts.delivery?.(files) ?? LINK_DELIVERY },
  };
}

/** Step 6: the environment key's account, and the demo accounts when asked for (the folder's writer only). */
async function addStartingAccounts(base: Base, demos: DemoOrgDeps, opts: AppOptions): Promise<void> {
  if (opts.readOnly) return;
  if (base.envKey) await ensureEnvOrg(base.settings, base.nowMs());
  if (opts.demo) await ensureDemoOrgs(demos);
}

/** Step 7: the app as the hosts see it. */
function assemble(base: Base, clients: { demo: DemoBackend }, services: Services, parts: HandlerParts): App {
  const { settings, log } = base;
  const { sync, scheduler } = services;
  return {
    handlers: createHandlers(parts),
    bus: base.bus,
    settings,
    sync,
    alerts: services.alerts,
    clock: base.clock,
    files: services.files,
    start() {
      scheduler.start();
      const orgs = settings.get().orgs;
      const syncOne = (id: string) =>
        sync.syncOrg(id).catch((err: Error) => log(`sync failed: ${err.message}`));
      // Real accounts sync side by side (a slow provider holds up no other). The demo accounts' simulators
      // run in this process, so their first syncs go one after another: each reads months of history, and
      // five at once would make the host's memory peak (which it keeps) five times one.
      for (const org of orgs) if (org.kind !== 'demo') void syncOne(org.id);
      void (async () => {
        for (const org of orgs) if (org.kind === 'demo') await syncOne(org.id);
      })();
    },
    async close() {
      scheduler.stop();
      sync.stop();
      await clients.demo.close();
    },
  };
}
