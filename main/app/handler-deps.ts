/** What `createHandlers` needs from the outside world, injected so both hosts and the tests can supply it. */
import type { AppInfo, StoreProblemView } from '@core/api-contract';
import type { ProviderId } from '@core/providers';
import type { Org } from '@core/schemas';
import type { SpendLimitsView } from '@core/spend-limits';
import type { AlertDispatcher } from '../services/alert-dispatcher';
import type { AnswerService } from '../services/answers';
import type { MoneyService } from '../services/money';
import type { SecretStore } from '../services/secrets';
import type { SettingsStore } from '../services/stores/settings-store';
import type { SyncEngine } from '../services/sync';
import type { LedgerBackups } from '../services/ledger-backups';
import type { AppFiles, FileDeliveryPort } from './app-files';
import type { EventBus } from './event-bus';

export interface HandlerDeps {
  appInfo: Omit<AppInfo, 'nowMs'>;
  settings: SettingsStore;
  secrets: SecretStore;
  sync: SyncEngine;
  money: MoneyService;
  /** Each account's answer (absent: built from `money`, `sync` and `limits`). */
  answers?: AnswerService;
  alerts: AlertDispatcher;
  /** Hard spend limits read from the API. */
  limits: { get(orgId: string): SpendLimitsView };
  /** Store files set aside since start (corrupt or unreadable), for the UI. */
  problems(): StoreProblemView[];
  bus: EventBus;
  nowMs(): number;
  newOrgId(): string;
  /** Checks a key with one cheap API call; throws an error whose message is for the user. */
  /** Gives a new balance demo account its history (see demo-warm-up.ts); absent in tests that need none. */
  warmUpDemo?(org: Org): Promise<void>;
  /**
   * Checks a key with one call; resolves with the currency the API names (balance providers), else null,
   * and the provider's id of the key's organization where the API names it.
   */
  verifyKey(
    provider: ProviderId,
    apiKey: string,
    baseUrl: string | null,
  ): Promise<{ currency: string | null; organizationId?: string | null }>;
  /** node-cron validation: null when fine, else the message. */
  validateCron(expr: string): string | null;
  /** Applies a new schedule to the running scheduler. */
  reschedule(cron: string): void;
  /** Whether an org has a usable key without the renderer ever seeing it. */
  hasKey(org: Org): Promise<boolean>;
  /** Ledger backups (list and restore); absent in hosts or tests that do not offer them. */
  ledgerBackups?: LedgerBackups;
  /** Whether the key is there, missing or unreadable (default: from `hasKey`). */
  keyState?(org: Org): Promise<'present' | 'missing' | 'unreadable'>;
  /** Exports, backups and restores. */
  files: AppFiles;
  /** How this host hands a file to the user. */
  delivery: FileDeliveryPort;
}
