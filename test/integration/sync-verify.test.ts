import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApi, verifyAdminKey } from '../../main/services/openai-client';
import { DEMO_ADMIN_KEY } from '../../main/simulator/index';
import { startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

describe('verifyAdminKey', () => {
  it('accepts an Admin key with one request', async () => {
    h = await startHarness();
    const mark = h.sim.requests.length;
    await verifyAdminKey(createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: h.sim.baseUrl }), h.clock.nowMs());
    expect(h.since(mark)).toHaveLength(1);
  });

  it('explains a project key without echoing it', async () => {
    h = await startHarness();
    const api = createAdminApi({ apiKey: 'sk-proj-THISISSECRETabcdefghijkl', baseURL: h.sim.baseUrl });
    const err = await verifyAdminKey(api, h.clock.nowMs()).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^This is a project key \(sk-proj-…\)\. Creditwatch needs an Admin key/,
    );
    expect((err as Error).message).not.toContain('THISISSECRET');
  });
});
