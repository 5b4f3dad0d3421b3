import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRandom } from '@core/random';
import type { Org, SyncStatus } from '@core/schemas';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay } from '@core/time';
import type { AdminApi } from '../../../main/services/openai-client';
import { openSettingsStore, type SettingsStore } from '../../../main/services/stores/settings-store';
import { createSyncEngine } from '../../../main/services/sync';

const NOW = Date.UTC(2026, 2, 10, 10, 0);
const orgs: Org[] = ['org_fakeone1', 'org_faketwo2'].map((id) => ({
  id,
  name: id,
  kind: 'openai',
  baseUrl: null,
  createdAtMs: 0,
}));

/** A fake Admin API: $1 per project per day for two projects, 10 requests per hour. */
function fakeApi(calls: string[], opts: { failCosts?: () => Error | null } = {}): AdminApi {
  return {
    keyKind: 'admin',
    async dailyCosts(r) {
      calls.push('costs');
      const err = opts.failCosts?.();
      if (err) throw err;
      const days: CostDay[] = [];
      for (let d = r.startMs; d < r.endMs; d += DAY_MS) {
        days.push({
          dayStartMs: d,
          rows: ['proj_a', 'proj_b'].map((projectId) => ({ projectId, lineItem: 'x', micros: 1_000_000 })),
        });
      }
      return days;
    },
    async hourlyCompletions(r) {
      calls.push('usage');
      const rows = [];
      for (let h = r.startMs; h < Math.min(r.endMs, NOW + DAY_MS); h += HOUR_MS)
        rows.push({
          hourStartMs: h,
          projectId: 'proj_a',
          model: 'm',
          requests: 10,
          inputTokens: 1,
          outputTokens: 1,
        });
      return rows;
    },
    async projects() {
      calls.push('projects');
      return [{ id: 'proj_a', name: 'Alpha' }];
    },
    async spendLimit() {
      return { thresholdMicros: 0, interval: 'month', isEnforcing: false };
    },
    async projectSpendLimit() {
      return { thresholdMicros: 0, interval: 'month', isEnforcing: false };
    },
  };
}

let dir: string;
let settings: SettingsStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-engine-'));
  settings = await openSettingsStore(dir);
  await settings.update((s) => ({ ...s, orgs }));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('sync engine (fake API)', () => {
  it('syncs every due org, emits status and data events, builds the dashboard', async () => {
    const calls: string[] = [];
    const events: Array<[string, SyncStatus['state']]> = [];
    const data: string[] = [];
    let now = NOW;
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => now,
      random: createRandom(1),
      clientFor: async () => fakeApi(calls),
      onStatus: (id, s) => events.push([id, s.state]),
      onData: (id) => data.push(id),
    });
    await engine.syncDue();
    expect(calls.filter((c) => c === 'costs')).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        [orgs[0]?.id, 'syncing'],
        [orgs[0]?.id, 'ok'],
        [orgs[1]?.id, 'ok'],
      ]),
    );
    expect(data.sort()).toEqual(orgs.map((o) => o.id).sort());
    // proj_b has no name: one extra refresh is allowed 10 minutes after the last, not sooner.
    const id = orgs[0]?.id ?? '';
    const projectCalls = () => calls.filter((c) => c === 'projects').length;
    const afterFirst = projectCalls();
    now += 5 * MINUTE_MS;
    await engine.syncOrg(id);
    expect(projectCalls()).toBe(afterFirst);
    now += 5 * MINUTE_MS;
    await engine.syncOrg(id);
    expect(projectCalls()).toBe(afterFirst + 1);
    const dash = await engine.dashboard(id);
    expect(dash.monthToDate).toMatchObject({ settledMicros: 9 * 2_000_000, provisionalMicros: 2_000_000 });
    expect(dash.today.requests).toBe(11 * 10); // hours 00:00–10:00 of today
    expect(dash.projects).toEqual([
      { id: 'proj_a', name: 'Alpha' },
      { id: 'proj_b', name: 'proj_b' },
    ]);
  });

  it('reports a client that cannot be made (no key) with its own message', async () => {
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => NOW,
      random: createRandom(1),
      clientFor: async () => {
        throw new Error('No Admin key is stored for this organization on this machine.');
      },
    });
    const s = await engine.syncOrg(orgs[0]?.id ?? '');
    expect(s.lastError).toMatchObject({
      kind: 'invalid-key',
      message: 'No Admin key is stored for this organization on this machine.',
    });
  });

  it('keeps stored data when a later poll fails, and forget() removes the org', async () => {
    const calls: string[] = [];
    let fail: Error | null = null;
    let now = NOW;
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => now,
      random: createRandom(1),
      clientFor: async () => fakeApi(calls, { failCosts: () => fail }),
    });
    const id = orgs[0]?.id ?? '';
    await engine.syncOrg(id);
    const before = (await engine.dashboard(id)).monthToDate;
    fail = new SyntaxError('Unexpected end of JSON input');
    now += 5 * MINUTE_MS;
    expect((await engine.syncOrg(id)).lastError?.kind).toBe('malformed');
    expect((await engine.dashboard(id)).monthToDate).toEqual(before);
    const snaps = await (
      await engine.history(id)
    ).snapshots({ startMs: startOfUtcDay(NOW), endMs: NOW + DAY_MS });
    expect(snaps.map((s) => s.state)).toEqual(['ok', 'error']);

    await engine.forget(id);
    expect(engine.status(id).state).toBe('never');
    expect(await readdir(join(dir, 'history'))).not.toContain(id);
  });

  it('rejects an unknown org clearly', async () => {
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => NOW,
      clientFor: async () => fakeApi([]),
    });
    await expect(engine.syncOrg('org_missing000')).rejects.toThrow('No organization with id org_missing000.');
    await expect(engine.dashboard('org_missing000')).rejects.toThrow(/No organization/);
  });
});
