/**
 * Alert settings (alert-settings.json): quiet hours, thresholds with defaults that work with no
 * configuration, per-org overrides, an optional webhook. zod-validated at every boundary.
 *
 * Example: `resolveOrgRules(settings, 'org_abc12345').lowCreditMicros` → 10_000_000 ($10) unless the
 * user changed the default or that org's value.
 *
 * Money thresholds are in the account's currency. The user's `defaults` hold them in US dollars and
 * apply them to US-dollar accounts only; another currency's defaults are typed once per currency in
 * `currencyDefaults` (a "$50" default never becomes "CN¥50", and is never converted at a rate).
 * Without one, that currency uses the built-in figure in its own units (10.00 low credit, 1.00 silent
 * start). A per-org override is always in that org's currency.
 */
import { z } from 'zod';
import { ALERT_KINDS } from './alert-types';
import { parseClock } from './quiet-hours';
import { webhookUrlProblem } from './webhook-url';
import { MICROS_PER_UNIT } from '../money';

/** Thresholds of every rule (no defaults here, so a partial override stays partial). */
const RULE_FIELDS = {
  /** Low credit: estimated balance below this. */
  lowCreditMicros: z.number().int().nonnegative(),
  /** Low runway: credit lasts fewer days than this at the forecast's spend rate. */
  lowRunwayDays: z.number().min(0).max(365),
  /** Prepaid credit without auto-reload likely to run out within this many days. */
  runsOutDays: z.number().int().min(1).max(31),
  /** Auto-reload expected within this many hours (the card will be charged). */
  reloadWithinHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 31),
  /** Card charge coming: this many days before the month ends. */
  cardChargeDays: z.number().int().min(0).max(28),
  /** Credit expiring within this many days. */
  expiringDays: z.number().int().min(1).max(365),
  /** Intraday spike: this hour's tokens at least this many times the usual for that hour of the week. */
  spikeFactor: z.number().min(1.5).max(1000),
  /** …and at least this many tokens (so a quiet org's first few calls are not a "spike"). */
  spikeMinTokens: z.number().int().nonnegative(),
  /** A normally silent org (under $1 in the previous 28 days) spending at least this yesterday + today. */
  silentStartMicros: z.number().int().positive(),
  /** Sync failing for longer than this many minutes. */
  syncFailingMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  /** Hard spend limit approaching: month-to-date spend at this percent of the limit. */
  spendLimitPercent: z.number().min(1).max(100),
  /** How far a figure must come back past its threshold before the alert re-arms (percent). */
  hysteresisPercent: z.number().min(0).max(100),
  /** Kinds switched off. */
  disabled: z.array(z.enum(ALERT_KINDS)),
};

/** Built-in defaults: alerts work with no configuration. */
export const DEFAULT_ALERT_RULES = {
  lowCreditMicros: 10_000_000,
  lowRunwayDays: 3,
  runsOutDays: 7,
  reloadWithinHours: 48,
  cardChargeDays: 3,
  expiringDays: 30,
  spikeFactor: 4,
  spikeMinTokens: 100_000,
  silentStartMicros: MICROS_PER_UNIT,
  syncFailingMinutes: 60,
  spendLimitPercent: 80,
  hysteresisPercent: 10,
  disabled: [],
} satisfies { [K in keyof typeof RULE_FIELDS]: z.infer<(typeof RULE_FIELDS)[K]> };

/** The thresholds that are amounts of money (in the account's currency). */
export const MONEY_RULE_FIELDS = ['lowCreditMicros', 'silentStartMicros'] as const;

/** Money thresholds for the accounts in one currency (what `defaults` holds for US dollars). */
export const CurrencyRulesPatchSchema = z
  .object({ lowCreditMicros: RULE_FIELDS.lowCreditMicros, silentStartMicros: RULE_FIELDS.silentStartMicros })
  .partial()
  .strict();
/** Money thresholds by ISO 4217 code; a key that is not one is refused, naming it. */
const CurrencyDefaultsSchema = z.record(z.string(), CurrencyRulesPatchSchema).superRefine((byCode, ctx) => {
  for (const code of Object.keys(byCode))
    if (!/^[A-Z]{3}$/.test(code))
      ctx.addIssue({ code: 'custom', path: [code], message: 'not a currency code (use e.g. CNY)' });
});

