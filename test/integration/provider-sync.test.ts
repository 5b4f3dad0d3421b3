/**
 * The sync engine over every provider's simulator on loopback: the steady-state poll's requests, the
 * bytes it writes, and the figures it stores against each simulator's ground truth.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderId } from '@core/providers';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import { costDayTotal } from '@core/sync-data';
import { DAY_MS, MINUTE_MS, startOfUtcDay } from '@core/time';
import { createMoneyService } from '../../main/services/money';
import { createProviderApi } from '../../main/services/providers/create-provider-api';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createSyncEngine, type SyncEngineTools } from '../../main/services/sync';
import { ANTHROPIC_DEMO_ADMIN_KEY, startAnthropicSimulator } from '../../main/simulator/anthropic/index';
import { DEMO_DEEPSEEK_KEY, startDeepSeekSimulator } from '../../main/simulator/deepseek/index';
import {
  createSimClock,
  DEMO_ADMIN_KEY,
  startSimulator,
  type AdjustableSimClock,
} from '../../main/simulator/index';
import {
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  startOpenRouterSimulator,
} from '../../main/simulator/openrouter/index';
import type { RequestLogEntry } from '../../main/simulator/server';

const START_MS = Date.UTC(2026, 2, 10, 10, 7, 0);
const ORG_ID = 'org_provider01';
const POLLS = 36;
/** The disk-write budget of a steady-state poll (the OpenAI org's, see sync-budget.test.ts). */
const WRITE_BUDGET_BYTES = 64 * 1024;

interface Running {
  baseUrl: string;
  apiKey: string;
  requests: ReadonlyArray<RequestLogEntry>;
  close(): Promise<void>;
}

async function startFor(provider: ProviderId, clock: AdjustableSimClock) {
  const common = { seed: 5, historyDays: 60, clock };
  switch (provider) {
    case 'openai':
      return { ...(await startSimulator(common)), apiKey: DEMO_ADMIN_KEY };
    case 'anthropic':
      return { ...(await startAnthropicSimulator(common)), apiKey: ANTHROPIC_DEMO_ADMIN_KEY };
    case 'openrouter':
      return { ...(await startOpenRouterSimulator(common)), apiKey: DEMO_OPENROUTER_MANAGEMENT_KEY };
    case 'deepseek':
      return { ...(await startDeepSeekSimulator({ ...common, currency: 'CNY' })), apiKey: DEMO_DEEPSEEK_KEY };
  }
}

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function harness(provider: ProviderId) {
  const clock = createSimClock({ startMs: START_MS, speed: 0 });
  const sim = await startFor(provider, clock);
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-provider-'));
  cleanup.push(sim.close, () => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }));
  const settings = await openSettingsStore(dataDir);
  const org: Org = {
    id: ORG_ID,
    name: `${provider} account`,
    kind: 'live',
    provider,
    baseUrl: sim.baseUrl,
    createdAtMs: START_MS,
  };
  await settings.update((s) => ({ ...s, orgs: [org], selectedOrgId: org.id }));
  const engine: SyncEngineTools = createSyncEngine({
    dataDir,
    settings,
    nowMs: () => clock.nowMs(),
    random: createRandom(1),
    backfillDays: 30,
    clientFor: async (o) => createProviderApi(o.provider, { apiKey: sim.apiKey, baseURL: o.baseUrl }),
  });
  const money = createMoneyService({
    ledgers: createLedgerStore(dataDir, { nowMs: () => clock.nowMs() }),
    history: (id) => engine.history(id),
    nowMs: () => clock.nowMs(),
    orgOf: (id) => settings.get().orgs.find((o) => o.id === id) ?? null,
  });
  return { clock, sim: sim as Running & typeof sim, engine, money };
}

