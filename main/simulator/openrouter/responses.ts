/**
 * OpenRouter's answers as its documentation shows them: `{"data": {...}}` bodies with USD amounts as JSON
 * numbers, and errors as `{"error": {"code": <HTTP status>, "message": "...", "metadata"?: {...}}}`.
 */
import { DAY_MS, HOUR_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import type { SpendModel } from '../spend-model';
import type { CreditLedger } from '../balance/ledger';
import type { SimAnswer } from '../balance/http';
import { MICROS_PER_UNIT } from '@core/money';

/** Micro-dollars as the JSON number OpenRouter sends. Example: 1_234_567 → 1.234567. */
export const usd = (micros: number): number => micros / MICROS_PER_UNIT;

/** An OpenRouter error answer: the body's `code` repeats the HTTP status. */
export function openRouterError(
  status: number,
  message: string,
  headers?: Record<string, string>,
): SimAnswer {
  return { status, body: { error: { code: status, message } }, ...(headers ? { headers } : {}) };
}

/** Messages from the documentation's examples (401 missing, 402, 403) or its error-code list. */
const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'User not found.',
  402: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  403: 'Only management keys can perform this operation',
  408: 'Request timed out',
  429: 'Rate limit exceeded',
  500: 'Internal Server Error',
  502: 'Provider returned error',
  503: 'No available provider meets your routing requirements',
};

/** The error answer for an HTTP status; 429 carries `Retry-After`. */
export function openRouterErrorFor(status: number, retryAfterSec?: number): SimAnswer {
  const headers = status === 429 ? { 'retry-after': String(retryAfterSec ?? 1) } : undefined;
  return openRouterError(status, MESSAGES[status] ?? 'Error', headers);
}

/** GET /api/v1/credits: everything bought and everything spent, in USD. */
export function creditsBody(ledger: CreditLedger, nowMs: number) {
  return { data: { total_credits: usd(ledger.creditsTo(nowMs)), total_usage: usd(ledger.spentTo(nowMs)) } };
}

/** Monday 00:00 UTC of the week containing `ms` (OpenRouter's weekly usage starts on Monday). */
export function startOfUtcWeek(ms: number): number {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** A credit limit set on the simulated keys (OpenRouter's "credit limit" of a key), in micro-dollars. */
export interface SimKeyLimit {
  limitMicros: number;
  reset: 'daily' | 'weekly' | 'monthly' | null;
}

/**
 * GET /api/v1/key for the simulated key: an inference key carries all the account's spend (the simulated
 * account has one); a management key makes no completions, so its usage is 0.
 */
export function keyBody(
  ledger: CreditLedger,
  nowMs: number,
  key: string,
  isManagement: boolean,
  limit: SimKeyLimit | null = null,
) {
  const spent = (fromMs: number) => (isManagement ? 0 : usd(ledger.spentBetween(fromMs, nowMs)));
  // The limit counts the spend of its reset period (all of it without a reset); what remains never goes below 0.
  const periodStartMs =
    limit?.reset === 'daily'
      ? startOfUtcDay(nowMs)
      : limit?.reset === 'weekly'
        ? startOfUtcWeek(nowMs)
        : limit?.reset === 'monthly'
          ? startOfUtcMonth(nowMs)
          : ledger.historyStartMs;
  return {
    data: {
      label: `${key.slice(0, 11)}...${key.slice(-3)}`,
      limit: limit ? usd(limit.limitMicros) : null,
      limit_reset: limit?.reset ?? null,
      limit_remaining: limit ? Math.max(0, usd(limit.limitMicros) - spent(periodStartMs)) : null,
      include_byok_in_limit: false,
      usage: spent(ledger.historyStartMs),
      usage_daily: spent(startOfUtcDay(nowMs)),
      usage_weekly: spent(startOfUtcWeek(nowMs)),
      usage_monthly: spent(startOfUtcMonth(nowMs)),
      byok_usage: 0,
      byok_usage_daily: 0,
      byok_usage_weekly: 0,
      byok_usage_monthly: 0,
      is_free_tier: false,
      is_management_key: isManagement,
      is_provisioning_key: isManagement,
      creator_user_id: null,
      expires_at: null,
      // Required by @openrouter/sdk 1.3.19 (GetCurrentKeyData): data regions, the free-model daily quota
      // (1,000 a day once $10 of credit was bought), and the key's organization and workspace (none here).
      allowed_data_regions: ['global'],
      free_model_daily_requests: { limit: 1000, remaining: 1000, used: 0 },
      organization_id: null,
      workspace_id: null,
      rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
    },
  };
}

/**
 * GET /api/v1/activity: the last 30 completed UTC days (today excluded), one item per day and model with
 * its spend in USD, requests and tokens (`ActivityItem`, @openrouter/sdk 1.3.19). Days without spend have
 * no items. The spend of a day equals the ledger's `spentBetween` for that day.
 *
 * Example: 2026-12-07T10:00Z → items dated 2026-11-07 … 2026-12-06.
 */
export function activityBody(model: Pick<SpendModel, 'hourly' | 'historyStartMs'>, nowMs: number) {
  const today = startOfUtcDay(nowMs);
  const data: Array<Record<string, unknown>> = [];
  for (let day = today - 30 * DAY_MS; day < today; day += DAY_MS) {
    const byModel = new Map<string, { micros: number; requests: number; input: number; output: number }>();
    for (let h = day; h < day + DAY_MS; h += HOUR_MS) {
      if (h < model.historyStartMs) continue;
      for (const r of model.hourly(h)) {
        const t = byModel.get(r.model) ?? { micros: 0, requests: 0, input: 0, output: 0 };
        t.micros += r.costMicros;
        t.requests += r.requests;
        t.input += r.inputTokens;
        t.output += r.outputTokens;
        byModel.set(r.model, t);
      }
    }
    const date = new Date(day).toISOString().slice(0, 10);
    for (const [name, t] of [...byModel].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (t.micros === 0 && t.requests === 0) continue;
      data.push({
        date,
        model: `openai/${name}`,
        model_permaslug: `openai/${name}`,
        endpoint_id: `ep-openai-${name}`,
        provider_name: 'OpenAI',
        usage: usd(t.micros),
        byok_usage_inference: 0,
        requests: t.requests,
        prompt_tokens: t.input,
        completion_tokens: t.output,
        reasoning_tokens: 0,
      });
    }
  }
  return { data };
}
