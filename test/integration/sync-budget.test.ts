import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@core/time';
import { createAdminApi } from '../../main/services/openai-client';
import { DEMO_ADMIN_KEY } from '../../main/simulator/index';
import { ORG_ID, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

describe('disk-write budget', () => {
  it('writes well under 64 KB per steady-state 5-minute poll for a 20 × 6 × 5 org', async () => {
    h = await startHarness({
      sim: { shape: { projects: 20, models: 5, lineItemsPerModel: 6, dailyUsd: 400 }, historyDays: 10 },
      engine: { backfillDays: 7 },
    });
    // The whole status, so that a failure names its error.
    expect(await h.engine.syncOrg(ORG_ID)).toMatchObject({ state: 'ok', lastError: null });
    h.engine.meter.reset();
    const polls = 36;
    for (let i = 0; i < polls; i++) {
      h.clock.advance(5 * MINUTE_MS);
      expect(await h.engine.syncOrg(ORG_ID)).toMatchObject({ state: 'ok', lastError: null });
    }
    const { bytes, writes } = h.engine.meter.totals();
    expect(writes).toBeGreaterThan(0);
    expect(bytes / polls).toBeLessThan(64 * 1024);
  });

  it('reads the spend limit in micro-dollars (the API sends cents)', async () => {
    h = await startHarness();
    const limit = await createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: h.sim.baseUrl }).spendLimit();
    expect(limit.thresholdMicros % 10_000).toBe(0);
    expect(limit.thresholdMicros).toBeGreaterThan(0);
  });
});
