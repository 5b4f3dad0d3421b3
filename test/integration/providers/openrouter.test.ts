import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { createSimClock, createSimulatedSpendModel } from '../../../main/simulator/index';
import { FaultSpecError } from '../../../main/simulator/fault-grammar';
import {
  DEMO_OPENROUTER_INFERENCE_KEY,
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  startOpenRouterSimulator,
  type OpenRouterSimulator,
} from '../../../main/simulator/openrouter/index';
import { createOpenRouterApi, openRouterKeyKind } from '../../../main/services/providers/openrouter-client';
import { OpenRouterCreditsSchema } from '../../../main/services/providers/openrouter-schemas';
import { classify, fetchReturning, rejection } from './classify';

const NOW = Date.UTC(2026, 10, 24, 15, 20);
const SEED = 11;
const HISTORY_DAYS = 60;
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/openrouter/${name}`, import.meta.url), 'utf8'));

const clock = createSimClock({ startMs: NOW, speed: 0 });
let sim: OpenRouterSimulator;
beforeAll(async () => {
  sim = await startOpenRouterSimulator({ seed: SEED, clock, historyDays: HISTORY_DAYS });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setFaults(null);
  clock.set(NOW);
});

const api = (apiKey = DEMO_OPENROUTER_MANAGEMENT_KEY, timeoutMs?: number) =>
  createOpenRouterApi({ apiKey, baseURL: sim.baseUrl, ...(timeoutMs ? { timeoutMs } : {}) });
const raw = async (path: string, key: string | null) => {
  const res = await fetch(
    `${sim.baseUrl}${path}`,
    key ? { headers: { authorization: `Bearer ${key}` } } : {},
  );
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};

describe('documented examples', () => {
  it('the documented /credits example parses into credits − usage', async () => {
    expect(OpenRouterCreditsSchema.safeParse(fixture('credits.json')).success).toBe(true);
    const client = createOpenRouterApi({
      apiKey: 'sk-or-v1-x',
      fetch: fetchReturning(fixture('credits.json')),
    });
    expect(await client.balances()).toEqual([
      {
        currency: 'USD',
        balanceMicros: 74_750_000,
        creditsMicros: 100_500_000,
        usageMicros: 25_750_000,
        grantedMicros: null,
        toppedUpMicros: null,
      },
    ]);
  });

  it('the simulator answers /key with every documented field, and the documented error bodies', async () => {
    const documented = fixture('key.json') as { data: Record<string, unknown> };
    const served = await raw('/key', DEMO_OPENROUTER_INFERENCE_KEY);
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.data as object).sort()).toEqual(Object.keys(documented.data).sort());
    expect((await raw('/credits', null)).body).toEqual(fixture('error-401.json'));
    expect((await raw('/credits', DEMO_OPENROUTER_INFERENCE_KEY)).body).toEqual(fixture('error-403.json'));
    sim.setFaults('402x1');
    expect((await raw('/credits', DEMO_OPENROUTER_MANAGEMENT_KEY)).body).toEqual(fixture('error-402.json'));
  });
});

describe('readings against the ground truth', () => {
  it('one request per reading, equal to balanceAt(now) to the micro-dollar', async () => {
    const before = sim.requests.length;
    const [reading] = await api().balances();
    expect(sim.requests.length - before).toBe(1);
    expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/credits', status: 200 });
    const truth = sim.balanceAt(NOW);
    expect(reading).toEqual({
      currency: 'USD',
      balanceMicros: truth.balanceMicros,
      creditsMicros: truth.creditsMicros,
      usageMicros: truth.usageMicros,
      grantedMicros: null,
      toppedUpMicros: null,
    });
    expect(truth.usageMicros).toBeGreaterThan(0);
    expect(truth.balanceMicros).toBeGreaterThan(0);
  });

  it('spend is the OpenAI simulator’s ground truth for the same seed', () => {
    const openai = createSimulatedSpendModel({ seed: SEED, historyDays: HISTORY_DAYS }, NOW);
    expect(sim.spentBetween(NOW - 7 * DAY_MS, NOW)).toBe(openai.costMicros(NOW - 7 * DAY_MS, NOW));
  });

  it('a day later, usage has grown by exactly spentBetween and credits by the top-ups in between', async () => {
    const client = api();
    const [first] = await client.balances();
    clock.advance(DAY_MS);
    const [second] = await client.balances();
    expect(second!.usageMicros! - first!.usageMicros!).toBe(sim.spentBetween(NOW, NOW + DAY_MS));
    const added = sim
      .topUps(NOW + DAY_MS)
      .filter((t) => t.atMs > NOW)
      .reduce((s, t) => s + t.amountMicros, 0);
    expect(second!.creditsMicros! - first!.creditsMicros!).toBe(added);
  });

  it('an automatic top-up shows as a rise in the balance and in the credits', async () => {
    const topUps = sim.topUps(NOW);
    expect(topUps[0]).toMatchObject({ kind: 'purchase', atMs: sim.ledger.historyStartMs });
    const auto = topUps.filter((t) => t.kind === 'auto-top-up');
    expect(auto.length).toBeGreaterThan(0);
    const last = auto.at(-1)!;
    const client = api();
    clock.set(last.atMs - HOUR_MS);
    const [before] = await client.balances();
    clock.set(last.atMs + MINUTE_MS);
    const [after] = await client.balances();
    expect(after!.balanceMicros).toBeGreaterThan(before!.balanceMicros);
    expect(after!.creditsMicros! - before!.creditsMicros!).toBe(last.amountMicros);
  });

  it('the balance never runs out over the whole history', () => {
    for (let t = sim.ledger.historyStartMs; t <= NOW; t += 6 * HOUR_MS) {
      expect(sim.balanceAt(t).balanceMicros).toBeGreaterThan(0);
    }
  });

  it('/key reports the key’s usage; a management key has none', async () => {
    const inference = await raw('/key', DEMO_OPENROUTER_INFERENCE_KEY);
    expect(inference.body.data).toMatchObject({
      is_management_key: false,
      usage: sim.balanceAt(NOW).usageMicros / 1e6,
    });
    const management = await raw('/key', DEMO_OPENROUTER_MANAGEMENT_KEY);
    expect(management.body.data).toMatchObject({ is_management_key: true, usage: 0 });
  });
});

describe('failures reach the user as the right kind', () => {
  const kindOf = async (client = api()) =>
    classify(await rejection(client.balances()), client.keyKind, NOW, client.provider);

  it('keys: an sk-or-v1- key is taken as a possible management key', () => {
    expect(openRouterKeyKind(DEMO_OPENROUTER_INFERENCE_KEY)).toBe('admin');
    expect(openRouterKeyKind('sk-proj-abc')).toBe('other');
  });

  it('an unknown key → invalid-key', async () => {
    expect((await kindOf(api(`sk-or-v1-${'9'.repeat(64)}`))).kind).toBe('invalid-key');
  });

  it('an inference (non-management) key → the wrong kind of key, with where to create a management key', async () => {
    const error = await kindOf(api(DEMO_OPENROUTER_INFERENCE_KEY));
    expect(error).toMatchObject({ kind: 'project-key', status: 403 });
    expect(error.message).toMatch(
      /needs a management key \(sk-or-v1-…\): create one at https:\/\/openrouter\.ai/,
    );
  });

  it('402 insufficient credits → out of credit', async () => {
    sim.setFaults('402');
    expect(await kindOf()).toMatchObject({ kind: 'spend-limit', status: 402 });
    expect((await kindOf()).message).toContain('Insufficient credits');
  });

  it('429 with Retry-After → rate-limited, retrying when it asked', async () => {
    sim.setFaults('429:retry-after=120');
    const error = await kindOf();
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAtMs: NOW + 120_000 });
    expect(sim.requests.at(-1)!.status).toBe(429);
  });

  it.each(['500', '502', '503'])('%s → server', async (status) => {
    sim.setFaults(status);
    expect(await kindOf()).toMatchObject({ kind: 'server', status: Number(status) });
  });

  it('a closed port → network', async () => {
    const gone = await startOpenRouterSimulator({ clock, historyDays: 1 });
    await gone.close();
    const client = createOpenRouterApi({ apiKey: DEMO_OPENROUTER_MANAGEMENT_KEY, baseURL: gone.baseUrl });
    expect(await kindOf(client)).toMatchObject({ kind: 'network' });
  });

  it('a hang → timeout', async () => {
    sim.setFaults('hang');
    expect((await kindOf(api(DEMO_OPENROUTER_MANAGEMENT_KEY, 200))).kind).toBe('timeout');
  });

  it.each([
    ['html', /HTML page/],
    ['malformed', /could not read/],
    ["bad-amount:'12,30'", /data\.total_credits/],
    ['bad-amount:abc', /data\.total_credits/],
  ])('%s → malformed', async (fault, words) => {
    sim.setFaults(fault);
    const error = await kindOf();
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(words);
  });

  it('unknown-currency does not apply: OpenRouter names no currency', () => {
    expect(() => sim.setFaults('unknown-currency')).toThrow(FaultSpecError);
  });
});
