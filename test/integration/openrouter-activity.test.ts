/**
 * OpenRouter on first connect: 30 days of per-model spend from `/activity` become the spend history (each
 * day equal to what the account spent that day), the balance still comes from `/credits`, and later polls
 * make one request again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BALANCE_SPEND_LINE_ITEM } from '@core/balance-line-item';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import { costDayTotal } from '@core/sync-data';
import { DAY_MS, MINUTE_MS, startOfUtcDay } from '@core/time';
import { createProviderApi } from '../../main/services/providers/create-provider-api';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createSyncEngine } from '../../main/services/sync';
import { createSimClock } from '../../main/simulator/index';
import {
  DEMO_OPENROUTER_MANAGEMENT_KEY,
  startOpenRouterSimulator,
  type OpenRouterSimulator,
} from '../../main/simulator/openrouter/index';

const START_MS = Date.UTC(2026, 11, 7, 10, 7);
const ORG_ID = 'org_openrouter01';
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function harness(opts: { failActivity?: number } = {}) {
  let activityFailures = opts.failActivity ?? 0;
  const clock = createSimClock({ startMs: START_MS, speed: 0 });
  const sim: OpenRouterSimulator = await startOpenRouterSimulator({
    seed: 11,
    historyDays: 60,
    clock,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-openrouter-'));
  cleanup.push(sim.close, () => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }));
  const settings = await openSettingsStore(dataDir);
  const org: Org = {
    id: ORG_ID,
    name: 'OpenRouter',
    kind: 'live',
    provider: 'openrouter',
    baseUrl: sim.baseUrl,
    createdAtMs: START_MS,
  };
  await settings.update((s) => ({ ...s, orgs: [org], selectedOrgId: org.id }));
  const engine = createSyncEngine({
    dataDir,
    settings,
    nowMs: () => clock.nowMs(),
    random: createRandom(1),
    clientFor: async (o) => {
      const api = createProviderApi(o.provider, {
        apiKey: DEMO_OPENROUTER_MANAGEMENT_KEY,
        baseURL: o.baseUrl,
      });
      if (api.source !== 'balance' || !api.activity)
        throw new Error('expected the OpenRouter balance client');
      const activity = api.activity.bind(api);
      return {
        ...api,
        balances: api.balances.bind(api),
        verify: api.verify.bind(api),
        activity: async () => {
          if (activityFailures-- > 0) throw new Error('connection reset');
          return activity();
        },
      };
    },
  });
  return { clock, sim, engine };
}

describe('OpenRouter spend history from /activity', () => {
  it('the first sync stores 30 days per model, each equal to the day spent; later polls read only /credits', async () => {
    const { clock, sim, engine } = await harness();
    expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/v1/credits', '/api/v1/activity']);

    const today = startOfUtcDay(START_MS);
    const history = await engine.history(ORG_ID);
    const days = await history.costDays({ startMs: today - 30 * DAY_MS, endMs: today });
    expect(days).toHaveLength(30);
    for (const d of days) {
      expect(costDayTotal(d), new Date(d.dayStartMs).toISOString()).toBe(
        sim.ledger.spentBetween(d.dayStartMs, d.dayStartMs + DAY_MS),
      );
      expect(d.rows.every((r) => r.lineItem?.startsWith('openai/'))).toBe(true);
    }
    expect(new Set(days.flatMap((d) => d.rows.map((r) => r.lineItem))).size).toBeGreaterThan(1);
    expect(days.reduce((a, d) => a + costDayTotal(d), 0)).toBeGreaterThan(0);

    const dash = await engine.dashboard(ORG_ID);
    expect(dash.spendSource).toEqual({
      kind: 'balance',
      sinceMs: START_MS,
      historyFromMs: today - 30 * DAY_MS,
    });
    expect(dash.daily.filter((d) => d.totalMicros > 0).length).toBeGreaterThanOrEqual(29);

    const mark = sim.requests.length;
    for (let i = 0; i < 12; i++) {
      clock.advance(5 * MINUTE_MS);
      expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    }
    expect(sim.requests.slice(mark).every((r) => r.path === '/api/v1/credits')).toBe(true);
    expect(sim.requests.length - mark).toBe(12);
    // Spend after the first reading is read from the balance, under its own line item, from today on.
    const later = await history.costDays({ startMs: today, endMs: today + DAY_MS });
    expect(later[0]?.rows.map((r) => r.lineItem)).toEqual([BALANCE_SPEND_LINE_ITEM]);
  });

  it('an activity report that fails does not fail the sync; it is tried again at the next poll', async () => {
    const { clock, sim, engine } = await harness({ failActivity: 1 });
    expect((await engine.syncOrg(ORG_ID)).state).toBe('ok');
    const first = await (
      await engine.history(ORG_ID)
    ).costDays({
      startMs: startOfUtcDay(START_MS) - 30 * DAY_MS,
      endMs: startOfUtcDay(START_MS),
    });
    expect(first).toEqual([]);
    clock.advance(5 * MINUTE_MS);
    expect((await engine.syncOrg(ORG_ID, { force: true })).state).toBe('ok');
    expect(sim.requests.filter((r) => r.path === '/api/v1/activity')).toHaveLength(1);
    // The spend read from the balance between the two readings is kept beside the filled days.
    const todayMs = startOfUtcDay(START_MS);
    const [todayDay] = await (
      await engine.history(ORG_ID)
    ).costDays({ startMs: todayMs, endMs: todayMs + DAY_MS });
    expect(todayDay && costDayTotal(todayDay)).toBe(sim.ledger.spentBetween(START_MS, clock.nowMs()));
    expect(costDayTotal(todayDay!)).toBeGreaterThan(0);
    const history = await engine.history(ORG_ID);
    const today = startOfUtcDay(clock.nowMs());
    const days = await history.costDays({ startMs: today - 30 * DAY_MS, endMs: today });
    expect(days.reduce((a, d) => a + costDayTotal(d), 0)).toBe(
      sim.ledger.spentBetween(today - 30 * DAY_MS, today),
    );
  });
});
