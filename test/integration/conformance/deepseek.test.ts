/**
 * DeepSeek's API is OpenAI-compatible and has no SDK of its own: the official `openai` SDK (7.57.0, default
 * options but the base URL, the key and no retries) reads our DeepSeek simulator's /user/balance through its
 * generic `client.get`, our schema accepts the answer, and each error Creditwatch handles arrives as the
 * SDK's error class with its status.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeepSeekBalanceSchema } from '../../../main/services/providers/deepseek-schemas';
import { createSimClock } from '../../../main/simulator/index';
import {
  DEMO_DEEPSEEK_KEY,
  startDeepSeekSimulator,
  type DeepSeekSimulator,
} from '../../../main/simulator/deepseek/index';

const NOW = Date.UTC(2026, 11, 7, 10, 7);
let sim: DeepSeekSimulator;
const sdk = (apiKey = DEMO_DEEPSEEK_KEY) => new OpenAI({ apiKey, baseURL: sim.baseUrl, maxRetries: 0 });

beforeAll(async () => {
  sim = await startDeepSeekSimulator({
    seed: 8,
    currency: 'CNY',
    historyDays: 30,
    clock: createSimClock({ startMs: NOW, speed: 0 }),
  });
});
afterAll(async () => sim.close());

describe('openai SDK generic get against the DeepSeek simulator', () => {
  it('reads /user/balance, and the answer passes our schema exactly', async () => {
    const body = await sdk().get('/user/balance');
    const parsed = DeepSeekBalanceSchema.parse(body);
    expect(parsed.balance_infos?.[0]?.currency).toBe('CNY');
    expect(parsed.balance_infos?.[0]?.total_balance).toBe(sim.balanceAt(NOW).totalMicros);
  });

  it.each([
    [401, OpenAI.AuthenticationError, null],
    [402, OpenAI.APIError, '402x1'],
    [429, OpenAI.RateLimitError, '429x1'],
    [500, OpenAI.InternalServerError, '500x1'],
    [503, OpenAI.InternalServerError, '503x1'],
  ] as const)('%i', async (code, kind, fault) => {
    sim.setFaults(fault);
    const client = code === 401 ? sdk(`sk-${'0'.repeat(32)}`) : sdk();
    const err = await client.get('/user/balance').then(
      () => null,
      (e: unknown) => e,
    );
    sim.setFaults(null);
    expect(err).toBeInstanceOf(kind);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(code);
  });
});
