/**
 * Every provider's steady-state poll against its loopback simulator (real adapters, real HTTP, real
 * files, the money service giving each snapshot its balance and forecast, as in the app): requests per
 * poll, bytes written per poll, and poll latency over a day of 5-minute polls.
 * Goals (issue "Beyond OpenAI"): at most 3 requests per poll; bytes within the 64 KB per-poll budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROVIDER_IDS, type ProviderId } from '@core/providers';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import { MINUTE_MS } from '@core/time';
import { createMoneyService } from '../../main/services/money';
import { createProviderApi } from '../../main/services/providers/create-provider-api';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createSyncEngine } from '../../main/services/sync';
import { createSimClock } from '../../main/simulator/index';
import { startProviderSimulator } from '../../main/simulator/start-provider';

const START_MS = Date.UTC(2025, 10, 24, 9, 2, 0);
// Anthropic's Analytics API reaches back to 2026-01-01 only; from this instant Anthropic is read through it.
const ANALYTICS_START_MS = Date.UTC(2026, 11, 7, 9, 2, 0);
const POLLS = 288;
const POLL_MS = 5 * MINUTE_MS;
const ORG_ID = 'org_benchprov01';
const BUDGET_BYTES = 64 * 1024;
const SHAPE = { projects: 20, models: 5, lineItemsPerModel: 6, dailyUsd: 400 };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export async function benchProvider(
  provider: ProviderId,
  opts: { refuseKeyGroupingBeforeMs?: number; startMs?: number } = {},
): Promise<Record<string, unknown>> {
  const { startMs = START_MS, ...simOpts } = opts;
  const clock = createSimClock({ startMs, speed: 0 });
  const sim = await startProviderSimulator(provider, {
    seed: 11,
    historyDays: 100,
    clock,
    shape: SHAPE,
    ...simOpts,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-bench-prov-'));
  try {
    const settings = await openSettingsStore(dataDir);
    const org: Org = {
      id: ORG_ID,
      name: provider,
      kind: 'live',
      provider,
      baseUrl: sim.baseUrl,
      createdAtMs: startMs,
    };
    await settings.update((s) => ({ ...s, orgs: [org] }));
    const nowMs = () => clock.nowMs();
    const money = createMoneyService({
      ledgers: createLedgerStore(dataDir, { nowMs }),
      history: (id) => engine.history(id),
      nowMs,
      orgOf: (id) => settings.get().orgs.find((o) => o.id === id) ?? null,
    });
    const engine = createSyncEngine({
      dataDir,
      settings,
      nowMs,
      random: createRandom(1),
      backfillDays: 30,
      snapshotExtras: (id, at) => money.snapshotExtras(id, at),
      clientFor: async (o) => createProviderApi(o.provider, { apiKey: sim.apiKey, baseURL: o.baseUrl }),
    });
    const first = await engine.syncOrg(ORG_ID);
    if (first.state !== 'ok') throw new Error(`${provider}: first sync failed: ${first.lastError?.message}`);
    const firstConnectRequests = sim.requests.length;
    engine.meter.reset();
    const requests: number[] = [];
    const bytes: number[] = [];
    const latencyMs: number[] = [];
    for (let i = 0; i < POLLS; i++) {
      clock.advance(POLL_MS);
      const mark = sim.requests.length;
      const before = engine.meter.totals().bytes;
      const t0 = performance.now();
      const s = await engine.syncOrg(ORG_ID);
      latencyMs.push(performance.now() - t0);
      if (s.state !== 'ok') throw new Error(`${provider}: poll failed: ${s.lastError?.message}`);
      requests.push(sim.requests.length - mark);
      bytes.push(engine.meter.totals().bytes - before);
    }
    const maxRequests = Math.max(...requests);
    const meanBytes = Math.round(bytes.reduce((a, b) => a + b, 0) / POLLS);
    return {
      since: new Date(startMs).toISOString(),
      firstConnect: {
        requests: firstConnectRequests,
        note: opts.refuseKeyGroupingBeforeMs
          ? `${FIRST_CONNECT_NOTES[provider]}, plus the refused per-key window: the refusal, the window without the key, and a search for the first day the key split is served (once)`
          : FIRST_CONNECT_NOTES[provider],
      },
      polls: POLLS,
      requestsPerPoll: { max: maxRequests, mean: +(requests.reduce((a, b) => a + b, 0) / POLLS).toFixed(2) },
      bytesPerPoll: { mean: meanBytes, p95: quantile(bytes, 0.95), max: Math.max(...bytes) },
      pollLatencyMs: {
        p50: +quantile(latencyMs, 0.5).toFixed(1),
        p95: +quantile(latencyMs, 0.95).toFixed(1),
      },
      goals: { requestsAtMost3: maxRequests <= 3, bytesWithinBudget: meanBytes <= BUDGET_BYTES },
    };
  } finally {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Why a first connect may take more requests than a steady-state poll. */
const FIRST_CONNECT_NOTES: Record<ProviderId, string> = {
  openai: 'the 30-day backfill: costs, usage and projects',
  anthropic: 'the 30-day backfill',
  openrouter: 'one balance reading plus the 30-day per-model history from /activity (once)',
  deepseek: 'one balance reading',
};

export async function bench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {
    method: `${POLLS} steady-state polls at 5-minute steps after a 30-day first sync; shape ${JSON.stringify(SHAPE)}; budget ${BUDGET_BYTES} bytes per poll`,
  };
  // BENCH_PROVIDERS=anthropic,anthropic-analytics runs only those (the whole run takes a while).
  const only = process.env.BENCH_PROVIDERS?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  for (const provider of PROVIDER_IDS) if (wanted(provider)) out[provider] = await benchProvider(provider);
  if (wanted('anthropic-analytics'))
    out['anthropic-analytics'] = await benchProvider('anthropic', { startMs: ANALYTICS_START_MS });
  // An org whose costs endpoint refuses the per-key grouping for windows before 10 days ago: the first
  // connect searches for the first day it is served (a few more requests, once); polls are as before.
  if (wanted('openai-key-refused'))
    out['openai (per-key grouping refused before 10 days ago)'] = await benchProvider('openai', {
      refuseKeyGroupingBeforeMs: START_MS - (START_MS % 86_400_000) - 10 * 86_400_000,
    });
  return out;
}
