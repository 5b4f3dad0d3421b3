/**
 * DeepSeek's answers: the balance as decimal strings with two decimals (as in the documented example
 * "110.00"), and errors in the OpenAI-compatible shape `{"error":{message, type, param, code}}`.
 */
import type { SimAnswer } from '../balance/http';
import type { CreditLedger } from '../balance/ledger';

/** The balance the API reports, in micro-units, each part rounded to the cent it shows. */
export interface DeepSeekReading {
  currency: string;
  totalMicros: number;
  grantedMicros: number;
  toppedUpMicros: number;
}

/** Micro-units rounded half up to whole cents. Example: 1_234_999 → 1_230_000; 1_235_000 → 1_240_000. */
export function toCentMicros(micros: number): number {
  return Math.sign(micros) * Math.round(Math.abs(micros) / 10_000) * 10_000;
}

/** Micro-units (already whole cents) as DeepSeek's string. Example: 110_000_000 → "110.00". */
export function centsText(micros: number): string {
  const cents = Math.round(micros / 10_000);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What /user/balance reports at `nowMs`: the grant is spent first, so granted = what is left of it and
 * topped-up = the rest. Parts are rounded to cents separately; the total is their sum.
 */
export function readingAt(ledger: CreditLedger, nowMs: number): DeepSeekReading {
  const exactTotal = ledger.balanceAt(nowMs);
  const grantedMicros = toCentMicros(Math.min(ledger.grantLeftAt(nowMs), Math.max(0, exactTotal)));
  const toppedUpMicros = toCentMicros(exactTotal) - grantedMicros;
  return {
    currency: ledger.currency,
    totalMicros: grantedMicros + toppedUpMicros,
    grantedMicros,
    toppedUpMicros,
  };
}

/** GET /user/balance. */
export function balanceBody(r: DeepSeekReading) {
  return {
    is_available: r.totalMicros > 0,
    balance_infos: [
      {
        currency: r.currency,
        total_balance: centsText(r.totalMicros),
        granted_balance: centsText(r.grantedMicros),
        topped_up_balance: centsText(r.toppedUpMicros),
      },
    ],
  };
}

/** An error answer in DeepSeek's shape. */
export function deepSeekError(
  status: number,
  message: string,
  type: string,
  headers?: Record<string, string>,
): SimAnswer {
  return {
    status,
    body: { error: { message, type, param: null, code: 'invalid_request_error' } },
    ...(headers ? { headers } : {}),
  };
}

/** Messages are the documented error titles (https://api-docs.deepseek.com/quick_start/error_codes). */
const ERRORS: Record<number, [string, string]> = {
  400: ['Invalid Format', 'invalid_request_error'],
  401: ['Authentication Fails (no such user)', 'authentication_error'],
  402: ['Insufficient Balance', 'unknown_error'],
  422: ['Invalid Parameters', 'invalid_request_error'],
  429: ['Rate Limit Reached', 'rate_limit_error'],
  500: ['Server Error', 'server_error'],
  503: ['Server Overloaded', 'server_error'],
};

/** The error answer for an HTTP status; 429 carries `Retry-After`. */
export function deepSeekErrorFor(status: number, retryAfterSec?: number): SimAnswer {
  const [message, type] = ERRORS[status] ?? ['Server Error', 'server_error'];
  const headers = status === 429 ? { 'retry-after': String(retryAfterSec ?? 1) } : undefined;
  return deepSeekError(status, message, type, headers);
}

/** The 401 for a key DeepSeek does not know, masking all but its last four characters. */
export function unknownKeyError(key: string): SimAnswer {
  return deepSeekError(
    401,
    `Authentication Fails, Your api key: ****${key.slice(-4)} is invalid`,
    'authentication_error',
  );
}
