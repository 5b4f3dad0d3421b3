/**
 * Starts the simulator of any provider with the same options (seed, clock, history, shape, faults in that
 * simulator's own grammar), and says how to call it: the one entry the demo, the CLI, tests and
 * benchmarks use to get "an API of provider X".
 */
import type { ProviderId } from '@core/providers';
import { ANTHROPIC_DEMO_ADMIN_KEY, startAnthropicSimulator } from './anthropic/index';
import { DEMO_DEEPSEEK_KEY, startDeepSeekSimulator } from './deepseek/index';
import { DEMO_ADMIN_KEY, startSimulator, type SimulatorShape } from './index';
import { DEMO_OPENROUTER_MANAGEMENT_KEY, startOpenRouterSimulator } from './openrouter/index';
import type { RequestLogEntry } from './server';
import type { SimClock } from './sim-clock';

export interface ProviderSimulatorOptions {
  seed?: number;
  clock?: SimClock;
  historyDays?: number;
  shape?: SimulatorShape;
  /** In the provider simulator's own fault grammar (see each simulator's faults module). */
  faults?: string | null;
  port?: number;
  /** OpenAI only: refuse the per-key costs grouping for windows starting before this instant. */
  refuseKeyGroupingBeforeMs?: number | null;
  /** DeepSeek only: the account's currency (default CNY). */
  currency?: 'CNY' | 'USD';
}

export interface RunningProviderSimulator {
  provider: ProviderId;
  /** The API base URL an adapter takes. */
  baseUrl: string;
  /** A key the simulator accepts (it opens nothing real). */
  apiKey: string;
  /** A request to try by hand. */
  curlExample: string;
  requests: ReadonlyArray<RequestLogEntry>;
  close(): Promise<void>;
}

/** Starts `provider`'s simulator on 127.0.0.1. */
export async function startProviderSimulator(
  provider: ProviderId,
  opts: ProviderSimulatorOptions = {},
): Promise<RunningProviderSimulator> {
  const { currency, refuseKeyGroupingBeforeMs, ...common } = opts;
  switch (provider) {
    case 'openai': {
      const sim = await startSimulator({
        ...common,
        refuseKeyGroupingBeforeMs: refuseKeyGroupingBeforeMs ?? null,
      });
      const since = Math.floor(sim.clock.nowMs() / 1000) - 7 * 86_400;
      return {
        provider,
        baseUrl: sim.baseUrl,
        apiKey: DEMO_ADMIN_KEY,
        curlExample: `curl -H "Authorization: Bearer ${DEMO_ADMIN_KEY}" "${sim.baseUrl}/organization/costs?start_time=${since}"`,
        requests: sim.requests,
        close: sim.close,
      };
    }
    case 'anthropic': {
      const sim = await startAnthropicSimulator(common);
      const since = new Date(sim.clock.nowMs() - 7 * 86_400_000).toISOString().slice(0, 10);
      return {
        provider,
        baseUrl: sim.baseUrl,
        apiKey: ANTHROPIC_DEMO_ADMIN_KEY,
        curlExample: `curl -H "x-api-key: ${ANTHROPIC_DEMO_ADMIN_KEY}" -H "anthropic-version: 2023-06-01" -H "anthropic-beta: analytics-usage-cost-2026-08-24" "${sim.baseUrl}/v1/organizations/analytics/cost?starting_at=${since}T00:00:00Z&group_by[]=model"`,
        requests: sim.requests,
        close: sim.close,
      };
    }
    case 'openrouter': {
      const sim = await startOpenRouterSimulator(common);
      return {
        provider,
        baseUrl: sim.baseUrl,
        apiKey: DEMO_OPENROUTER_MANAGEMENT_KEY,
        curlExample: `curl -H "Authorization: Bearer ${DEMO_OPENROUTER_MANAGEMENT_KEY}" "${sim.baseUrl}/credits"`,
        requests: sim.requests,
        close: sim.close,
      };
    }
    case 'deepseek': {
      const sim = await startDeepSeekSimulator({ ...common, currency: currency ?? 'CNY' });
      return {
        provider,
        baseUrl: sim.baseUrl,
        apiKey: DEMO_DEEPSEEK_KEY,
        curlExample: `curl -H "Authorization: Bearer ${DEMO_DEEPSEEK_KEY}" "${sim.baseUrl}/user/balance"`,
        requests: sim.requests,
        close: sim.close,
      };
    }
  }
}
