/**
 * OpenRouter's key limit, end to end: the simulator's GET /api/v1/key (parsed by `@openrouter/sdk` 1.3.19
 * with a limit set), read by the OpenRouter client through the spend-limit refresher into the view the
 * account page shows, at most hourly and apart from the poll.
 */
import { OpenRouter } from '@openrouter/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { HOUR_MS, startOfUtcMonth } from '@core/time';
import { createOpenRouterApi } from '../../main/services/providers/openrouter-client';
import { createSpendLimitSync } from '../../main/services/spend-limit-sync';
import { createSimClock } from '../../main/simulator/index';
import {
  DEMO_OPENROUTER_INFERENCE_KEY,
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  startOpenRouterSimulator,
  type OpenRouterSimulator,
} from '../../main/simulator/openrouter/index';

const NOW = Date.UTC(2026, 11, 7, 10, 7);
const ORG: Org = {
  id: 'org_orkeylimit01',
  name: 'Router',
  kind: 'live',
  provider: 'openrouter',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
};
let limited: OpenRouterSimulator;
let unlimited: OpenRouterSimulator;

beforeAll(async () => {
  const clock = createSimClock({ startMs: NOW, speed: 0 });
  limited = await startOpenRouterSimulator({
    seed: 4,
    historyDays: 60,
    clock,
    keyLimit: { limitMicros: 500_000_000, reset: 'monthly' },
  });
  unlimited = await startOpenRouterSimulator({ seed: 4, historyDays: 60, clock });
});
afterAll(async () => {
  await limited.close();
  await unlimited.close();
});

/** A refresher reading `sim` with `apiKey`, counting the requests to /key. */
function refresher(sim: OpenRouterSimulator, apiKey: string, now: () => number) {
  const paths: string[] = [];
  const limits = createSpendLimitSync({
    orgs: () => [ORG],
    clientFor: async () =>
      createOpenRouterApi({
        apiKey,
        baseURL: sim.baseUrl,
        fetch: (input, init) => {
          paths.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
          return fetch(input, init);
        },
      }),
    projectsOf: async () => [],
    nowMs: now,
  });
  return { limits, paths };
}

describe('OpenRouter key limit', () => {
  it('the SDK parses /key with a limit set, and the simulator counts this month against it', async () => {
    const sdk = new OpenRouter({ apiKey: DEMO_OPENROUTER_INFERENCE_KEY, serverURL: limited.baseUrl });
    const { data } = await sdk.apiKeys.getCurrentKeyMetadata();
    const spentThisMonth = limited.ledger.spentBetween(startOfUtcMonth(NOW), NOW);
    expect(spentThisMonth).toBeGreaterThan(0);
    expect(data.limit).toBe(500);
    expect(data.limitReset).toBe('monthly');
    expect(Math.round(data.limitRemaining! * 1e6)).toBe(500_000_000 - spentThisMonth);
  });

  it('the view carries the key limit, what remains and its reset, read at most hourly', async () => {
    let nowMs = NOW;
    const { limits, paths } = refresher(limited, DEMO_OPENROUTER_INFERENCE_KEY, () => nowMs);
    expect(await limits.refreshDue()).toBe(true);
    const view = limits.get(ORG.id);
    const spentThisMonth = limited.ledger.spentBetween(startOfUtcMonth(NOW), NOW);
    expect(view).toMatchObject({ provider: 'openrouter', asOfMs: NOW, problem: null, org: null });
    expect(view.keyLimit).toEqual({
      limitMicros: 500_000_000,
      remainingMicros: 500_000_000 - spentThisMonth,
      reset: 'monthly',
      usageMicros: limited.ledger.spentBetween(limited.ledger.historyStartMs, NOW),
      isFreeTier: false,
    });
    expect(paths).toEqual(['/api/v1/key']); // one request, and never /credits

    nowMs += 30 * 60_000;
    await limits.refreshDue();
    expect(paths).toHaveLength(1); // not again within the hour
    nowMs += HOUR_MS;
    await limits.refreshDue();
    expect(paths).toHaveLength(2);
    expect(limits.get(ORG.id).asOfMs).toBe(nowMs);
  });

  it('a management key (it makes no completions) keeps its whole limit', async () => {
    const { limits } = refresher(limited, DEMO_OPENROUTER_MANAGEMENT_KEY, () => NOW);
    await limits.refreshDue();
    expect(limits.get(ORG.id).keyLimit).toMatchObject({
      limitMicros: 500_000_000,
      remainingMicros: 500_000_000,
      usageMicros: 0,
    });
  });

  it('a key without a limit says so (nothing remains to count), and a failed read keeps the figures', async () => {
    let nowMs = NOW;
    const { limits } = refresher(unlimited, DEMO_OPENROUTER_MANAGEMENT_KEY, () => nowMs);
    await limits.refreshDue();
    expect(limits.get(ORG.id).keyLimit).toMatchObject({
      limitMicros: null,
      remainingMicros: null,
      reset: null,
    });

    unlimited.setFaults('500');
    nowMs += HOUR_MS;
    await limits.refreshDue();
    const view = limits.get(ORG.id);
    unlimited.setFaults(null);
    expect(view.keyLimit).toMatchObject({ limitMicros: null });
    expect(view.problem).toMatch(/^Could not read the hard spend limits: /);
    expect(view.problem).toMatch(/OpenRouter/);
  });
});
