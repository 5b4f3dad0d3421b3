/**
 * The one contract between the renderer and main, carried by two transports (Electron IPC and the
 * Node host's HTTP + SSE). Channels are `'noun:verb'`; each has a zod schema for its argument (parsed
 * by both transports) and a result type. `Handlers` makes a missing handler a compile error.
 */
import { z } from 'zod';
import { AlertSettingsPatchSchema, type AlertSettings } from './alerts/alert-settings';
import type { Alert } from './alerts/alert-types';
import type { AlertsView } from './alerts/alerts-view';
import type { AccountAnswer } from './answer/account-answer';
import type { RestoreConflict } from './backup/restore-plan';
import { BillingConfigSchema } from './billing';
import { ExportRequestSchema } from './export/request';
import { isKnownCurrency, ProviderIdSchema } from './providers';
import type { Dashboard } from './dashboard';
import type { ForecastSummary } from './forecast/summary';
import type { Reconciliation } from './ledger-reconcile';
import { LedgerEntrySchema } from './ledger-schema';
import type { LedgerView, MoneyView } from './money-view';
import { HttpUrlSchema, PlainNameSchema, SaneInstantSchema, TimeZoneSchema } from './sane-values';
import { OrgIdSchema, type OrgSummary, type Settings, type SyncStatus } from './schemas';
import type { SpendLimitsView } from './spend-limits';

const Empty = z.object({}).strict();
/** `ledger-<org>.<YYYY-MM-DDTHH-MM-SS-mmmZ>.json`, nothing else (no paths). */
const BACKUP_NAME = /^ledger-org_[a-z0-9]{8,32}\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/;
/** The largest backup text the app restores (years of ledger entries fit in far less). */
export const MAX_BACKUP_CHARS = 8_000_000;
const OrgRef = z.object({ orgId: OrgIdSchema }).strict();

