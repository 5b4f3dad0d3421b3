/**
 * OpenRouter as a `BalanceApi`: one GET /credits per reading (total credits bought, total used, in USD),
 * and GET /activity once on first connect (30 days of spend per day and model, the spend history); GET
 * /key (the limit of the key it reads with) is read apart from the poll, at most hourly, by the spend limits.
 * The endpoint needs a management key; an inference key gets 403 "Only management keys can perform this
 * operation", which the classifier turns into the words for a key that cannot read the balance.
 */
import { toMicros } from '@core/money';
import { PROVIDERS } from '@core/providers';
import { getJson } from './http';
import type { CostDay } from '@core/sync-data';
import type { KeyLimit } from '@core/spend-limits';
import { OpenRouterActivitySchema, OpenRouterCreditsSchema, OpenRouterKeySchema } from './openrouter-schemas';
import type { BalanceApi, BalanceReading, KeyKind } from './port';

export interface OpenRouterApiOptions {
  apiKey: string;
  /** Default https://openrouter.ai/api/v1 (the simulator's `baseUrl` in tests). */
  baseURL?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The OpenRouter client: a `BalanceApi` that can also read its own key's limit. */
export interface OpenRouterApi extends BalanceApi {
  readonly provider: 'openrouter';
  /** The calling key's limit, what remains of it and its reset (GET /api/v1/key, one request). */
  keyLimit(): Promise<KeyLimit>;
}

/** True for the OpenRouter client (the one provider whose key limit Creditwatch reads). */
export function isOpenRouterApi(api: { provider: string }): api is OpenRouterApi {
  return api.provider === 'openrouter' && 'keyLimit' in api;
}

/**
 * Kind of an OpenRouter key from its prefix: management and inference keys look alike (`sk-or-v1-…`), so
 * every such key is taken as `admin` and the API tells (403) when it is not a management key.
 */
export function openRouterKeyKind(apiKey: string): KeyKind {
  return apiKey.trim().startsWith('sk-or-v1-') ? 'admin' : 'other';
}

/**
 * Creates the client. `balances()` makes ONE request and returns one USD reading.
 *
 * Example: `{"data":{"total_credits":100.5,"total_usage":25.75}}` → creditsMicros 100_500_000,
 * usageMicros 25_750_000, balanceMicros 74_750_000.
 */
export function createOpenRouterApi(opts: OpenRouterApiOptions): OpenRouterApi {
  const base = (opts.baseURL ?? PROVIDERS.openrouter.baseUrl).replace(/\/+$/, '');
  const apiKey = opts.apiKey.trim();
  async function balances(): Promise<BalanceReading[]> {
    const body = await getJson({
      url: `${base}/credits`,
      headers: { authorization: `Bearer ${apiKey}` },
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    const { data } = OpenRouterCreditsSchema.parse(body);
    const creditsMicros = toMicros(data.total_credits);
    const usageMicros = toMicros(data.total_usage);
    return [
      {
        currency: 'USD',
        balanceMicros: creditsMicros - usageMicros,
        creditsMicros,
        usageMicros,
        grantedMicros: null,
        toppedUpMicros: null,
      },
    ];
  }
  /** The last 30 completed UTC days per model (management key), as cost days in micro-dollars. */
  async function activity(): Promise<CostDay[]> {
    const body = await getJson({
      url: `${base}/activity`,
      headers: { authorization: `Bearer ${apiKey}` },
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    const byDay = new Map<number, Map<string, number>>();
    for (const item of OpenRouterActivitySchema.parse(body).data) {
      const dayStartMs = Date.parse(`${item.date.slice(0, 10)}T00:00:00Z`);
      if (!Number.isFinite(dayStartMs)) throw new SyntaxError(`activity date '${item.date.slice(0, 20)}'`);
      const models = byDay.get(dayStartMs) ?? new Map<string, number>();
      // One item per endpoint: a model served by two providers adds up under the model.
      models.set(item.model, (models.get(item.model) ?? 0) + toMicros(item.usage));
      byDay.set(dayStartMs, models);
    }
    return [...byDay]
      .sort(([a], [b]) => a - b)
      .map(([dayStartMs, models]) => ({
        dayStartMs,
        rows: [...models].map(([model, micros]) => ({
          projectId: null,
          lineItem: model,
          apiKeyId: null,
          micros,
        })),
      }));
  }
  async function keyLimit(): Promise<KeyLimit> {
    const body = await getJson({
      url: `${base}/key`,
      headers: { authorization: `Bearer ${apiKey}` },
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    const { data } = OpenRouterKeySchema.parse(body);
    const limitMicros = data.limit === null ? null : toMicros(data.limit);
    const remaining = data.limit_remaining ?? null;
    return {
      limitMicros,
      // Without a limit nothing "remains"; a limit with no remaining figure is shown without one.
      remainingMicros: limitMicros === null || remaining === null ? null : toMicros(remaining),
      reset: limitMicros === null ? null : (data.limit_reset ?? null),
      usageMicros: toMicros(data.usage),
      isFreeTier: data.is_free_tier ?? false,
    };
  }
  return {
    provider: 'openrouter',
    source: 'balance',
    activity,
    keyLimit,
    keyKind: openRouterKeyKind(apiKey),
    lastAvailable: null,
    balances,
    async verify() {
      await balances();
    },
  };
}
