import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import { ORG_ID, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

describe('sync against the simulator', () => {
  it('backfills 90 days and matches the ground truth to the micro-dollar', async () => {
    h = await startHarness();
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.state).toBe('ok');
    const now = h.clock.nowMs();
    const history = await h.engine.history(ORG_ID);
    const start = startOfUtcDay(now) - 90 * DAY_MS;
    const days = await history.costDays({ startMs: start, endMs: startOfUtcDay(now) + DAY_MS });
    const stored = days.reduce((sum, d) => sum + d.rows.reduce((s, r) => s + r.micros, 0), 0);
    expect(stored).toBe(h.sim.model.visibleCostMicros(start, startOfUtcDay(now) + DAY_MS, now));
    expect(stored).toBeGreaterThan(0);

    const dash = await h.engine.dashboard(ORG_ID);
    const monthStart = startOfUtcMonth(now);
    const today = startOfUtcDay(now);
    expect(dash.monthToDate.settledMicros).toBe(h.sim.model.visibleCostMicros(monthStart, today, now));
    expect(dash.monthToDate.provisionalMicros).toBe(
      h.sim.model.visibleCostMicros(today, today + DAY_MS, now),
    );
    expect(dash.daily).toHaveLength(30);
    expect(dash.asOfMs).toBe(now);
    expect(dash.today.requests).toBeGreaterThan(0);
    const names = new Map(dash.projects.map((p) => [p.id, p.name]));
    for (const p of h.sim.model.projects) expect(names.get(p.id)).toBe(p.name);
  });

  it('polls incrementally: two requests per steady-state poll, data stays equal to the ground truth', async () => {
    h = await startHarness();
    await h.engine.syncOrg(ORG_ID);
    const mark = h.sim.requests.length;
    for (let i = 0; i < 30; i++) {
      h.clock.advance(5 * MINUTE_MS);
      expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    }
    const made = h.since(mark);
    // 150 minutes of 5-minute polls: costs + completions each time, project names at +60 and +120 min.
    expect(made.filter((r) => r.path.endsWith('/costs'))).toHaveLength(30);
    expect(made.filter((r) => r.path.endsWith('/usage/completions'))).toHaveLength(30);
    expect(made.filter((r) => r.path.endsWith('/projects'))).toHaveLength(2);
    expect(made).toHaveLength(62);
    const now = h.clock.nowMs();
    const today = startOfUtcDay(now);
    const dash = await h.engine.dashboard(ORG_ID);
    expect(dash.monthToDate.totalMicros).toBe(
      h.sim.model.visibleCostMicros(startOfUtcMonth(now), today + DAY_MS, now),
    );
  });

  it('keeps yesterday correct across midnight and settles it into the month file', async () => {
    h = await startHarness();
    await h.engine.syncOrg(ORG_ID);
    const poll = async (ms: number) => {
      h.clock.advance(ms);
      return h.engine.syncOrg(ORG_ID);
    };
    // Walk past two midnights in 1-hour steps (well after the 30-minute cost lag).
    for (let i = 0; i < 40; i++) expect((await poll(HOUR_MS)).state).toBe('ok');
    const now = h.clock.nowMs();
    const history = await h.engine.history(ORG_ID);
    const start = startOfUtcDay(now) - 10 * DAY_MS;
    const days = await history.costDays({ startMs: start, endMs: startOfUtcDay(now) + DAY_MS });
    for (const d of days) {
      const total = d.rows.reduce((s, r) => s + r.micros, 0);
      expect(total, new Date(d.dayStartMs).toISOString()).toBe(
        h.sim.model.visibleCostMicros(d.dayStartMs, d.dayStartMs + DAY_MS, now),
      );
    }
  });
});