/** Argument schemas, one per request channel. */
export const REQUEST_ARGS = {
  'app:info': Empty,
  'app:problems': Empty,
  'orgs:list': Empty,
  'orgs:add': z
    .object({
      name: PlainNameSchema,
      apiKey: z.string().trim().min(8, 'Paste the whole key.').max(400),
      baseUrl: HttpUrlSchema.nullable().optional(),
      /** Whose account it is; absent = OpenAI. */
      provider: ProviderIdSchema.optional(),
    })
    .strict(),
  'orgs:startDemo': Empty,
  'orgs:remove': OrgRef,
  'orgs:select': OrgRef,
  /** The user confirms an account's address that came from a backup (or a rebuild): its key may go there. */
  'orgs:confirmAddress': OrgRef,
  'dashboard:get': OrgRef,
  'sync:now': OrgRef,
  'settings:get': Empty,
  'settings:update': z
    .object({
      /** An empty or too-frequent schedule is refused by the handler, in words. */
      syncCron: z.string().trim().max(100, 'The schedule is too long (100 characters at most).').optional(),
      backfillDays: z.number().int().min(1).max(365).optional(),
      timeZone: TimeZoneSchema.nullable().optional(),
      /** The whole list of user-set conversion rates (replaces the stored one). */
      conversionRates: z
        .array(
          z
            .object({
              currency: z
                .string()
                .trim()
                .toUpperCase()
                .refine(isKnownCurrency, 'Use a three-letter currency code, such as CNY.'),
              usdPerUnit: z
                .number({ message: 'Type a number of US dollars, such as 0.14.' })
                .positive('A rate must be more than zero.')
                .max(1_000_000, 'That rate is too large.'),
            })
            .strict(),
        )
        .max(20)
        .refine(
          (rates) => new Set(rates.map((r) => r.currency)).size === rates.length,
          'Each currency can have one rate only.',
        )
        .optional(),
    })
    .strict(),
  'ledger:get': OrgRef,
  /** The renderer picks the entry id (a UUID), so a retried call cannot add an entry twice. */
  'ledger:addEntry': z.object({ orgId: OrgIdSchema, entry: LedgerEntrySchema }).strict(),
  'ledger:removeEntry': z.object({ orgId: OrgIdSchema, entryId: z.string().min(1).max(64) }).strict(),
  'ledger:updateBilling': z.object({ orgId: OrgIdSchema, billing: BillingConfigSchema }).strict(),
  /** The ledger's backups (one is taken before every change), newest first. */
  'ledger:backups': OrgRef,
  /** Makes a backup the current ledger; the ledger as it was is backed up first, so this can be undone. */
  'ledger:restoreBackup': z
    .object({ orgId: OrgIdSchema, name: z.string().regex(BACKUP_NAME, 'not a ledger backup name') })
    .strict(),
  'money:get': OrgRef,
  'answer:get': OrgRef,
  'answer:list': Empty,
  /** Removes the balance readings taken between two instants, and the spend read from them. */
  'balance:discardReadings': z
    .object({ orgId: OrgIdSchema, fromMs: SaneInstantSchema, toMs: SaneInstantSchema })
    .strict()
    .refine((a) => a.fromMs <= a.toMs, { message: 'The first date must not be after the second.' }),
  /** The forecast with a changed balance and/or billing settings, computed but never saved. */
  'money:whatIf': z
    .object({
      orgId: OrgIdSchema,
      balanceMicros: z.number().int().min(-1e12).max(1e12).optional(),
      billing: BillingConfigSchema.optional(),
    })
    .strict(),
  /** Active alerts, snoozes, the notification pause and the history. */
  'alerts:get': Empty,
  /** Snooze one active alert until a time in the future. */
  'alerts:snooze': z
    .object({ alertId: z.string().min(1).max(120), untilMs: z.number().int().nonnegative() })
    .strict(),
  /** "Got it": hide one active alert from the page until its figures change. */
  'alerts:acknowledge': z.object({ alertId: z.string().min(1).max(120) }).strict(),
  /** Pause every notification until a time (null resumes); alerts still show in the app. */
  'alerts:pause': z.object({ untilMs: z.number().int().nonnegative().nullable() }).strict(),
  'alerts:getSettings': Empty,
  'alerts:updateSettings': AlertSettingsPatchSchema,
  /** Hard spend limits read from OpenAI (org and projects). */
  'limits:get': OrgRef,
  /** Export a table: a download link in a browser, a save dialog in the desktop app. */
  'export:save': ExportRequestSchema,
  /** Back up settings, organizations and ledgers (never keys): delivered like an export. */
  'backup:save': Empty,
  /** Merge a backup's text into this machine's data; nothing is overwritten (differences are reported). */
  'backup:restore': z
    .object({
      text: z.string().min(1).max(MAX_BACKUP_CHARS),
      acceptEdited: z.boolean().optional(),
      /** Only say what the restore would do; write nothing (the page shows this before asking). */
      preview: z.boolean().optional(),
    })
    .strict(),
} satisfies Record<string, z.ZodType>;

export type RequestChannel = keyof typeof REQUEST_ARGS;
/** What a caller passes. */
export type RequestArgs<K extends RequestChannel> = z.input<(typeof REQUEST_ARGS)[K]>;
/** What a handler receives, after the zod parse. */
export type ParsedArgs<K extends RequestChannel> = z.output<(typeof REQUEST_ARGS)[K]>;

export interface AppInfo {
  version: string;
  transport: 'ipc' | 'http';
  dataDir: string;
  /** The host's clock when it answered; the page measures "now" by it (so `serve --now` reaches the page). */
  nowMs: number;
  /** True when the host runs on a clock set to a chosen instant (`serve --now`) rather than the real one. */
  isClockPinned: boolean;
}

/** A stored file that could not be read: it was set aside (never overwritten) and the user is told. */
export interface StoreProblemView {
  file: string;
  /** Where the unreadable original was moved, or null if it could not be moved (then it is not written to). */
  quarantinedAs: string | null;
  message: string;
  atMs: number;
}

/** A ledger backup: when it was taken and how many entries it holds (null: it cannot be read). */
export interface LedgerBackupView {
  name: string;
  atMs: number;
  entries: number | null;
}

/** How a file reached the user: a link the page follows (browser), a file saved by a dialog, or cancelled. */
export type FileDelivery =
  | { delivery: 'download'; href: string; fileName: string }
  | { delivery: 'saved'; path: string; fileName: string }
  | { delivery: 'cancelled' };

