/**
 * The provider port: what the sync engine needs from any provider's API. Two shapes, by what the
 * provider publishes (see `ProviderInfo.source` in core):
 *
 * - `CostApi` (OpenAI, Anthropic): daily cost buckets, hourly usage and project (workspace) names; no
 *   balance, so the balance comes from the user's ledger.
 * - `BalanceApi` (OpenRouter, DeepSeek): the balance itself, read at every poll; spend is inferred from
 *   how it moves.
 *
 * Adapters throw the errors of `./http` (or the OpenAI SDK's) so every provider's failures reach the
 * user in the same words: wrong key type, missing scope, rate limit with Retry-After, network, malformed answer.
 */
import type { ProjectName } from '@core/dashboard';
import type { ProviderId } from '@core/providers';
import type { CostDay, UsageRow } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';

/**
 * What a key is, from its prefix only (the key itself never leaves the adapter): `admin` reads the
 * organization's usage; `project` is a key of the right provider that cannot (an OpenAI project key, an
 * Anthropic inference key); `other` is not recognised.
 */
export type KeyKind = 'admin' | 'project' | 'other';

interface ProviderApiBase {
  readonly provider: ProviderId;
  readonly keyKind: KeyKind;
  /** Checks the key with one cheap call; throws what a sync would (the caller classifies it). */
  verify(nowMs: number): Promise<void>;
  /**
   * The organization id the provider's last successful answer named (OpenAI `openai-organization`,
   * Anthropic `anthropic-organization-id` headers); null before one, or when the provider names none.
   */
  organizationId?(): string | null;
}

/**
 * What a sync remembers about an organization's refusals of the per-key cost grouping (OpenAI): days before
 * `keylessBeforeMs` are fetched without the key split. The client updates it when it learns a new day.
 */
export interface KeyGroupingMemo {
  keylessBeforeMs: number | null;
}

export interface CostApi extends ProviderApiBase {
  readonly source: 'costs';
  /**
   * Daily cost buckets over `[start, end)`, every page; empty days included. Money in micro-units. `memo`
   * (OpenAI only) holds the day before which the API refuses the per-key split, and is updated in place.
   */
  dailyCosts(range: TimeRange, memo?: KeyGroupingMemo): Promise<CostDay[]>;
  /** Hourly usage over `[start, end)`, every page (tokens and, where the API counts them, requests). */
  hourlyCompletions(range: TimeRange): Promise<UsageRow[]>;
  /** Names of the projects (Anthropic: workspaces) spend rows refer to. */
  projects(): Promise<ProjectName[]>;
}

/** One currency's balance as the provider reports it. Money in integer micro-units of `currency`. */
export interface BalanceReading {
  /** ISO 4217 code as the API gave it (checked by the caller against the currencies it knows). */
  currency: string;
  /** What can still be spent (OpenRouter: total_credits − total_usage; DeepSeek: total_balance). */
  balanceMicros: number;
  /** Everything ever bought (OpenRouter total_credits); null when the API does not say. */
  creditsMicros: number | null;
  /** Everything ever spent (OpenRouter total_usage); null when the API does not say. */
  usageMicros: number | null;
  /** Free credit within the balance (DeepSeek granted_balance); null when the API does not say. */
  grantedMicros: number | null;
  /** Bought credit within the balance (DeepSeek topped_up_balance); null when the API does not say. */
  toppedUpMicros: number | null;
}

export interface BalanceApi extends ProviderApiBase {
  readonly source: 'balance';
  /** The balance in every currency the account holds (one request). */
  balances(): Promise<BalanceReading[]>;
  /** Whether the account can still make requests, when the API says (DeepSeek is_available); else null. */
  readonly lastAvailable?: boolean | null;
  /**
   * Past spend per UTC day and model, where the provider publishes it (OpenRouter `/activity`: the last 30
   * completed days): cost days whose rows have the model as line item and no project. One request.
   */
  activity?(): Promise<CostDay[]>;
}

export type ProviderApi = CostApi | BalanceApi;
