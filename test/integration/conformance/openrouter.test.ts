/**
 * The official `@openrouter/sdk` (1.3.19, default options but the server URL) against our OpenRouter
 * simulator: /credits, /activity and /key answer what the SDK's own schemas accept (it validates every
 * field), and every error Creditwatch handles arrives as the SDK's error with its status.
 */
import { OpenRouter } from '@openrouter/sdk';
import * as errors from '@openrouter/sdk/models/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { createSimClock } from '../../../main/simulator/index';
import {
  DEMO_OPENROUTER_INFERENCE_KEY,
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  startOpenRouterSimulator,
  type OpenRouterSimulator,
} from '../../../main/simulator/openrouter/index';

const NOW = Date.UTC(2026, 11, 7, 10, 7);
let sim: OpenRouterSimulator;
const sdk = (apiKey = DEMO_OPENROUTER_MANAGEMENT_KEY) => new OpenRouter({ apiKey, serverURL: sim.baseUrl });

beforeAll(async () => {
  sim = await startOpenRouterSimulator({
    seed: 4,
    historyDays: 60,
    clock: createSimClock({ startMs: NOW, speed: 0 }),
  });
});
afterAll(async () => sim.close());

describe('@openrouter/sdk 1.3.19 parses every answer', () => {
  it('credits', async () => {
    const { data } = await sdk().credits.getCredits();
    const truth = sim.balanceAt(NOW);
    expect(Math.round(data.totalCredits * 1e6)).toBe(truth.creditsMicros);
    expect(Math.round(data.totalUsage * 1e6)).toBe(truth.usageMicros);
  });

  it('activity: 30 completed days per model', async () => {
    const { data } = await sdk().analytics.getUserActivity();
    const days = new Set(data.map((i) => i.date));
    const today = startOfUtcDay(NOW);
    expect(days.size).toBe(30);
    expect([...days].sort()[0]).toBe(new Date(today - 30 * DAY_MS).toISOString().slice(0, 10));
    expect(data.every((i) => i.requests >= 0 && i.usage >= 0 && i.model.length > 0)).toBe(true);
  });

  it('the current key, for a management and an inference key', async () => {
    const management = await sdk().apiKeys.getCurrentKeyMetadata();
    expect(management.data.isManagementKey).toBe(true);
    const inference = await sdk(DEMO_OPENROUTER_INFERENCE_KEY).apiKeys.getCurrentKeyMetadata();
    expect(inference.data).toMatchObject({
      isManagementKey: false,
      limit: null,
      allowedDataRegions: ['global'],
    });
    expect(inference.data.usage).toBeGreaterThan(0);
  });
});

describe('@openrouter/sdk 1.3.19 raises an error with the status for every error Creditwatch handles', () => {
  const status = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(errors.OpenRouterError);
    return err as errors.OpenRouterError;
  };

  it('401 without a known key, 403 for an inference key on the management endpoints', async () => {
    expect(await status(sdk('sk-or-v1-unknown').credits.getCredits())).toBeInstanceOf(
      errors.UnauthorizedResponseError,
    );
    expect(await status(sdk(DEMO_OPENROUTER_INFERENCE_KEY).credits.getCredits())).toBeInstanceOf(
      errors.ForbiddenResponseError,
    );
    expect(await status(sdk(DEMO_OPENROUTER_INFERENCE_KEY).analytics.getUserActivity())).toBeInstanceOf(
      errors.ForbiddenResponseError,
    );
  });

  it.each([402, 429])('%i', async (code) => {
    sim.setFaults(`${code}x1`);
    const err = await status(sdk().credits.getCredits());
    sim.setFaults(null);
    expect(err.statusCode).toBe(code);
  });

  // By default the SDK retries 5xx answers for up to an hour; Creditwatch owns its retry timing, so the
  // error itself is read with retries off for the call, and the default's retry is checked to succeed.
  it.each([500, 502, 503])('%i', async (code) => {
    sim.setFaults(`${code}x1`);
    const err = await status(sdk().credits.getCredits(undefined, { retries: { strategy: 'none' } }));
    sim.setFaults(null);
    expect(err.statusCode).toBe(code);
  });

  it('with its default options the SDK retries a 503 and then parses the answer', async () => {
    sim.setFaults('503x1');
    const before = sim.requests.length;
    const { data } = await sdk().credits.getCredits();
    sim.setFaults(null);
    expect(sim.requests.length - before).toBe(2);
    expect(data.totalCredits).toBeGreaterThan(0);
  });
});