export const AlertRulesSchema = z.object(RULE_FIELDS);
/** Some of the rule values (user defaults, per-org overrides). */
export const AlertRulesPatchSchema = z.object(RULE_FIELDS).partial().strict();
export type AlertRules = z.infer<typeof AlertRulesSchema>;

const ClockText = z
  .string()
  .refine((s) => parseClock(s) !== null, 'use a 24-hour time such as 22:00 or 07:30');

/**
 * Quiet hours in the user's zone. An end earlier than the start runs across midnight (22:00–07:00);
 * an end equal to the start is refused (it would mean "never" or "always").
 */
export const QuietHoursSchema = z
  .object({ start: ClockText, end: ClockText })
  .refine((q) => parseClock(q.start) !== parseClock(q.end), {
    message: 'quiet hours must end at a different time than they start (22:00–07:00 runs across midnight)',
    path: ['end'],
  });

/** A webhook URL: https only (it carries spend figures). */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .url('the webhook must be a full URL')
  .refine((u) => u.startsWith('https://'), 'the webhook must use https:// (it carries your spend figures)');

/**
 * A webhook URL the user may set now: https, public, without a user name or password. The stored file
 * keeps the looser `WebhookUrlSchema`, so an address saved before is never lost on loading; it is just
 * not called (see `postWebhook`) until it is changed.
 */
export const SafeWebhookUrlSchema = WebhookUrlSchema.superRefine((url, ctx) => {
  const problem = webhookUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const ALERT_SETTINGS_VERSION = 1;

export const AlertSettingsSchema = z.object({
  version: z.literal(ALERT_SETTINGS_VERSION),
  quietHours: QuietHoursSchema.nullable().default(null),
  /** IANA zone of the quiet hours; null = the app's display zone. */
  timeZone: z.string().min(1).max(64).nullable().default(null),
  /** Rule values for every org (missing fields use the built-in defaults); money ones: US-dollar accounts. */
  defaults: AlertRulesPatchSchema.default({}),
  /** Money thresholds for the accounts in another currency, by ISO 4217 code (e.g. CNY). */
  currencyDefaults: CurrencyDefaultsSchema.default({}),
  /** Per-org overrides of `defaults`. */
  orgs: z.record(z.string(), AlertRulesPatchSchema).default({}),
  webhookUrl: WebhookUrlSchema.nullable().default(null),
  /**
   * Which alerts pop up as desktop and browser notifications: by default only those that need action
   * (credit low, running out, sync failing, limit near); 'all' adds the informational ones. The page and the
   * webhook always get every alert.
   */
  notify: z.enum(['action-needed', 'all']).default('action-needed'),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

/** Settings with nothing configured. */
export function defaultAlertSettings(): AlertSettings {
  return AlertSettingsSchema.parse({ version: ALERT_SETTINGS_VERSION });
}

/**
 * The effective rules of one org in `currency` (its account's; default USD): built-in defaults ← user
 * defaults (their money thresholds only for USD) ← that currency's defaults ← that org's overrides.
 *
 * Example: defaults `{ lowCreditMicros: 50_000_000 }` ($50) → a USD org gets 50_000_000; a CNY org
 * gets 10_000_000 (CN¥10.00, built in) unless `currencyDefaults.CNY` says otherwise.
 */
export function resolveOrgRules(settings: AlertSettings, orgId: string, currency = 'USD'): AlertRules {
  const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const userDefaults: Record<string, unknown> = defined(settings.defaults);
  if (currency !== 'USD') for (const field of MONEY_RULE_FIELDS) delete userDefaults[field];
  return AlertRulesSchema.parse({
    ...DEFAULT_ALERT_RULES,
    ...userDefaults,
    ...defined(settings.currencyDefaults?.[currency] ?? {}),
    ...defined(settings.orgs[orgId] ?? {}),
  });
}

/** What `alerts:updateSettings` accepts: any top-level field, validated whole after merging. */
export const AlertSettingsPatchSchema = z
  .object({
    quietHours: QuietHoursSchema.nullable(),
    timeZone: z.string().min(1).max(64).nullable(),
    defaults: AlertRulesPatchSchema,
    currencyDefaults: CurrencyDefaultsSchema,
    orgs: z.record(z.string(), AlertRulesPatchSchema),
    webhookUrl: SafeWebhookUrlSchema.nullable(),
    notify: z.enum(['action-needed', 'all']),
  })
  .partial()
  .strict();
