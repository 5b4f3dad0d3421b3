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
  kind: 'openai',
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
