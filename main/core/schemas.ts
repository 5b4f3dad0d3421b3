/**
 * Zod schemas of the values that cross a trust boundary (persisted files, IPC/HTTP arguments) and the
 * plain types inferred from them. One definition, so types are never written twice.
 */
import { z } from 'zod';
import { ProviderIdSchema } from './providers';
import { SETTINGS_VERSION } from './settings-upgrade';
import { HttpUrlSchema, PlainNameSchema, SaneInstantSchema, TimeZoneSchema } from './sane-values';

/** Local organization id (ours, not OpenAI's): `org_` + 8–32 lowercase letters/digits. */
export const OrgIdSchema = z.string().regex(/^org_[a-z0-9]{8,32}$/, 'not an organization id');

/** An ISO 4217 currency code as stored (checked against the runtime's list where it is read from an API). */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'not a currency code');

/**
 * An organization (an account) the user monitors, on one provider. `kind` says where its API lives:
 * `'live'` is the provider's real API, `'demo'` the built-in simulator of that provider. (Settings
 * version 1 wrote `'openai'` for live and could leave `provider` out; settings-upgrade.ts reads those.)
 */
export const OrgSchema = z.object({
  id: OrgIdSchema,
  name: PlainNameSchema,
  kind: z.enum(['live', 'demo']),
  /** Whose API the account is on. */
  provider: ProviderIdSchema,
  /**
   * The currency its money is in, when the provider's API names it (DeepSeek: CNY or USD, from its
   * balance); absent = the provider's own currency (USD for OpenAI, Anthropic, OpenRouter).
   */
  currency: CurrencyCodeSchema.optional(),
  /** API base URL override (e.g. a proxy); null means the provider's own API. */
  baseUrl: HttpUrlSchema.nullable(),
  createdAtMs: SaneInstantSchema,
  /**
   * True when the account's address was not typed here with its key (it came from a backup, or the
   * account was rebuilt after its settings were lost): no key is sent anywhere until the user confirms it.
   */
  addressToConfirm: z.boolean().optional(),
  /**
   * The provider's own id of the organization (OpenAI `org-…`, Anthropic a UUID), as its API named it when
   * the key was checked or at a sync; absent when not known yet or the provider names none. The same
   * organization is never added twice.
   */
  providerOrgId: z.string().min(1).max(128).optional(),
  /** Which built-in demo a `demo` org shows (absent on older files: the company demo). */
  demoProfile: z.enum(['company', 'personal', 'anthropic', 'openrouter', 'deepseek']).optional(),
});
export type Org = z.infer<typeof OrgSchema>;
/** The built-in demos: a company org on prepaid credit, and a "Personal" org that starts taking spend. */
export type DemoProfile = NonNullable<Org['demoProfile']>;

/**
 * What the renderer may know about an org: never the key, only whether one is stored (and, when the
 * key file cannot be read, `keyUnreadable`: "key unreadable — add it again").
 */
export type OrgSummary = Org & { hasKey: boolean; keyUnreadable?: boolean };

export const DEFAULT_SYNC_CRON = '*/5 * * * *';
export const DEFAULT_BACKFILL_DAYS = 90;

/** A user-set rate: one unit of `currency` is worth `usdPerUnit` US dollars (as the user typed it). */
function ConversionRateSchema() {
  return z.object({
    currency: CurrencyCodeSchema,
    usdPerUnit: z.number().positive().finite().max(1_000_000),
    setAtMs: SaneInstantSchema,
  });
}
export type ConversionRate = z.infer<ReturnType<typeof ConversionRateSchema>>;

/** User settings (settings.json), as this build writes them (older files: settings-upgrade.ts). */
export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** node-cron expression for the poll schedule. */
  syncCron: z.string().min(1).max(100).default(DEFAULT_SYNC_CRON),
  backfillDays: z.number().int().min(1).max(365).default(DEFAULT_BACKFILL_DAYS),
  orgs: z.array(OrgSchema).default([]),
  selectedOrgId: OrgIdSchema.nullable().default(null),
  /** IANA zone for display and month-end alerts; null = the system zone. */
  timeZone: TimeZoneSchema.nullable().default(null),
  /**
   * Rates the user set to show totals of other currencies in US dollars as well (never used to store
   * or mix money: every figure stays in its own currency, and a converted total says it is one).
   */
  conversionRates: z.array(ConversionRateSchema()).max(20).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Why a sync failed, in classes a user can act on. */
export const SyncErrorKindSchema = z.enum([
  'project-key', // a project key (sk-proj-…) or a key without api.usage.read
  'invalid-key', // 401: unknown or revoked key
  'forbidden', // 403 for another reason
  'rate-limited', // 429
  'spend-limit', // 429 organization_spend_limit_exceeded
  'server', // 5xx
  'network', // unreachable, DNS, reset
  'timeout',
  'malformed', // a response we could not parse
  'unknown',
]);
export type SyncErrorKind = z.infer<typeof SyncErrorKindSchema>;

export const SyncErrorSchema = z.object({
  kind: SyncErrorKindSchema,
  /** Plain words for the user, with what to do. Never contains the key. */
  message: z.string(),
  /** HTTP status, when there was one. */
  status: z.number().int().nullable(),
  atMs: z.number().int(),
  /** Earliest time the next attempt will be made (backoff / Retry-After), if any. */
  retryAtMs: z.number().int().nullable(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export const SyncStatusSchema = z.object({
  state: z.enum(['never', 'syncing', 'ok', 'error']),
  lastAttemptMs: z.number().int().nullable(),
  lastSuccessMs: z.number().int().nullable(),
  /** Consecutive failed attempts (drives backoff). */
  failures: z.number().int().nonnegative(),
  lastError: SyncErrorSchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'never',
  lastAttemptMs: null,
  lastSuccessMs: null,
  failures: 0,
  lastError: null,
};
