import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { createSimClock, createSimulatedSpendModel } from '../../../main/simulator/index';
import { usdMicrosToCny } from '../../../main/simulator/balance/ledger';
import {
  DEMO_DEEPSEEK_KEY,
  startDeepSeekSimulator,
  type DeepSeekSimulator,
} from '../../../main/simulator/deepseek/index';
import { createDeepSeekApi, deepSeekKeyKind } from '../../../main/services/providers/deepseek-client';
import { DeepSeekBalanceSchema } from '../../../main/services/providers/deepseek-schemas';
import { classify, fetchReturning, rejection } from './classify';

const NOW = Date.UTC(2026, 10, 24, 15, 20);
const SEED = 23;
const HISTORY_DAYS = 60;
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/deepseek/${name}`, import.meta.url), 'utf8'));

const clock = createSimClock({ startMs: NOW, speed: 0 });
let cny: DeepSeekSimulator;
let usd: DeepSeekSimulator;
beforeAll(async () => {
  cny = await startDeepSeekSimulator({ seed: SEED, clock, currency: 'CNY', historyDays: HISTORY_DAYS });
  usd = await startDeepSeekSimulator({ seed: SEED, clock, currency: 'USD', historyDays: HISTORY_DAYS });
});
afterAll(async () => {
  await cny.close();
  await usd.close();
});
beforeEach(() => {
  cny.setFaults(null);
  clock.set(NOW);
});

const api = (sim = cny, apiKey = DEMO_DEEPSEEK_KEY, timeoutMs?: number) =>
  createDeepSeekApi({ apiKey, baseURL: sim.baseUrl, ...(timeoutMs ? { timeoutMs } : {}) });

describe('documented example', () => {
  it('the documented /user/balance example parses exactly, amounts from strings', async () => {
    expect(DeepSeekBalanceSchema.safeParse(fixture('user-balance.json')).success).toBe(true);
    const client = createDeepSeekApi({
      apiKey: DEMO_DEEPSEEK_KEY,
      fetch: fetchReturning(fixture('user-balance.json')),
    });
    expect(client.lastAvailable).toBeNull();
    expect(await client.balances()).toEqual([
      {
        currency: 'CNY',
        balanceMicros: 110_000_000,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: 10_000_000,
        toppedUpMicros: 100_000_000,
      },
    ]);
    expect(client.lastAvailable).toBe(true);
  });

  it('the simulator answers an unknown key in the shape the live API uses', async () => {
    const res = await fetch(`${cny.baseUrl}/user/balance`, {
      headers: { authorization: 'Bearer sk-wrong-key-0000' },
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: Record<string, unknown> };
    const observed = fixture('error-401.observed.json') as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(Object.keys(observed.error).sort());
    expect(body.error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_request_error',
      param: null,
    });
    expect(body.error.message).toBe('Authentication Fails, Your api key: ****0000 is invalid');
  });
});

describe('readings against the ground truth', () => {
  it.each(['CNY', 'USD'] as const)(
    '%s: one request per reading, equal to balanceAt(now)',
    async (currency) => {
      const sim = currency === 'CNY' ? cny : usd;
      const client = api(sim);
      const before = sim.requests.length;
      const readings = await client.balances();
      expect(sim.requests.length - before).toBe(1);
      expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: '/user/balance', status: 200 });
      const truth = sim.balanceAt(NOW);
      expect(readings).toEqual([
        {
          currency,
          balanceMicros: truth.totalMicros,
          creditsMicros: null,
          usageMicros: null,
          grantedMicros: truth.grantedMicros,
          toppedUpMicros: truth.toppedUpMicros,
        },
      ]);
      expect(truth.totalMicros).toBeGreaterThan(0);
      expect(client.lastAvailable).toBe(true);
    },
  );

  it('spend is the OpenAI ground truth, in yuan at 7.2 per dollar for a CNY account', () => {
    const openai = createSimulatedSpendModel({ seed: SEED, historyDays: HISTORY_DAYS }, NOW);
    const start = openai.historyStartMs;
    const [a, b] = [NOW - 3 * DAY_MS, NOW];
    expect(usd.spentBetween(a, b)).toBe(openai.costMicros(a, b));
    const cumCny = (t: number) => usdMicrosToCny(openai.costMicros(start, t));
    expect(cny.spentBetween(a, b)).toBe(cumCny(b) - cumCny(a));
  });

  it('the free grant is spent first: granted at history start, gone by now', async () => {
    const start = cny.ledger.historyStartMs;
    expect(
      cny
        .topUps(NOW)
        .slice(0, 2)
        .map((t) => t.kind),
    ).toEqual(['grant', 'purchase']);
    clock.set(start + 10 * MINUTE_MS);
    const [early] = await api().balances();
    expect(early!.grantedMicros).toBe(cny.balanceAt(start + 10 * MINUTE_MS).grantedMicros);
    expect(early!.grantedMicros).toBeGreaterThan(0);
    expect(early!.grantedMicros! + early!.toppedUpMicros!).toBe(early!.balanceMicros);
    clock.set(NOW);
    expect((await api().balances())[0]!.grantedMicros).toBe(0);
  });

  it('a day later the balance has moved by the top-ups less the spend (to the cent shown)', async () => {
    const client = api();
    const [first] = await client.balances();
    clock.advance(DAY_MS);
    const [second] = await client.balances();
    expect(second!.balanceMicros).toBe(cny.balanceAt(NOW + DAY_MS).totalMicros);
    const added = cny
      .topUps(NOW + DAY_MS)
      .filter((t) => t.atMs > NOW)
      .reduce((s, t) => s + t.amountMicros, 0);
    const expected = added - cny.spentBetween(NOW, NOW + DAY_MS);
    // Each reading is rounded to the cent it shows: the difference is within one cent of the truth.
    expect(Math.abs(second!.balanceMicros - first!.balanceMicros - expected)).toBeLessThanOrEqual(10_000);
  });

  it('an automatic top-up shows as a rise', async () => {
    const auto = cny.topUps(NOW).filter((t) => t.kind === 'auto-top-up');
    expect(auto.length).toBeGreaterThan(0);
    const last = auto.at(-1)!;
    clock.set(last.atMs - HOUR_MS);
    const [before] = await api().balances();
    clock.set(last.atMs + MINUTE_MS);
    const [after] = await api().balances();
    expect(after!.balanceMicros).toBeGreaterThan(before!.balanceMicros);
    expect(after!.toppedUpMicros! - before!.toppedUpMicros!).toBeGreaterThan(last.amountMicros / 2);
  });
});

describe('failures reach the user as the right kind', () => {
  const kindOf = async (client = api()) =>
    classify(await rejection(client.balances()), client.keyKind, NOW, client.provider);

  it('keys: sk- and 32 hex digits is a DeepSeek key', () => {
    expect(deepSeekKeyKind(DEMO_DEEPSEEK_KEY)).toBe('admin');
    expect(deepSeekKeyKind('sk-or-v1-abc')).toBe('other');
  });

  it('an unknown key, or none → invalid-key', async () => {
    expect(await kindOf(api(cny, `sk-${'0'.repeat(32)}`))).toMatchObject({
      kind: 'invalid-key',
      status: 401,
    });
    expect(await kindOf(api(cny, ''))).toMatchObject({ kind: 'invalid-key', status: 401 });
  });

  it("402 insufficient balance → out of credit, in the provider's words too", async () => {
    cny.setFaults('402');
    const error = await kindOf();
    expect(error).toMatchObject({ kind: 'spend-limit', status: 402 });
    expect(error.message).toMatch(/^DeepSeek says the account is out of credit/);
    expect(error.message).toContain('Insufficient Balance');
  });

  it('429 with Retry-After → rate-limited, retrying when it asked', async () => {
    cny.setFaults('429:retry-after=90x1');
    expect(await kindOf()).toMatchObject({ kind: 'rate-limited', status: 429, retryAtMs: NOW + 90_000 });
    expect((await api().balances()).length).toBe(1); // the fault ran out
  });

  it.each(['500', '503'])('%s → server', async (status) => {
    cny.setFaults(status);
    expect(await kindOf()).toMatchObject({ kind: 'server', status: Number(status) });
  });

  it('a closed port → network', async () => {
    const gone = await startDeepSeekSimulator({ clock, historyDays: 1 });
    await gone.close();
    expect(
      await kindOf(createDeepSeekApi({ apiKey: DEMO_DEEPSEEK_KEY, baseURL: gone.baseUrl })),
    ).toMatchObject({
      kind: 'network',
    });
  });

  it('a hang → timeout', async () => {
    cny.setFaults('hang');
    expect((await kindOf(api(cny, DEMO_DEEPSEEK_KEY, 200))).kind).toBe('timeout');
  });

  it.each([
    ['html', /HTML page/],
    ['malformed', /could not read/],
    ["bad-amount:'12,30'", /balance_infos\.0\.total_balance: '12,30' is not an amount/],
    ['bad-amount:abc', /'abc' is not an amount/],
    ['unknown-currency:XYZ', /balance_infos\.0\.currency: unknown currency 'XYZ'/],
  ])('%s → malformed, naming what is wrong', async (fault, words) => {
    cny.setFaults(fault);
    const error = await kindOf();
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(words);
  });
});
