/**
 * The same organization is never added twice: two different Admin keys of one organization (the API
 * names the same organization id on its answers) add it once, the second refused with the first's name.
 * Runs the real key check (`verifyProviderKey` over `createProviderApi`) against the OpenAI and Anthropic
 * simulators on loopback, on a pinned clock; an account from a settings file written before the id was
 * stored loads and gets its id at its next successful sync.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@core/api-contract';
import type { ProviderId } from '@core/providers';
import type { Org, Settings } from '@core/schemas';
import { registerOrg, type OrgRegistrationDeps } from '../../main/services/org-registration';
import { createProviderApi, verifyProviderKey } from '../../main/services/providers/create-provider-api';
import { openSettingsStore, SETTINGS_FILE } from '../../main/services/stores/settings-store';
import { createSyncEngine } from '../../main/services/sync';
import {
  ANTHROPIC_DEMO_ADMIN_KEY,
  simulatedAnthropicOrgId,
  startAnthropicSimulator,
} from '../../main/simulator/anthropic/index';
import {
  createSimClock,
  DEMO_ADMIN_KEY,
  simulatedOpenAiOrgId,
  startSimulator,
} from '../../main/simulator/index';

const START_MS = Date.UTC(2026, 2, 10, 10, 7, 0);
/** A second Admin key of the same organization (the simulators accept any well-formed Admin key). */
const OTHER_KEY: Record<'openai' | 'anthropic', string> = {
  openai: 'sk-admin-second-key-of-the-same-organization-0001',
  anthropic: 'sk-ant-admin01-second-key-of-the-same-organization-0001',
};
const FIRST_KEY = { openai: DEMO_ADMIN_KEY, anthropic: ANTHROPIC_DEMO_ADMIN_KEY };

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function simulatorOf(provider: 'openai' | 'anthropic', seed: number) {
  const clock = createSimClock({ startMs: START_MS, speed: 0 });
  const sim =
    provider === 'openai'
      ? await startSimulator({ seed, historyDays: 3, clock, organizationId: simulatedOpenAiOrgId(seed) })
      : await startAnthropicSimulator({
          seed,
          historyDays: 3,
          clock,
          organizationId: simulatedAnthropicOrgId(seed),
        });
  cleanup.push(sim.close);
  return sim;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cw-same-org-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}

/** The `orgs:add` rules over a real settings store and the real key check. */
async function registration() {
  const settings = await openSettingsStore(await tempDir(), { nowMs: () => START_MS });
  const keys = new Map<string, string>();
  let n = 0;
  const deps: OrgRegistrationDeps = {
    settings,
    secrets: {
      get: async (id) => keys.get(id) ?? null,
      set: async (id, k) => void keys.set(id, k),
      remove: async (id) => void keys.delete(id),
      has: async (id) => keys.has(id),
    } as OrgRegistrationDeps['secrets'],
    isClockPinned: true,
    verifyKey: (provider: ProviderId, apiKey, baseUrl) =>
      verifyProviderKey(createProviderApi(provider, { apiKey, baseURL: baseUrl }), START_MS),
    hasKey: async (org) => keys.has(org.id),
    newOrgId: () => `org_sameorg${String(++n).padStart(4, '0')}`,
    nowMs: () => START_MS,
  };
  return { deps, settings, keys };
}

