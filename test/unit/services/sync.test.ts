import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
}));

/** A fake Admin API: $1 per project per day for two projects, 10 requests per hour. */
function fakeApi(calls: string[], opts: { failCosts?: () => Error | null } = {}): AdminApi {
  return {
    provider: 'openai',
    source: 'costs',
    keyKind: 'admin',
    async verify() {},
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
    async spendAlerts() {
      return [];
    },
    async projectSpendAlerts() {
      return [];
    },
    async adminKeyExpiry() {
      return { kind: 'never' };
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
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

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

describe('orgs sync independently', () => {
  it('one hanging org never stalls the scheduled syncs of the others', async () => {
    const calls: Record<string, number> = {};
    let release: () => void = () => {};
    const hang = new Promise<never>((_, reject) => (release = () => reject(new Error('released'))));
    let now = NOW;
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => now,
      random: createRandom(1),
      orgWaitMs: 1_500, // far longer than a healthy fake sync, even on a busy machine
      clientFor: async (org) => {
        const api = fakeApi([]);
        return {
          ...api,
          async dailyCosts(r) {
            calls[org.id] = (calls[org.id] ?? 0) + 1;
            return org.id === orgs[0]!.id ? hang : api.dailyCosts(r);
          },
        };
      },
    });
    for (let tick = 0; tick < 3; tick++) {
      await engine.syncDue(); // returns although the first org hangs
      now += 5 * MINUTE_MS;
    }
    expect(calls[orgs[1]!.id]).toBe(3);
    expect(calls[orgs[0]!.id]).toBe(1); // still in flight: joined, never started twice
    release();
  });
});

describe('the shown next-attempt time is true', () => {
  it('retries a failed org at the time its message names, without waiting for a scheduled tick', async () => {
    let costCalls = 0;
    let now = NOW;
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => now,
      random: () => 0,
      retryOnTime: true,
      clientFor: async () => {
        const api = fakeApi([]);
        return {
          ...api,
          async dailyCosts(r) {
            if (++costCalls === 1)
              throw OpenAI.APIError.generate(
                429,
                { error: { message: 'slow down' } },
                undefined,
                new Headers({ 'retry-after': '20' }),
              );
            return api.dailyCosts(r);
          },
        };
      },
    });
    const id = orgs[0]!.id;
    // Times in messages are in the user's zone (the system's when unset): pin it, never the machine's.
    await settings.update((s) => ({ ...s, timeZone: 'UTC' }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const failed = await engine.syncOrg(id);
      expect(failed.lastError?.retryAtMs).toBe(NOW + 20_000);
      expect(failed.lastError?.message).toBe(
        'OpenAI is rate-limiting requests; retrying at 10:00 (Retry-After 20 s).',
      );
      now += 19_000;
      await vi.advanceTimersByTimeAsync(19_000);
      expect(costCalls).toBe(1);
      now += 1_000;
      await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      vi.useRealTimers();
    }
    for (let i = 0; i < 50 && engine.status(id).state !== 'ok'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(costCalls).toBe(2);
    expect(engine.status(id).state).toBe('ok');
    engine.stop();
  });
});

describe('implausible answers are not stored as truth', () => {
  it('keeps the previous figures when an answer suddenly loses its rows, and refuses amounts in the negative millions', async () => {
    let mode: 'good' | 'empty' | 'negative' = 'good';
    let now = NOW;
    const engine = createSyncEngine({
      dataDir: dir,
      settings,
      nowMs: () => now,
      random: createRandom(1),
      clientFor: async () => {
        const api = fakeApi([]);
        return {
          ...api,
          async dailyCosts(r) {
            const days = await api.dailyCosts(r);
            if (mode === 'empty') return [];
            if (mode === 'negative')
              return days.map((d) => ({
                ...d,
                rows: [{ projectId: 'proj_a', lineItem: 'x', micros: -5_000_000e6 }],
              }));
            return days;
          },
        };
      },
    });
    const id = orgs[0]!.id;
    expect((await engine.syncOrg(id)).state).toBe('ok');
    const before = (await engine.dashboard(id)).monthToDate;
    now += 5 * MINUTE_MS;
    mode = 'empty';
    expect((await engine.syncOrg(id)).state).toBe('ok');
    expect((await engine.dashboard(id)).monthToDate).toEqual(before);
    now += 5 * MINUTE_MS;
    mode = 'negative';
    const refused = await engine.syncOrg(id, { force: true });
    expect(refused.state).toBe('error');
    expect(refused.lastError?.message).toMatch(
      /an amount of −\$5,000,000\.00 on 2026-03-\d\d is not plausible/,
    );
    expect((await engine.dashboard(id)).monthToDate).toEqual(before);
  });
});