describe.each(['openai', 'anthropic', 'openrouter', 'deepseek'] as const)('%s account', (provider) => {
  it('polls in at most 3 requests and writes within the budget in the steady state', async () => {
    const { clock, sim, engine } = await harness(provider);
    expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    engine.meter.reset();
    const before = sim.requests.length;
    let most = 0;
    for (let i = 0; i < POLLS; i++) {
      clock.advance(5 * MINUTE_MS);
      const mark = sim.requests.length;
      expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
      most = Math.max(most, sim.requests.length - mark);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(3);
    expect(sim.requests.length - before).toBeLessThanOrEqual(3 * POLLS);
    const { bytes } = engine.meter.totals();
    expect(bytes / POLLS).toBeLessThan(WRITE_BUDGET_BYTES);
  });
});

describe('balance accounts against the simulators', () => {
  it("OpenRouter: stored spend equals the usage the API counted, and the balance is the API's", async () => {
    const { clock, sim, engine, money } = await harness('openrouter');
    await engine.syncOrg(ORG_ID);
    const firstMs = clock.nowMs();
    for (let i = 0; i < 30; i++) {
      clock.advance(3 * 60 * MINUTE_MS + 7 * MINUTE_MS);
      expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    }
    const lastMs = clock.nowMs();
    const history = await engine.history(ORG_ID);
    // From the first reading's day: the days before it hold the activity backfill (openrouter-activity.test.ts).
    const days = await history.costDays({ startMs: startOfUtcDay(firstMs), endMs: lastMs + DAY_MS });
    const stored = days.reduce((a, d) => a + costDayTotal(d), 0);
    const truth = (
      sim as unknown as { balanceAt(ms: number): { usageMicros: number; balanceMicros: number } }
    ).balanceAt;
    // Exact: the API's usage counter is in micro-dollars (cent-free JSON numbers of the simulator).
    expect(Math.abs(stored - (truth(lastMs).usageMicros - truth(firstMs).usageMicros))).toBeLessThanOrEqual(
      1,
    );
    const view = await money.view(ORG_ID);
    expect(view.currency).toBe('USD');
    expect(view.apiBalance).toEqual({ atMs: lastMs, balanceMicros: truth(lastMs).balanceMicros });
    expect(view.balance?.estimateMicros).toBe(truth(lastMs).balanceMicros);
  });

  it("DeepSeek: money is in CNY, the balance is the API's, and top-ups are not counted as spend", async () => {
    const { clock, sim, engine, money } = await harness('deepseek');
    await engine.syncOrg(ORG_ID);
    const firstMs = clock.nowMs();
    for (let i = 0; i < 40; i++) {
      clock.advance(6 * 60 * MINUTE_MS);
      expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    }
    const lastMs = clock.nowMs();
    const ds = sim as unknown as {
      balanceAt(ms: number): { totalMicros: number; currency: string };
      spentBetween(a: number, b: number): number;
      topUps(until?: number): Array<{ atMs: number }>;
    };
    const view = await money.view(ORG_ID);
    expect(view.currency).toBe('CNY');
    expect(view.apiBalance?.balanceMicros).toBe(ds.balanceAt(lastMs).totalMicros);
    const history = await engine.history(ORG_ID);
    const days = await history.costDays({ startMs: firstMs - DAY_MS, endMs: lastMs + DAY_MS });
    const stored = days.reduce((a, d) => a + costDayTotal(d), 0);
    const truth = ds.spentBetween(firstMs, lastMs);
    const topUpsInside = ds.topUps(lastMs).filter((t) => t.atMs > firstMs).length;
    // The API shows cents; each poll rounds, and a poll holding a top-up hides that poll's spend.
    expect(truth).toBeGreaterThan(0);
    expect(stored).toBeLessThanOrEqual(truth + 41 * 10_000);
    expect(stored).toBeGreaterThan(truth * (1 - (topUpsInside + 1) / 40) - 41 * 10_000);
    const log = await history.balanceLog();
    expect(log?.topUps.length).toBe(topUpsInside);
  });

  it.each([
    ['html', 'malformed', /HTML page/],
    ['bad-amount', 'malformed', /not an amount/],
    ['unknown-currency', 'malformed', /unknown currency 'XYZ'/],
    ['429:retry-after=120', 'rate-limited', /DeepSeek is rate-limiting/],
    ['503', 'server', /DeepSeek had a server error/],
  ] as const)(
    'DeepSeek answering %s: a clear message, the previous figures kept',
    async (fault, kind, words) => {
      const { clock, sim, engine, money } = await harness('deepseek');
      await engine.syncOrg(ORG_ID);
      clock.advance(DAY_MS);
      await engine.syncOrg(ORG_ID);
      const before = await money.view(ORG_ID);
      (sim as unknown as { setFaults(spec: string): void }).setFaults(fault);
      clock.advance(DAY_MS);
      const status = await engine.syncOrg(ORG_ID, { force: true });
      expect(status.state).toBe('error');
      expect(status.lastError?.kind).toBe(kind);
      expect(status.lastError?.message).toMatch(words);
      const after = await money.view(ORG_ID);
      expect(after.apiBalance).toEqual(before.apiBalance);
      expect(after.currency).toBe('CNY');
    },
  );
});
