// The demo's Claude team account at a pinned instant: its usage comes from the Analytics API, so today's
// request count is the simulator's (not "0 requests so far"), and its spend limits page shows the
// usage-tier cap Anthropic sets, read from Anthropic.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { effectiveHardLimit } from '@core/spend-limits';
import { HOUR_MS, startOfUtcDay } from '@core/time';
import { DEMO_SIMULATORS } from '../../main/app/demo-backend';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { createSimClock } from '../../main/simulator/sim-clock';
import { createDemoApp } from '../support/demo-app';

const NOW = Date.parse('2026-12-07T10:40:00Z');
const dirs: string[] = [];
afterAll(async () =>
  Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

describe('demo Claude team', () => {
  it("shows today's request count from the Analytics API and Anthropic's usage-tier cap", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cw-claude-'));
    dirs.push(dataDir);
    const app = await createDemoApp(dataDir, createSimClock({ startMs: NOW, speed: 0 }));
    try {
      const claude = app.settings.get().orgs.find((o) => o.provider === 'anthropic')!;
      expect((await app.sync.syncOrg(claude.id, { force: true })).state).toBe('ok');
      const dashboard = await app.handlers['dashboard:get']({ orgId: claude.id });
      // Ground truth: the demo simulator's model; the current hour counts only its elapsed part.
      const { seed, historyDays, shape } = DEMO_SIMULATORS.anthropic;
      const model = createSimulatedSpendModel({ seed, historyDays, shape, costLagMinutes: 5 }, NOW);
      let finished = 0;
      let withCurrent = 0;
      for (let h = startOfUtcDay(NOW); h < NOW; h += HOUR_MS) {
        const n = model.hourly(h).reduce((s, r) => s + r.requests, 0);
        withCurrent += n;
        if (h + HOUR_MS <= NOW) finished += n;
      }
      expect(finished).toBeGreaterThan(0);
      expect(dashboard.today.requests).toBeGreaterThanOrEqual(finished);
      expect(dashboard.today.requests).toBeLessThanOrEqual(withCurrent);

      // Spend limits are read after syncs; wait for the read to land (state, not time).
      let view = await app.handlers['limits:get']({ orgId: claude.id });
      for (let i = 0; i < 200 && view.asOfMs === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await app.handlers['limits:get']({ orgId: claude.id });
      }
      expect(view).toMatchObject({
        provider: 'anthropic',
        isReadable: true,
        org: null,
        tierCap: { limitMicros: 5_000_000_000, isEnforced: true },
        problem: null,
      });
      expect(effectiveHardLimit(view)?.limitMicros).toBe(5_000_000_000);
    } finally {
      await app.close();
    }
  }, 60_000);
});
