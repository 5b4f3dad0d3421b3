import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { DAY_MS } from '@core/time';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { rawGet, sdkFor } from '../unit/simulator/sdk-client';
import { createSpecValidator } from '../unit/simulator/spec-validator';

const NOW = Date.UTC(2026, 10, 24, 15, 20);
const START = Math.floor((NOW - 3 * DAY_MS) / 1000);
const COSTS = `/organization/costs?start_time=${START}`;
const spec = createSpecValidator();

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 5, clock: createSimClock({ startMs: NOW, speed: 0 }), historyDays: 10 });
});
afterAll(() => sim.close());

describe('fault injection', () => {
  it('429 carries Retry-After and the rate-limit body, for the next N requests only', async () => {
    sim.setFaults('costs=429:retry-after=2x2');
    const first = await rawGet(sim, COSTS);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    const body = JSON.parse(first.text);
    expect(spec.errors('ErrorResponse', body)).toEqual([]);
    expect(body.error.code).toBe('rate_limit_exceeded');
    await expect(sdkFor(sim).admin.organization.usage.costs({ start_time: START })).rejects.toBeInstanceOf(
      OpenAI.RateLimitError,
    );
    expect((await rawGet(sim, COSTS)).status).toBe(200);
    // Other endpoints were never affected.
    sim.setFaults('costs=429');
    expect((await rawGet(sim, `/organization/usage/completions?start_time=${START}`)).status).toBe(200);
  });

  it('the SDK honours Retry-After and succeeds after the fault runs out', async () => {
    sim.setFaults('costs=429:retry-after=1x1');
    const before = sim.requests.length;
    const t0 = performance.now();
    const page = await sdkFor(sim, { maxRetries: 2 }).admin.organization.usage.costs({ start_time: START });
    expect(page.object).toBe('page');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    expect(sim.requests.slice(before).map((r) => r.status)).toEqual([429, 200]);
  });

  it.each([
    ['500', 500, OpenAI.InternalServerError, 'server_error'],
    ['503', 503, OpenAI.InternalServerError, 'server_error'],
    ['401', 401, OpenAI.AuthenticationError, 'invalid_request_error'],
    ['403', 403, OpenAI.PermissionDeniedError, 'invalid_request_error'],
    ['spend-limit-429', 429, OpenAI.RateLimitError, 'insufficient_quota'],
  ] as const)('%s answers %i with an OpenAI-shaped body', async (action, status, errorClass, type) => {
    sim.setFaults(`*=${action}`);
    const res = await rawGet(sim, COSTS);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.text);
    expect(spec.errors('ErrorResponse', body)).toEqual([]);
    expect(body.error.type).toBe(type);
    if (action === '403') expect(body.error.message).toMatch(/Missing scopes: api.usage.read/);
    if (action === 'spend-limit-429') expect(body.error.code).toBe('organization_spend_limit_exceeded');
    if (action === '401') expect(res.text).not.toContain('creditwatch-local-simulator');
    await expect(sdkFor(sim).admin.organization.projects.list()).rejects.toBeInstanceOf(errorClass);
  });

  it('latency delays the answer', async () => {
    sim.setFaults('projects=latency:300');
    const t0 = performance.now();
    const res = await rawGet(sim, '/organization/projects');
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('hang is observable as a client timeout', async () => {
    sim.setFaults('costs=hang');
    const before = sim.requests.length;
    await expect(
      sdkFor(sim, { timeout: 300 }).admin.organization.usage.costs({ start_time: START }),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(sim.requests[before]!.status).toBe(0);
  });

  it('malformed is a 200 whose body is not JSON', async () => {
    sim.setFaults('costs=malformed');
    const res = await rawGet(sim, COSTS);
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"object":"page"')).toBe(true);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
    await expect(sdkFor(sim).admin.organization.usage.costs({ start_time: START })).rejects.toThrow();
  });

  it('string-amount sends amount.value as a JSON string with the same number', async () => {
    sim.setFaults(null);
    const normal = JSON.parse((await rawGet(sim, COSTS)).text);
    sim.setFaults('costs=string-amount');
    const res = JSON.parse((await rawGet(sim, COSTS)).text);
    const values = res.data.flatMap((b: { results: Array<{ amount: { value: unknown } }> }) =>
      b.results.map((r) => r.amount.value),
    );
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(typeof v).toBe('string');
    const expected = normal.data.flatMap((b: { results: Array<{ amount: { value: number } }> }) =>
      b.results.map((r) => r.amount.value),
    );
    expect(values.map(Number)).toEqual(expected);
  });

  it('bare-error sends {"error": "…"} with the error as a bare string', async () => {
    sim.setFaults('costs=bare-error:502');
    const res = await rawGet(sim, COSTS);
    expect(res.status).toBe(502);
    const body = JSON.parse(res.text);
    expect(typeof body.error).toBe('string');
    expect(spec.errors('ErrorResponse', body)).not.toEqual([]);
  });

  it('probabilistic faults are reproducible for a seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const s = await startSimulator({
        seed,
        clock: createSimClock({ startMs: NOW, speed: 0 }),
        historyDays: 2,
        faults: '*=500@0.5',
      });
      try {
        const out: number[] = [];
        for (let i = 0; i < 24; i++) out.push((await rawGet(s, '/organization/projects')).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const a = await statuses(9);
    expect(await statuses(9)).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 500]));
  });

  it('closes promptly even with a request hanging', async () => {
    const s = await startSimulator({
      seed: 1,
      clock: createSimClock({ startMs: NOW, speed: 0 }),
      historyDays: 1,
      faults: '*=hang',
    });
    const pending = rawGet(s, '/organization/projects').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await s.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('rejects a bad fault spec with a clear message', () => {
    expect(() => sim.setFaults('costs=teapot')).toThrow(/unknown action 'teapot'/);
  });
});
