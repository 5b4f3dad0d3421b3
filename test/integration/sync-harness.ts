/**
 * Test harness: a simulator on loopback with a frozen clock, a temp data dir, a settings store with one org,
 * and a sync engine whose client talks to the simulator through the official SDK.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import {
  createSimClock,
  DEMO_ADMIN_KEY,
  startSimulator,
  type AdjustableSimClock,
  type Simulator,
  type SimulatorOptions,
} from '../../main/simulator/index';
import { createAdminApi } from '../../main/services/openai-client';
import { openSettingsStore, type SettingsStore } from '../../main/services/stores/settings-store';
import { createSyncEngine, type SyncEngineDeps, type SyncEngineTools } from '../../main/services/sync';

export const ORG_ID = 'org_testsync01';
/** A Tuesday mid-morning: a day with normal spend, away from month edges. */
export const START_MS = Date.UTC(2026, 2, 10, 10, 7, 0);

export interface Harness {
  sim: Simulator;
  clock: AdjustableSimClock;
  settings: SettingsStore;
  engine: SyncEngineTools;
  dataDir: string;
  /** Requests the simulator received since `mark()`. */
  since(mark: number): Simulator['requests'];
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    sim?: Omit<SimulatorOptions, 'clock'>;
    apiKey?: string;
    timeoutMs?: number;
    engine?: Partial<SyncEngineDeps>;
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const clock = createSimClock({ startMs: START_MS, speed: 0 });
  const sim = await startSimulator({ seed: 7, historyDays: 120, ...opts.sim, clock });
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'cw-sync-')));
  const settings = await openSettingsStore(dataDir);
  const org: Org = {
    id: ORG_ID,
    name: 'Test org',
    kind: 'live',
    provider: 'openai',
    baseUrl: sim.baseUrl,
    createdAtMs: START_MS,
  };
  if (!settings.get().orgs.some((o) => o.id === ORG_ID))
    await settings.update((s) => ({ ...s, orgs: [org], selectedOrgId: org.id }));
  const engine = createSyncEngine({
    dataDir,
    settings,
    nowMs: () => clock.nowMs(),
    random: createRandom(1),
    clientFor: async (o) =>
      createAdminApi({
        apiKey: opts.apiKey ?? DEMO_ADMIN_KEY,
        baseURL: o.baseUrl,
        timeoutMs: opts.timeoutMs ?? 5_000,
      }),
    ...opts.engine,
  });
  return {
    sim,
    clock,
    settings,
    engine,
    dataDir,
    since: (mark) => sim.requests.slice(mark),
    async close() {
      await sim.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
