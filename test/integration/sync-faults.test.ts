import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, SECOND_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import { ORG_ID, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

const costCalls = (h: Harness, mark: number) => h.since(mark).filter((r) => r.path.endsWith('/costs')).length;

describe('sync faults', () => {
  it('honours Retry-After on 429: no request before it, a normal sync after it', async () => {
    h = await startHarness({ sim: { faults: 'costs=429:retry-after=120x1' } });
    const t0 = h.clock.nowMs();
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.state).toBe('error');
    expect(status.lastError?.kind).toBe('rate-limited');
    expect(status.lastError?.retryAtMs).toBe(t0 + 120 * SECOND_MS);
    expect(status.lastError?.message).toMatch(
      /rate-limiting requests; retrying at \d\d:\d\d \(Retry-After 120 s\)/,
    );

    h.clock.advance(60 * SECOND_MS);
    const mark = h.sim.requests.length;
    await h.engine.syncDue();
    expect(h.since(mark)).toHaveLength(0);

    h.clock.advance(60 * SECOND_MS);
    await h.engine.syncDue();
    expect(h.engine.status(ORG_ID).state).toBe('ok');
    expect(h.engine.status(ORG_ID).failures).toBe(0);
  });

  it.each(['500', '503'])(
    'backs off exponentially after %s, and "sync now" ignores the backoff',
    async (code) => {
      h = await startHarness({ sim: { faults: `costs=${code}x3` } });
      const first = await h.engine.syncOrg(ORG_ID);
      expect(first.lastError?.kind).toBe('server');
      expect(first.lastError?.status).toBe(Number(code));
      const t0 = h.clock.nowMs();
      const d1 = (first.lastError?.retryAtMs ?? 0) - t0;
      expect(d1).toBeGreaterThanOrEqual(15 * SECOND_MS);
      expect(d1).toBeLessThanOrEqual(30 * SECOND_MS);

      h.clock.advance(d1);
      const second = await h.engine.syncOrg(ORG_ID);
      expect(second.failures).toBe(2);
      const d2 = (second.lastError?.retryAtMs ?? 0) - h.clock.nowMs();
      expect(d2).toBeGreaterThanOrEqual(30 * SECOND_MS);
      expect(d2).toBeLessThanOrEqual(60 * SECOND_MS);

      // Backoff not elapsed: a scheduled sync makes no request, a forced one does.
      const mark = h.sim.requests.length;
      expect((await h.engine.syncOrg(ORG_ID)).failures).toBe(2);
      expect(h.since(mark)).toHaveLength(0);
      expect((await h.engine.syncOrg(ORG_ID, { force: true })).failures).toBe(3);
      expect((await h.engine.syncOrg(ORG_ID, { force: true })).state).toBe('ok');
    },
  );

  it('turns a hanging API into a timeout error', async () => {
    h = await startHarness({ sim: { faults: 'costs=hang' }, timeoutMs: 300 });
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.lastError?.kind).toBe('timeout');
    expect(status.lastError?.message).toMatch(/did not answer in time/);
  });

  it('keeps the previous data when a response is malformed, and records the error', async () => {
    h = await startHarness();
    await h.engine.syncOrg(ORG_ID);
    const before = await h.engine.dashboard(ORG_ID);
    h.sim.setFaults('completions=malformed');
    h.clock.advance(5 * MINUTE_MS);
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.lastError?.kind).toBe('malformed');
    expect(status.lastError?.message).toMatch(/previous figures are kept/);
    const after = await h.engine.dashboard(ORG_ID);
    expect(after.monthToDate).toEqual(before.monthToDate);
    expect(after.asOfMs).toBe(before.asOfMs);
    expect(after.sync.state).toBe('error');
  });

  it('parses amount.value sent as a string', async () => {
    h = await startHarness({ sim: { faults: 'costs=string-amount' } });
    expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    const now = h.clock.nowMs();
    const dash = await h.engine.dashboard(ORG_ID);
    expect(dash.monthToDate.totalMicros).toBe(
      h.sim.model.visibleCostMicros(startOfUtcMonth(now), startOfUtcDay(now) + DAY_MS, now),
    );
  });

  it('classifies a bare-string error body', async () => {
    h = await startHarness({ sim: { faults: 'costs=bare-error:502' } });
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.lastError).toMatchObject({ kind: 'server', status: 502 });
  });

  it('tells the user a project key is not enough, and never shows or logs the key', async () => {
    const key = 'sk-proj-VERYSECRETvalue1234567890';
    const lines: string[] = [];
    h = await startHarness({ apiKey: key, engine: { log: (l) => lines.push(l) } });
    const status = await h.engine.syncOrg(ORG_ID);
    expect(status.lastError?.kind).toBe('project-key');
    expect(status.lastError?.message).toContain(
      'This is a project key (sk-proj-…). Creditwatch needs an Admin key (sk-admin-…): create one at https://platform.openai.com/settings/organization/admin-keys',
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...lines, JSON.stringify(status)]) expect(text).not.toContain('VERYSECRET');
  });

  it('reports an unknown key as invalid', async () => {
    h = await startHarness({ apiKey: 'sk-unknown-key-abcdefgh' });
    expect((await h.engine.syncOrg(ORG_ID)).lastError?.kind).toBe('invalid-key');
  });

  it('runs one sync when syncOrg is called twice at once', async () => {
    h = await startHarness({ sim: { faults: '*=latency:200' } });
    const mark = h.sim.requests.length;
    const [a, b] = await Promise.all([h.engine.syncOrg(ORG_ID), h.engine.syncOrg(ORG_ID, { force: true })]);
    expect(a).toEqual(b);
    expect(costCalls(h, mark)).toBe(1);
  });

  it('persists the last error across a restart', async () => {
    h = await startHarness({ sim: { faults: 'costs=500' } });
    await h.engine.syncOrg(ORG_ID);
    const { createSyncEngine } = await import('../../main/services/sync');
    const again = createSyncEngine({
      dataDir: h.dataDir,
      settings: h.settings,
      nowMs: () => h.clock.nowMs(),
      clientFor: async () => {
        throw new Error('unused');
      },
    });
    await again.ready();
    expect(again.status(ORG_ID).lastError?.kind).toBe('server');
    expect((await again.dashboard(ORG_ID)).sync.lastError?.kind).toBe('server');
  });
});
