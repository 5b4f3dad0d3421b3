// The sync engine over an Anthropic organization whose reports refuse: a refusal Creditwatch can work around
// (too many groups) still completes the sync with costs equal to the ground truth; one it cannot (a page
// too large even at one row) fails the sync in Anthropic-named words, and the stored figures stay as they were.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import { costDayTotal } from '@core/sync-data';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { createProviderApi } from '../../main/services/providers/create-provider-api';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createSyncEngine } from '../../main/services/sync';
import { ANTHROPIC_DEMO_ADMIN_KEY, startAnthropicSimulator } from '../../main/simulator/anthropic/index';
import { createSimClock } from '../../main/simulator/index';

const START_MS = Date.UTC(2026, 11, 7, 10, 7);
const ORG_ID = 'org_anthropic01';
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('Anthropic sync when the reports refuse', () => {
  it('works around too_many_report_groups, and keeps the figures when a page is too large at any size', async () => {
    const clock = createSimClock({ startMs: START_MS, speed: 0 });
    const sim = await startAnthropicSimulator({ seed: 8, clock, historyDays: 60 });
    const dataDir = await mkdtemp(join(tmpdir(), 'cw-anthropic-'));
    cleanup.push(sim.close, () => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }));
    const settings = await openSettingsStore(dataDir);
    const org: Org = {
      id: ORG_ID,
      name: 'Claude',
      kind: 'live',
      provider: 'anthropic',
      baseUrl: sim.baseUrl,
      createdAtMs: START_MS,
    };
    await settings.update((s) => ({ ...s, orgs: [org], selectedOrgId: org.id }));
    const engine = createSyncEngine({
      dataDir,
      settings,
      nowMs: () => clock.nowMs(),
      random: createRandom(1),
      backfillDays: 30,
      clientFor: async (o) =>
        createProviderApi(o.provider, { apiKey: ANTHROPIC_DEMO_ADMIN_KEY, baseURL: o.baseUrl }),
    });
    const range = { startMs: startOfUtcDay(START_MS) - 30 * DAY_MS, endMs: startOfUtcDay(START_MS) + DAY_MS };
    const stored = async () => {
      const days = await (await engine.history(ORG_ID)).costDays(range);
      return { total: days.reduce((a, d) => a + costDayTotal(d), 0), rows: days.flatMap((d) => d.rows) };
    };

    // A large organization: the Analytics cost report answers at most one grouping.
    sim.setFaults('analytics_cost=too-many-groups:1');
    expect((await engine.syncOrg(ORG_ID, { force: true })).state).toBe('ok');
    const first = await stored();
    expect(first.total).toBe(sim.model.visibleCostMicros(range.startMs, range.endMs, clock.nowMs()));
    // Per-key attribution was given up (and is null, never a made-up key); workspaces were kept.
    expect(first.rows.every((r) => (r.apiKeyId ?? null) === null)).toBe(true);
    expect(first.rows.some((r) => r.projectId?.startsWith('wrkspc_'))).toBe(true);

    // Then a refusal nothing smaller answers: the sync fails in Anthropic's words, the figures stay.
    clock.advance(HOUR_MS);
    sim.setFaults('analytics_cost=page-too-large');
    const failed = await engine.syncOrg(ORG_ID, { force: true });
    expect(failed.state).toBe('error');
    expect(failed.lastError?.message).toMatch(/^Anthropic says its report is too large to send/);
    expect(failed.lastError?.message).toContain('The previous figures are kept');
    expect(await stored()).toEqual(first);

    // Once Anthropic answers again, the next sync catches up to the ground truth.
    sim.setFaults(null);
    expect((await engine.syncOrg(ORG_ID, { force: true })).state).toBe('ok');
    expect((await stored()).total).toBe(
      sim.model.visibleCostMicros(range.startMs, range.endMs, clock.nowMs()),
    );
  }, 60_000);
});
