/**
 * OpenRouter's answers as its documentation shows them: `{"data": {...}}` bodies with USD amounts as JSON
 * numbers, and errors as `{"error": {"code": <HTTP status>, "message": "...", "metadata"?: {...}}}`.
 */
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import type { CreditLedger } from '../balance/ledger';
import type { SimAnswer } from '../balance/http';

/** Micro-dollars as the JSON number OpenRouter sends. Example: 1_234_567 → 1.234567. */
export const usd = (micros: number): number => micros / 1_000_000;

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

/**
 * GET /api/v1/key for the simulated key: an inference key carries all the account's spend (the simulated
 * account has one); a management key makes no completions, so its usage is 0.
 */
export function keyBody(ledger: CreditLedger, nowMs: number, key: string, isManagement: boolean) {
  const spent = (fromMs: number) => (isManagement ? 0 : usd(ledger.spentBetween(fromMs, nowMs)));
  return {
    data: {
      label: `${key.slice(0, 11)}...${key.slice(-3)}`,
      limit: null,
      limit_reset: null,
      limit_remaining: null,
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
      rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
    },
  };
}