/** What a restore did (or, with `changed: false`, that there was nothing to do). */
export interface RestoreResult {
  changed: boolean;
  orgsAdded: string[];
  entriesAdded: number;
  billingRulesTaken: number;
  settingsChanged: boolean;
  conflicts: RestoreConflict[];
  safetyBackupPath: string | null;
  /** A preview: what the restore would do (`changed`: whether it would write); nothing was written. */
  isPreview?: boolean;
  /** The backup's alert settings are (or, in a preview, would be) taken. */
  alertSettingsTaken?: boolean;
  /** The webhook address those alert settings send alerts to (shown with a warning before restoring). */
  webhookUrl?: string | null;
  /** Demo accounts in the backup that are left out: the demo has its own folder. */
  demoAccountsLeftOut?: string[];
}

/** Result type per request channel. */
export interface RequestResults {
  'app:info': AppInfo;
  'app:problems': { problems: StoreProblemView[] };
  'orgs:list': { orgs: OrgSummary[]; selectedOrgId: string | null };
  'orgs:add': OrgSummary;
  'orgs:startDemo': OrgSummary;
  'orgs:remove': { removed: true };
  'orgs:select': { selectedOrgId: string };
  'orgs:confirmAddress': OrgSummary;
  'dashboard:get': Dashboard;
  'sync:now': SyncStatus;
  'settings:get': Settings;
  'settings:update': Settings;
  'ledger:get': LedgerView;
  'ledger:addEntry': { ledger: LedgerView; reconciliation: Reconciliation | null };
  'ledger:removeEntry': LedgerView;
  'ledger:updateBilling': LedgerView;
  'ledger:backups': { backups: LedgerBackupView[] };
  'ledger:restoreBackup': LedgerView;
  'money:get': MoneyView;
  /** One account's answer: every figure once, with its words (see `AccountAnswer`). */
  'answer:get': AccountAnswer;
  /** Every account's answer at one instant, in the accounts' order. */
  'answer:list': { answers: AccountAnswer[] };
  'balance:discardReadings': { removedReadings: number; removedSpendMicros: number };
  'money:whatIf': { forecast: ForecastSummary | null; forecastNote: string | null };
  'alerts:get': AlertsView;
  'alerts:snooze': AlertsView;
  'alerts:acknowledge': AlertsView;
  'alerts:pause': AlertsView;
  'alerts:getSettings': AlertSettings;
  'alerts:updateSettings': AlertSettings;
  'limits:get': SpendLimitsView;
  'export:save': FileDelivery;
  'backup:save': FileDelivery;
  'backup:restore': RestoreResult;
}

/** Push events from main to the renderer. */
export interface EventPayloads {
  'sync:status': { orgId: string; status: SyncStatus };
  'data:changed': { orgId: string };
  'orgs:changed': Record<string, never>;
  /** A new alert to notify, once per episode (a stable `alert.id` per kind and org). */
  'alerts:fired': { alert: Alert };
  /** The active alerts or their history changed (banner, tray). */
  'alerts:changed': AlertsView;
}
export type EventChannel = keyof EventPayloads;
export const EVENT_CHANNELS: readonly EventChannel[] = [
  'sync:status',
  'data:changed',
  'orgs:changed',
  'alerts:fired',
  'alerts:changed',
];

/** The API the renderer sees, whatever the transport. Listeners return their unsubscribe function. */
export interface CreditwatchApi {
  invoke<K extends RequestChannel>(channel: K, args: RequestArgs<K>): Promise<RequestResults[K]>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Main's implementation of every request channel (a missing one is a compile error). */
export type Handlers = { [K in RequestChannel]: (args: ParsedArgs<K>) => Promise<RequestResults[K]> };

/** Error codes a transport carries to the renderer. */
export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'rejected' | 'internal';

/** An error meant for the user: its message is shown as-is. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whether `name` is a request channel (transports check before dispatching). */
export function isRequestChannel(name: string): name is RequestChannel {
  return Object.prototype.hasOwnProperty.call(REQUEST_ARGS, name);
}

/** Parses a channel's argument with its schema, turning zod issues into one readable ApiError. */
export function parseArgs<K extends RequestChannel>(channel: K, raw: unknown): ParsedArgs<K> {
  const result = REQUEST_ARGS[channel].safeParse(raw ?? {});
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new ApiError('invalid-argument', detail);
  }
  return result.data as ParsedArgs<K>;
}
