/**
 * An organization whose costs endpoint refuses `group_by=api_key_id` for windows that start before a cut
 * day (as reported for live orgs before 2025-12-06): the sync completes, its costs equal the ground truth,
 * and the days before the cut are marked as having no per-key split — never shown as zero per key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, startOfUtcDay } from '@core/time';
import { ORG_ID, START_MS, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

const CUT_MS = startOfUtcDay(START_MS) - 40 * DAY_MS;
const keyedCosts = (r: { path: string; query: string }) =>
  r.path.endsWith('/costs') && decodeURIComponent(r.query).includes('api_key_id');

describe('costs grouping refused for old windows', () => {
  it('completes the backfill with costs equal to the ground truth and per-key split from the cut day', async () => {
    h = await startHarness({ sim: { refuseKeyGroupingBeforeMs: CUT_MS } });
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.state).toBe('ok');
    expect(h.sim.requests.some((r) => keyedCosts(r) && r.status === 400)).toBe(true);

    const now = h.clock.nowMs();
    const today = startOfUtcDay(now);
    const history = await h.engine.history(ORG_ID);
    const start = today - 90 * DAY_MS;
    const days = await history.costDays({ startMs: start, endMs: today + DAY_MS });
    const sum = (ds: typeof days) => ds.reduce((a, d) => a + d.rows.reduce((s, r) => s + r.micros, 0), 0);
    expect(sum(days)).toBe(h.sim.model.visibleCostMicros(start, today + DAY_MS, now));
    expect(sum(days)).toBeGreaterThan(0);
    // Each day equals the ground truth too: no day lost or counted twice at the cut.
    for (const d of days)
      expect(sum([d]), new Date(d.dayStartMs).toISOString()).toBe(
        h.sim.model.visibleCostMicros(d.dayStartMs, d.dayStartMs + DAY_MS, now),
      );

    // Before the cut no row claims a key; from the cut on, every spend row has its key.
    for (const d of days) {
      const rows = d.rows.filter((r) => r.micros !== 0);
      if (d.dayStartMs < CUT_MS) expect(rows.every((r) => (r.apiKeyId ?? null) === null)).toBe(true);
      else expect(rows.every((r) => typeof r.apiKeyId === 'string')).toBe(true);
    }
    expect(history.sync().cursor.keylessBeforeMs).toBe(CUT_MS);

    const dash = await h.engine.dashboard(ORG_ID);
    expect(dash.perKeyFromMs).toBe(CUT_MS);
  });

  it('remembers the cut: later polls never ask for a refused window again', async () => {
    h = await startHarness({ sim: { refuseKeyGroupingBeforeMs: CUT_MS } });
    await h.engine.syncOrg(ORG_ID);
    const mark = h.sim.requests.length;
    for (let i = 0; i < 6; i++) {
      h.clock.advance(5 * MINUTE_MS);
      expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    }
    const made = h.since(mark);
    expect(made.filter((r) => r.status === 400)).toHaveLength(0);
    expect(made.filter((r) => keyedCosts(r))).toHaveLength(6);
  });

  it('an org that serves the grouping is untouched: one costs request, no cut remembered', async () => {
    h = await startHarness();
    await h.engine.syncOrg(ORG_ID);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/costs'))).toHaveLength(1);
    const history = await h.engine.history(ORG_ID);
    expect(history.sync().cursor.keylessBeforeMs ?? null).toBeNull();
    expect((await h.engine.dashboard(ORG_ID)).perKeyFromMs).toBeNull();
  });
});
