/**
 * The demo accounts' "APIs": the built-in simulators (OpenAI, Anthropic, OpenRouter, DeepSeek), each
 * started on first use on a random loopback port, with a fixed seed so every newcomer sees the same
 * believable accounts. All follow the app's clock.
 */
import type { DemoProfile } from '@core/schemas';
import type { Clock } from '@core/time';
import type { SimClock } from '../simulator/sim-clock';
import type { ProviderId } from '@core/providers';
import type { SimulatorShape } from '../simulator/index';
import { startProviderSimulator, type RunningProviderSimulator } from '../simulator/start-provider';

export const DEMO_SEED = 20_261_124;

/** Each demo's simulated spend: seed, history and shape (the same spend model behind every provider). */
export const DEMO_SIMULATORS: Record<
  DemoProfile,
  { provider: ProviderId; seed: number; historyDays: number; shape?: SimulatorShape }
> = {
  // A year and more of spend, so a year's backfill (settings) has a year to fetch.
  company: { provider: 'openai', seed: DEMO_SEED, historyDays: 400 },
  personal: {
    provider: 'openai',
    seed: DEMO_SEED + 1,
    historyDays: 400,
    shape: { projects: 1, models: 2, lineItemsPerModel: 2, dailyUsd: 9, spendStartsDaysAgo: 2 },
  },
  anthropic: {
    provider: 'anthropic',
    seed: DEMO_SEED + 2,
    historyDays: 400,
    shape: { projects: 3, models: 3, dailyUsd: 14 },
  },
  openrouter: {
    provider: 'openrouter',
    seed: DEMO_SEED + 3,
    historyDays: 120,
    shape: { projects: 1, models: 2, dailyUsd: 6 },
  },
  deepseek: {
    provider: 'deepseek',
    seed: DEMO_SEED + 4,
    historyDays: 120,
    shape: { projects: 1, models: 2, dailyUsd: 3 },
  },
};

type Running = RunningProviderSimulator;

export interface DemoBackend {
  /** Base URL and key of the running simulator of a demo (starts it on first call). */
  connection(profile?: DemoProfile): Promise<{ baseUrl: string; apiKey: string }>;
  /**
   * A second simulator of the same demo on a clock the caller moves (the same ground truth, read at
   * other instants): the balance demos' history is filled by polling it in the past. Close it after use.
   */
  pastConnection(profile: DemoProfile, clock: SimClock): Promise<Running>;
  close(): Promise<void>;
}

/**
 * Creates the lazily started demo backend; `faults` (the OpenAI simulator's fault grammar) applies to
 * the OpenAI demos. A demo started at a chosen instant serves the spend of that instant.
 */
export function createDemoBackend(opts: { faults?: string | null; clock?: Clock } = {}): DemoBackend {
  const starting = new Map<DemoProfile, Promise<Running>>();
  const start = async (profile: DemoProfile, clock: SimClock | undefined = opts.clock): Promise<Running> => {
    const { provider, seed, shape, historyDays } = DEMO_SIMULATORS[profile];
    return startProviderSimulator(provider, {
      seed,
      shape,
      historyDays,
      clock,
      // The fault grammar given is the OpenAI simulator's.
      faults: provider === 'openai' ? (opts.faults ?? null) : null,
      currency: 'CNY',
    });
  };
  return {
    async connection(profile = 'company') {
      let sim = starting.get(profile);
      if (!sim) starting.set(profile, (sim = start(profile)));
      const { baseUrl, apiKey } = await sim;
      return { baseUrl, apiKey };
    },
    pastConnection: (profile, clock) => start(profile, clock),
    async close() {
      for (const sim of starting.values()) await (await sim).close();
    },
  };
}
