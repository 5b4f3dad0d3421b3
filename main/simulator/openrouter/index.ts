/**
 * A faithful local OpenRouter API for the balance endpoints Creditwatch reads, driven by the same spend
 * model as the OpenAI simulator. Base URL `http://127.0.0.1:PORT/api/v1`, like https://openrouter.ai/api/v1.
 *
 * Verified against OpenRouter's documentation (2026-12-02) and the official client `@openrouter/sdk` 1.3.19,
 * which parses every answer in `test/integration/conformance/openrouter.test.ts`:
 * - GET /api/v1/activity → `{"data":[{date "YYYY-MM-DD", model, model_permaslug, endpoint_id, provider_name,
 *   usage (USD), byok_usage_inference, requests, prompt_tokens, completion_tokens, reasoning_tokens}]}` for
 *   the last 30 completed UTC days; management key required.
 *   https://openrouter.ai/docs/api/api-reference/analytics/get-user-activity
 * - GET /api/v1/credits → `{"data":{"total_credits": number, "total_usage": number}}` (USD, JSON numbers),
 *   "Get total credits purchased and used for the authenticated user. Management key required."; its
 *   errors 401, 403, 500. https://openrouter.ai/docs/api/api-reference/credits/get-credits
 *   (balance = total_credits − total_usage; the docs name no balance field).
 * - A non-management key on a management endpoint: 403 `{"error":{"code":403,"message":"Only management
 *   keys can perform this operation"}}`; no key: 401 "Missing Authentication header".
 *   https://openrouter.ai/docs/client-sdks/python/errors/forbiddenresponseerror.md, …/unauthorizedresponseerror.md
 * - Management keys cannot call completions; they are created at https://openrouter.ai/settings/management-keys
 *   and look like any other key (`sk-or-v1-…`). https://openrouter.ai/docs/guides/overview/auth/management-api-keys
 * - GET /api/v1/key → `{"data":{label, limit, limit_reset, limit_remaining, include_byok_in_limit, usage,
 *   usage_daily, usage_weekly (from Monday, UTC), usage_monthly, byok_usage…, is_free_tier,
 *   is_management_key, is_provisioning_key, rate_limit (deprecated)}}`. https://openrouter.ai/docs/limits,
 *   https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key
 * - Errors `{"error":{"code": number, "message": string, "metadata"?: {...}}}` with the HTTP status equal to
 *   `code`: 400, 401, 402 (insufficient credits), 403, 408, 429, 502, 503; Retry-After may come with 429.
 *   https://openrouter.ai/docs/api/reference/errors-and-debugging, https://openrouter.ai/docs/api/errors
 * Not in the docs: the 401 for an unknown key says "User not found." (as the live API answers).
 *
 * Usage: `const sim = await startOpenRouterSimulator({ seed: 7, clock });` then
 * `createOpenRouterApi({ apiKey: DEMO_OPENROUTER_MANAGEMENT_KEY, baseURL: sim.baseUrl })`.
 */
import { parseBalanceFaults } from '../balance/faults';
import { FaultSpecError } from '../fault-grammar';
import type { BalanceProvider } from '../balance/http';
import {
  startBalanceSimulator,
  type BalanceSimulator,
  type BalanceSimulatorOptions,
} from '../balance/simulator';
import {
  activityBody,
  creditsBody,
  keyBody,
  openRouterError,
  openRouterErrorFor,
  type SimKeyLimit,
} from './responses';

/** A management key the simulator accepts; safe to show, it opens nothing real. */
export const DEMO_OPENROUTER_MANAGEMENT_KEY = `sk-or-v1-${'c0de'.repeat(16)}`;
/** An inference (ordinary) key the simulator accepts: it may read /key but not /credits. */
export const DEMO_OPENROUTER_INFERENCE_KEY = `sk-or-v1-${'1f0e'.repeat(16)}`;

export interface OpenRouterSimulatorOptions extends BalanceSimulatorOptions {
  /** Accepted management keys; default [DEMO_OPENROUTER_MANAGEMENT_KEY]. */
  managementKeys?: string[];
  /** Accepted inference keys; default [DEMO_OPENROUTER_INFERENCE_KEY]. */
  inferenceKeys?: string[];
  /** A credit limit on every accepted key, as GET /api/v1/key reports it; default none (`limit: null`). */
  keyLimit?: SimKeyLimit | null;
}

export interface OpenRouterSimulator extends BalanceSimulator {
  /** What /credits reports at `ms`, in micro-dollars (balance = credits − usage). */
  balanceAt(ms: number): { creditsMicros: number; usageMicros: number; balanceMicros: number };
}

function checkFaults(spec: string | null): void {
  if (parseBalanceFaults(spec).some((r) => r.action.kind === 'unknown-currency'))
    throw new FaultSpecError('unknown-currency: OpenRouter reports USD only and names no currency');
}

/** Starts the OpenRouter simulator on 127.0.0.1 (only). */
export async function startOpenRouterSimulator(
  opts: OpenRouterSimulatorOptions = {},
): Promise<OpenRouterSimulator> {
  const management = new Set(opts.managementKeys ?? [DEMO_OPENROUTER_MANAGEMENT_KEY]);
  const inference = new Set(opts.inferenceKeys ?? [DEMO_OPENROUTER_INFERENCE_KEY]);
  const sim = await startBalanceSimulator(opts, {
    currency: 'USD',
    grantMicros: 0,
    basePath: '/api/v1',
    checkFaults,
    provider: (ledger, model): BalanceProvider => ({
      routes: {
        '/api/v1/credits': (now) => creditsBody(ledger, now),
        '/api/v1/activity': (now) => activityBody(model, now),
        '/api/v1/key': (now, key) => keyBody(ledger, now, key, management.has(key), opts.keyLimit ?? null),
      },
      authorize(key, path) {
        if (key === null) return openRouterError(401, 'Missing Authentication header');
        if (!management.has(key) && !inference.has(key)) return openRouterError(401, 'User not found.');
        const isManagementOnly = path === '/api/v1/credits' || path === '/api/v1/activity';
        if (isManagementOnly && !management.has(key)) return openRouterErrorFor(403);
        return null;
      },
      errorFor: openRouterErrorFor,
      notFound: (method, path) => openRouterError(404, `Not Found: ${method} ${path}`),
      corrupt(body, fault) {
        const b = body as { data: Record<string, unknown> };
        return fault.kind === 'bad-amount' ? { data: { ...b.data, total_credits: fault.text } } : body;
      },
    }),
  });
  return {
    ...sim,
    balanceAt(ms) {
      const creditsMicros = sim.ledger.creditsTo(ms);
      const usageMicros = sim.ledger.spentTo(ms);
      return { creditsMicros, usageMicros, balanceMicros: creditsMicros - usageMicros };
    },
  };
}
