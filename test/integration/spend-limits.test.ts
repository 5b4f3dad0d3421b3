// Hard spend limits through the official SDK against the simulator: the org and project endpoints answer
// the spec's resources (cents), and the refresher reads them at most hourly and keeps the last figures
// (with the problem in words) when a read fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { HOUR_MS } from '@core/time';
import { createAdminApi } from '../../main/services/openai-client';
import { createSpendLimitSync } from '../../main/services/spend-limit-sync';
import { createSimClock, DEMO_ADMIN_KEY, startSimulator, type Simulator } from '../../main/simulator/index';
import { createSpecValidator } from '../unit/simulator/spec-validator';

const START = Date.UTC(2026, 2, 10, 10, 7);
const ORG: Org = {
  id: 'org_limits0001',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
};
let sim: Simulator;
const clock = createSimClock({ startMs: START, speed: 0 });

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, clock });
});
afterAll(async () => {
  await sim.close();
});

const get = async (path: string) => {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${DEMO_ADMIN_KEY}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('simulator: project spend limit', () => {
  it('answers a ProjectSpendLimitResource for a project, and 404 for an unknown one', async () => {
    const spec = createSpecValidator();
    const first = await get(`/organization/projects/${sim.model.projects[0]!.id}/spend_limit`);
    expect(first.status).toBe(200);
    expect(spec.errors('ProjectSpendLimitResource', first.body)).toEqual([]);
    expect(spec.unknownProperties('ProjectSpendLimitResource', first.body)).toEqual([]);
    expect(first.body).toMatchObject({ object: 'project.spend_limit', enforcement: { status: 'enforcing' } });
    expect(Number.isInteger(first.body.threshold_amount)).toBe(true);
    const second = await get(`/organization/projects/${sim.model.projects[1]!.id}/spend_limit`);
    expect(second.body).toMatchObject({ enforcement: { status: 'inactive' } });
    const unknown = await get('/organization/projects/proj_nope/spend_limit');
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as { message: string }).message).toMatch(/No project found/);
  });
});

describe('spend limit refresher', () => {
  it('reads org and project limits through the SDK, hourly at most, and keeps them when a read fails', async () => {
    let nowMs = START;
    let calls = 0;
    const limits = createSpendLimitSync({
      orgs: () => [ORG],
      clientFor: async () => {
        calls++;
        return createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: sim.baseUrl });
      },
      projectsOf: async () => sim.model.projects.slice(0, 2).map((p) => ({ id: p.id, name: p.name })),
      nowMs: () => nowMs,
    });
    expect(await limits.refreshDue()).toBe(true);
    const view = limits.get(ORG.id);
    expect(view.org?.isEnforced).toBe(true);
    expect(view.org!.limitMicros % 100_000_000).toBe(0); // whole $100s, from cents
    expect(view.projects.map((p) => p.isEnforced)).toEqual([true, false]);
    expect(view.asOfMs).toBe(START);

    nowMs += 10 * 60_000;
    await limits.refreshDue();
    expect(calls).toBe(1); // not again within the hour

    sim.setFaults('spend_limit=500');
    nowMs += HOUR_MS;
    await limits.refreshDue();
    const after = limits.get(ORG.id);
    expect(after.org).toEqual(view.org);
    expect(after.problem).toMatch(/^Could not read the hard spend limits: /);
    sim.setFaults(null);
  });
});

describe('spend alerts, "no limit" answers and the Admin key expiry', () => {
  it('the simulator answers the spec resources: alert lists, the no-limit answer, the key list', async () => {
    const spec = createSpecValidator();
    const alerts = await get('/organization/spend_alerts?limit=1');
    expect(spec.errors('OrganizationSpendAlertListResource', alerts.body)).toEqual([]);
    expect(alerts.body).toMatchObject({ has_more: true, first_id: 'alert_org_half' });
    const next = await get('/organization/spend_alerts?limit=1&after=alert_org_half');
    expect(next.body).toMatchObject({ has_more: false, first_id: 'alert_org_most' });
    const third = await get(`/organization/projects/${sim.model.projects[2]!.id}/spend_limit`);
    expect(spec.errors('ProjectSpendLimitResource', third.body)).toEqual([]);
    expect(third.body).toMatchObject({ threshold_amount: 0, enforcement: { status: 'inactive' } });
    const keys = await get('/organization/admin_api_keys');
    expect(spec.errors('ApiKeyList', keys.body)).toEqual([]);
  });

  it('reads alerts beside limits, skips projects without recent spend, and finds the key expiry', async () => {
    const expiresAtMs = START + 5 * 86_400_000;
    const own = await startSimulator({ seed: 3, clock, adminKeyExpiresAtMs: expiresAtMs });
    try {
      const [first, second, third] = own.model.projects;
      const limits = createSpendLimitSync({
        orgs: () => [ORG],
        clientFor: async () => createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: own.baseUrl }),
        projectsOf: async () => [first!, second!, third!].map((p) => ({ id: p.id, name: p.name })),
        spendingProjectIds: async () => new Set([first!.id, third!.id]),
        nowMs: () => START,
      });
      await limits.refreshDue();
      const view = limits.get(ORG.id);
      expect(view.org).not.toBeNull();
      const orgCents = Math.round(view.org!.limitMicros / 10_000);
      expect(view.orgAlertsMicros).toEqual([
        Math.round(orgCents / 200) * 100 * 10_000,
        Math.round((orgCents * 0.8) / 100) * 100 * 10_000,
      ]);
      // The third project answers "no limit": nothing to show; the second has no recent spend: not read.
      expect(view.projects.map((p) => p.projectId)).toEqual([first!.id]);
      expect(view.projectAlerts?.map((p) => p.projectId)).toEqual([first!.id]);
      expect(own.requests.some((r) => r.path.includes(second!.id))).toBe(false);
      expect(view.adminKey).toEqual({ kind: 'expires', atMs: Math.floor(expiresAtMs / 1000) * 1000 });
    } finally {
      await own.close();
    }
  });

  it('an org without a limit reads as none set, with no alerts', async () => {
    const none = await startSimulator({ seed: 3, clock, spendLimit: 'none' });
    try {
      const limits = createSpendLimitSync({
        orgs: () => [ORG],
        clientFor: async () => createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: none.baseUrl }),
        projectsOf: async () => [],
        nowMs: () => START,
      });
      await limits.refreshDue();
      expect(limits.get(ORG.id)).toMatchObject({
        org: null,
        orgAlertsMicros: [],
        adminKey: { kind: 'never' },
      });
    } finally {
      await none.close();
    }
  });
});
