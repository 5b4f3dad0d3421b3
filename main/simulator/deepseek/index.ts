/**
 * A faithful local DeepSeek API for its balance endpoint, driven by the same spend model as the OpenAI
 * simulator. Base URL `http://127.0.0.1:PORT`, like https://api.deepseek.com.
 *
 * Verified against DeepSeek's documentation (2026-12-02) — which marks every balance field optional — and
 * read through the official `openai` SDK 7.57.0's generic `client.get` (DeepSeek's API is OpenAI-compatible)
 * in `test/integration/conformance/deepseek.test.ts`:
 * - GET /user/balance with `Authorization: Bearer <API key>` → `{"is_available": bool, "balance_infos":
 *   [{"currency": "CNY" | "USD", "total_balance": "110.00", "granted_balance": "10.00",
 *   "topped_up_balance": "100.00"}]}` — amounts are decimal STRINGS; is_available: "whether the account has
 *   balance for API calls". https://api-docs.deepseek.com/api/get-user-balance (also /zh-cn/…)
 * - Error codes 400 Invalid Format, 401 Authentication Fails, 402 Insufficient Balance, 422 Invalid
 *   Parameters, 429 Rate Limit Reached, 500 Server Error, 503 Server Overloaded.
 *   https://api-docs.deepseek.com/quick_start/error_codes
 * Not in the docs: the error BODY shape. The live API answers OpenAI-style, e.g. 401
 * `{"error":{"message":"Authentication Fails, Your api key: ****abcd is invalid","type":"authentication_error",
 * "param":null,"code":"invalid_request_error"}}`; the simulator uses that shape for every error. Keys are
 * `sk-` + 32 hex digits (the shape `providerOfKey` recognises). The docs say nothing of Retry-After; the
 * 429 fault sends it so the client's handling of it can be tested.
 *
 * Simulation choices: amounts are shown with two decimals, as in the example; a CNY account spends the
 * OpenAI spend model's dollars at 7.2 CNY per USD (`usdMicrosToCny`); a granted (free) 10.00 is spent first.
 */
import type { BalanceProvider } from '../balance/http';
import { usdMicrosToCny } from '../balance/ledger';
import {
  startBalanceSimulator,
  type BalanceSimulator,
  type BalanceSimulatorOptions,
} from '../balance/simulator';
import {
  balanceBody,
  deepSeekError,
  deepSeekErrorFor,
  readingAt,
  unknownKeyError,
  type DeepSeekReading,
} from './responses';

export type { DeepSeekReading } from './responses';

/** A key the simulator accepts; safe to show, it opens nothing real. */
export const DEMO_DEEPSEEK_KEY = `sk-${'5eed'.repeat(8)}`;

export interface DeepSeekSimulatorOptions extends BalanceSimulatorOptions {
  /** The account's currency; default 'CNY'. */
  currency?: 'CNY' | 'USD';
  /** Accepted keys; default [DEMO_DEEPSEEK_KEY]. */
  apiKeys?: string[];
}

export interface DeepSeekSimulator extends BalanceSimulator {
  currency: 'CNY' | 'USD';
  /** What /user/balance reports at `ms` (micro-units, each part rounded to the cent shown). */
  balanceAt(ms: number): DeepSeekReading;
}

const GRANT_MICROS = 10_000_000;

/** Starts the DeepSeek simulator on 127.0.0.1 (only). */
export async function startDeepSeekSimulator(
  opts: DeepSeekSimulatorOptions = {},
): Promise<DeepSeekSimulator> {
  const currency = opts.currency ?? 'CNY';
  const keys = new Set(opts.apiKeys ?? [DEMO_DEEPSEEK_KEY]);
  const sim = await startBalanceSimulator(opts, {
    currency,
    ...(currency === 'CNY' ? { toAccountMicros: usdMicrosToCny } : {}),
    grantMicros: GRANT_MICROS,
    basePath: '',
    provider: (ledger): BalanceProvider => ({
      routes: { '/user/balance': (now) => balanceBody(readingAt(ledger, now)) },
      authorize(key) {
        if (key === null)
          return deepSeekError(
            401,
            'Authentication Fails (auth header format should be Bearer sk-...)',
            'authentication_error',
          );
        return keys.has(key) ? null : unknownKeyError(key);
      },
      errorFor: deepSeekErrorFor,
      notFound: (method, path) => deepSeekError(404, `Not Found: ${method} ${path}`, 'invalid_request_error'),
      corrupt(body, fault) {
        const b = body as ReturnType<typeof balanceBody>;
        const [info, ...rest] = b.balance_infos;
        const changed =
          fault.kind === 'bad-amount'
            ? { ...info!, total_balance: fault.text }
            : { ...info!, currency: fault.code };
        return { ...b, balance_infos: [changed, ...rest] };
      },
    }),
  });
  return { ...sim, currency, balanceAt: (ms) => readingAt(sim.ledger, ms) };
}