describe.each(['openai', 'anthropic'] as const)('adding a %s organization', (provider) => {
  const orgIdOf = provider === 'openai' ? simulatedOpenAiOrgId : simulatedAnthropicOrgId;

  it('refuses a second key of the same organization, naming the account it already is', async () => {
    const sim = await simulatorOf(provider, 11);
    const { deps, settings, keys } = await registration();
    const first = await registerOrg(deps, {
      name: 'Acme',
      apiKey: FIRST_KEY[provider],
      baseUrl: sim.baseUrl,
      provider,
    });

    const second = registerOrg(deps, {
      name: 'Acme finance',
      apiKey: OTHER_KEY[provider],
      baseUrl: sim.baseUrl,
      provider,
    });
    await expect(second).rejects.toThrow(ApiError);
    await expect(second).rejects.toThrow(/^"Acme" is this organization already: .*Nothing was saved\.$/);
    expect(settings.get().orgs.map((o) => o.name)).toEqual(['Acme']);
    expect([...keys.values()]).toEqual([FIRST_KEY[provider]]);
    expect(first.providerOrgId).toBe(orgIdOf(11));
    expect(settings.get().orgs.map((o) => o.providerOrgId)).toEqual([orgIdOf(11)]);
  });

  it('adds two different organizations, each with its own id', async () => {
    const simA = await simulatorOf(provider, 11);
    const simB = await simulatorOf(provider, 12);
    const { deps, settings } = await registration();
    await registerOrg(deps, { name: 'Acme', apiKey: FIRST_KEY[provider], baseUrl: simA.baseUrl, provider });
    await registerOrg(deps, { name: 'Beta', apiKey: OTHER_KEY[provider], baseUrl: simB.baseUrl, provider });
    expect(settings.get().orgs.map((o) => [o.name, o.providerOrgId])).toEqual([
      ['Acme', orgIdOf(11)],
      ['Beta', orgIdOf(12)],
    ]);
  });
});

describe('an account saved before the organization id was recorded', () => {
  it('loads from its settings file and gets the id at its next successful sync', async () => {
    const sim = await simulatorOf('openai', 21);
    const dataDir = await tempDir();
    const org: Org = {
      id: 'org_oldfile0001',
      name: 'Acme',
      kind: 'live',
      provider: 'openai',
      baseUrl: sim.baseUrl,
      createdAtMs: START_MS - 86_400_000,
    };
    const oldFile = { version: 2, orgs: [org], selectedOrgId: org.id };
    await writeFile(join(dataDir, SETTINGS_FILE), JSON.stringify(oldFile, null, 2));
    const problems: unknown[] = [];
    const settings = await openSettingsStore(dataDir, {
      nowMs: () => START_MS,
      onProblem: (p) => problems.push(p),
    });
    expect(problems).toEqual([]);
    expect(settings.get().orgs).toEqual([org]);

    const engine = createSyncEngine({
      dataDir,
      settings,
      nowMs: () => START_MS,
      random: () => 0.5,
      backfillDays: 2,
      clientFor: async (o) => createProviderApi(o.provider, { apiKey: DEMO_ADMIN_KEY, baseURL: o.baseUrl }),
    });
    cleanup.push(async () => engine.stop());
    await engine.ready();
    const status = await engine.syncOrg(org.id, { force: true });
    expect(status.state).toBe('ok');
    const saved: Settings = settings.get();
    expect(saved.orgs).toEqual([{ ...org, providerOrgId: simulatedOpenAiOrgId(21) }]);
  });

  it('keeps an id already stored when a sync names another', async () => {
    const sim = await simulatorOf('openai', 22);
    const dataDir = await tempDir();
    const settings = await openSettingsStore(dataDir, { nowMs: () => START_MS });
    const org: Org = {
      id: 'org_kept000001',
      name: 'Acme',
      kind: 'live',
      provider: 'openai',
      baseUrl: sim.baseUrl,
      createdAtMs: START_MS,
      providerOrgId: 'org-AsTypedBefore',
    };
    await settings.update((s) => ({ ...s, orgs: [org], selectedOrgId: org.id }));
    const engine = createSyncEngine({
      dataDir,
      settings,
      nowMs: () => START_MS,
      backfillDays: 2,
      clientFor: async (o) => createProviderApi(o.provider, { apiKey: DEMO_ADMIN_KEY, baseURL: o.baseUrl }),
    });
    cleanup.push(async () => engine.stop());
    expect((await engine.syncOrg(org.id, { force: true })).state).toBe('ok');
    expect(settings.get().orgs[0]!.providerOrgId).toBe('org-AsTypedBefore');
  });
});
