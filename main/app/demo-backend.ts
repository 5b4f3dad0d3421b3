/**
 * The demo organization's "OpenAI": the built-in simulator, started on first use on a random loopback
 * port, with a fixed seed so every newcomer sees the same believable org.
 */
import type { Clock } from '@core/time';
import { DEMO_ADMIN_KEY, startSimulator, type Simulator } from '../simulator/index';

export const DEMO_SEED = 20_261_124;

export interface DemoBackend {
  /** Base URL and key of the running simulator (starts it on first call). */
  connection(): Promise<{ baseUrl: string; apiKey: string }>;
  close(): Promise<void>;
}

/**
 * Creates the lazily started demo backend; `faults` uses the simulator's fault grammar. The simulator
 * follows the app's clock, so a demo started at a chosen instant serves the spend of that instant.
 */
export function createDemoBackend(opts: { faults?: string | null; clock?: Clock } = {}): DemoBackend {
  let starting: Promise<Simulator> | null = null;
  return {
    async connection() {
      starting ??= startSimulator({ seed: DEMO_SEED, faults: opts.faults ?? null, clock: opts.clock });
      const sim = await starting;
      return { baseUrl: sim.baseUrl, apiKey: DEMO_ADMIN_KEY };
    },
    async close() {
      if (starting) await (await starting).close();
    },
  };
}
