/**
 * The application both hosts run: settings, key storage, sync engine, scheduler and the handler
 * object, wired together. Hosts pass in what differs (key storage, transport, data folder).
 */
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@core/api-contract';
import type { Org } from '@core/schemas';
import { DAY_MS, type Clock } from '@core/time';
import { ClientSetupError } from '../services/api-errors';
import type { AlertDispatcher } from '../services/alert-dispatcher';
import { createSpendLimitSync } from '../services/spend-limit-sync';
import { PROVIDERS, providerOfKey, type ProviderId } from '@core/providers';
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import { addressHoldReason, isHttpAddress } from '@core/org-address';
import { isAdminApi } from '../services/openai-client';
import { isAnthropicApi } from '../services/providers/anthropic-client';
import { isOpenRouterApi } from '../services/providers/openrouter-client';
import { effectiveHardLimit } from '@core/spend-limits';
import { createProviderApi, verifyProviderKey } from '../services/providers/create-provider-api';
import { SYSTEM_CLOCK } from '../services/clock';
import { createScheduler, validateCron } from '../services/scheduler';
import type { SecretStore } from '../services/secrets';
import { createMoneyService } from '../services/money';
import { createLedgerBackups } from '../services/ledger-backups';
import { createLedgerStore } from '../services/stores/ledger-store';
import { openSettingsStore, type SettingsStore } from '../services/stores/settings-store';
import { createProblemList } from '../services/stores/store-problem';
import { removeLeftoverTempFiles } from '../services/stores/leftover-files';
import { finishInterruptedRestore } from '../services/restore-recovery';
import type { AlertSettingsPort } from '../services/backup';
import { createSyncEngine, type SyncEngine } from '../services/sync';
import { createAppFiles, LINK_DELIVERY, type AppFiles, type FileDeliveryPort } from './app-files';
import { createDemoBackend } from './demo-backend';
import { createEventBus, type EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { wireAlerts } from './wire-alerts';
import { guardAppSecrets } from './guard-app-secrets';
import type { KeyState } from '../services/guarded-secrets';
import { assertPinnedClockAllowed } from './pinned-clock';
import { demoProfileOf, ensureDemoOrgs } from './demo-orgs';
import { warmUpBalanceDemo } from './demo-warm-up';

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
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? SYSTEM_CLOCK;
  const nowMs = () => clock.nowMs();
  const newOrgId = () => `org_${randomBytes(6).toString('hex')}`;
  const bus = createEventBus(log);
  const demo = createDemoBackend({ faults: opts.demoFaults ?? null, clock });
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
  if (envKey && envBaseUrl && !isHttpAddress(envBaseUrl))
    throw new ClientSetupError(`OPENAI_BASE_URL must be an http or https address, not '${envBaseUrl}'.`);
  if (clock !== SYSTEM_CLOCK) assertPinnedClockAllowed(settings.get().orgs, envKey);

  const keyFor = async (org: Org): Promise<string | null> => {
    if (org.id === ENV_ORG_ID) return envKey;
    return secrets.get(org.id);
  };

  const keyState = async (org: Org): Promise<KeyState> => {
    if (org.kind === 'demo') return 'present';
    return org.id === ENV_ORG_ID ? (envKey ? 'present' : 'missing') : secrets.state(org.id);
  };
  const hasKey = async (org: Org) => (await keyState(org)) === 'present';
  const ledgers = createLedgerStore(opts.dataDir, { nowMs, problems });
  const money = createMoneyService({
    ledgers,
    history: (orgId) => sync.history(orgId),
    nowMs,
    orgOf: (orgId) => settings.get().orgs.find((o) => o.id === orgId) ?? null,
    apiHardLimitMicros: (orgId) => effectiveHardLimit(limits.get(orgId))?.limitMicros ?? null,
  });
  const sync = createSyncEngine({
    dataDir: opts.dataDir,
    settings,
    nowMs,
    log,
    hasKey,
    onProblem: problems.report,
    retryOnTime: true,
    snapshotExtras: (orgId, atMs) => money.snapshotExtras(orgId, atMs),
    onStatus: (orgId, status) => bus.emit('sync:status', { orgId, status }),
    onData: (orgId) => bus.emit('data:changed', { orgId }),
    clientFor: (org) => clientFor(org),
  });
  const limits = createSpendLimitSync({
    // OpenAI's Admin API and Anthropic's (beta) publish spend limits, OpenRouter the limit of the key it
    // reads with; DeepSeek none.
    orgs: () =>
      settings
        .get()
        .orgs.filter(
          (o) => o.provider === 'openai' || o.provider === 'anthropic' || o.provider === 'openrouter',
        ),
    clientFor: async (org) => {
      const api = await clientFor(org);
      if (!isAdminApi(api) && !isAnthropicApi(api) && !isOpenRouterApi(api))
        throw new Error(`${PROVIDERS[org.provider].name} publishes no spend limits.`);
      return api;
    },
    projectsOf: async (orgId) => (await sync.history(orgId)).projects(),
    spendingProjectIds: async (orgId, sinceMs) => {
      const days = await (await sync.history(orgId)).costDays({ startMs: sinceMs, endMs: nowMs() + DAY_MS });
      const ids = new Set<string>();
      for (const d of days)
        for (const r of d.rows) if (r.projectId !== null && r.micros > 0) ids.add(r.projectId);
      return ids;
    },
    nowMs,
    log,
  });

  async function clientFor(org: Org) {
    if (org.kind === 'demo') {
      const { baseUrl, apiKey } = await demo.connection(demoProfileOf(org));
      return createProviderApi(org.provider, { apiKey, baseURL: baseUrl });
    }
    const apiKey = await keyFor(org);
    if (!apiKey) {
      throw new ClientSetupError(
        org.id === ENV_ORG_ID
          ? 'OPENAI_ADMIN_KEY is no longer set: start Creditwatch with it set, or add the organization with its key.'
          : `No ${PROVIDERS[org.provider].keyName} is stored for this account on this machine: remove it and add it again with its key.`,
      );
    }
    // The environment key goes only to OpenAI, at its own address or the one given with it.
    if (org.id === ENV_ORG_ID)
      return createProviderApi('openai', { apiKey, baseURL: envBaseUrl ?? PROVIDERS.openai.baseUrl });
    const held = addressHoldReason(org);
    if (held) throw new ClientSetupError(held);
    const owner = providerOfKey(apiKey);
    if (owner !== null && owner !== org.provider)
      throw new ClientSetupError(
        `The key stored for this account is ${PROVIDERS[owner].name}'s, and the account is on ${PROVIDERS[org.provider].name}: remove the account and add it again with its own key.`,
      );
    return createProviderApi(org.provider, {
      apiKey,
      baseURL: org.baseUrl ?? PROVIDERS[org.provider].baseUrl,
    });
  }

  const alerts = await wireAlerts({
    dataDir: opts.dataDir,
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
    history: (orgId) => sync.history(orgId),
    dataDir: opts.dataDir,
    nowMs,
    appVersion: opts.version,
  });
  const deps = {
    files,
    delivery: opts.delivery?.(files) ?? LINK_DELIVERY,
    appInfo: {
      version: opts.version,
      transport: opts.transport,
      dataDir: opts.dataDir,
      isClockPinned: clock !== SYSTEM_CLOCK,
    },
    settings,
    secrets,
    keyState,
    sync,
    money,
    alerts,
    limits,
    ledgerBackups: createLedgerBackups(ledgers),
    problems: problems.list,
    bus,
    nowMs,
    newOrgId,
    verifyKey: (provider: ProviderId, apiKey: string, baseUrl: string | null) =>
      verifyProviderKey(
        createProviderApi(provider, { apiKey, baseURL: baseUrl ?? PROVIDERS[provider].baseUrl }),
        nowMs(),
      ),
    validateCron,
    warmUpDemo: async (org: Org) =>
      warmUpBalanceDemo({ org, history: await sync.history(org.id), demo, nowMs: nowMs() }),
    reschedule: (cron: string) => scheduler.reschedule(cron),
    hasKey,
  };

  // A restore cut off half-way (its journal is there) is finished before anything else reads the data
  // (by the folder's writer only: a reader beside a running app leaves it to that app).
  const finished = opts.readOnly
    ? null
    : await finishInterruptedRestore({
        settings,
        ledgers,
        alertSettings,
        dataDir: opts.dataDir,
        nowMs,
        appVersion: opts.version,
      });
  if (finished)
    problems.report({ file: opts.dataDir, quarantinedAs: null, atMs: nowMs(), message: finished });

  if (envKey && !opts.readOnly && !settings.get().orgs.some((o) => o.id === ENV_ORG_ID)) {
    const org: Org = {
      id: ENV_ORG_ID,
      name: 'OpenAI (OPENAI_ADMIN_KEY)',
      kind: 'live',
      provider: 'openai',
      baseUrl: null,
      createdAtMs: nowMs(),
    };
    await settings.update((s) => ({
      ...s,
      orgs: [...s.orgs, org],
      selectedOrgId: s.selectedOrgId ?? org.id,
    }));
  }
  if (opts.demo && !opts.readOnly) await ensureDemoOrgs(deps);

  return {
    handlers: createHandlers(deps),
    bus,
    settings,
    sync,
    alerts,
    clock,
    files,
    start() {
      scheduler.start();
      for (const org of settings.get().orgs)
        void sync.syncOrg(org.id).catch((err: Error) => log(`sync failed: ${err.message}`));
    },
    async close() {
      scheduler.stop();
      sync.stop();
      await demo.close();
    },
  };
}
