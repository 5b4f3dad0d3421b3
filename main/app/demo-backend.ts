/**
 * The demo organization's "OpenAI": the built-in simulator, started on first use on a random loopback
 * port, with a fixed seed so every newcomer sees the same believable org.
 */
import type { DemoProfile } from '@core/schemas';
import type { Clock } from '@core/time';
import { DEMO_ADMIN_KEY, startSimulator, type Simulator, type SimulatorShape } from '../simulator/index';

export const DEMO_SEED = 20_261_124;

/** Each demo's simulated OpenAI: the company's busy org, and a one-project personal org silent until two days ago. */
export const DEMO_SIMULATORS: Record<
  'company' | 'personal',
  { seed: number; historyDays: number; shape?: SimulatorShape }
> = {
  // A year and more of spend, so a year's backfill (settings) has a year to fetch.
  company: { seed: DEMO_SEED, historyDays: 400 },
  personal: {
    seed: DEMO_SEED + 1,
    historyDays: 400,
    shape: { projects: 1, models: 2, lineItemsPerModel: 2, dailyUsd: 9, spendStartsDaysAgo: 2 },
  },
};

export interface DemoBackend {
  /** Base URL and key of the running simulator of a demo (starts it on first call). */
  connection(profile?: DemoProfile): Promise<{ baseUrl: string; apiKey: string }>;
  close(): Promise<void>;
}

/**
 * Creates the lazily started demo backend; `faults` uses the simulator's fault grammar. The simulator
 * follows the app's clock, so a demo started at a chosen instant serves the spend of that instant.
 */
export function createDemoBackend(opts: { faults?: string | null; clock?: Clock } = {}): DemoBackend {
  const starting = new Map<DemoProfile, Promise<Simulator>>();
  return {
    async connection(profile = 'company') {
      let sim = starting.get(profile);
      if (!sim) {
        if (profile !== 'company' && profile !== 'personal')
          throw new Error(`no demo simulator for ${profile}`);
        const { seed, shape, historyDays } = DEMO_SIMULATORS[profile];
        sim = startSimulator({ seed, shape, historyDays, faults: opts.faults ?? null, clock: opts.clock });
        starting.set(profile, sim);
      }
      return { baseUrl: (await sim).baseUrl, apiKey: DEMO_ADMIN_KEY };
    },
    async close() {
      for (const sim of starting.values()) await (await sim).close();
    },
  };
}
