import { describe, expect, it, vi } from 'vitest';
import type { ProviderId } from '@core/providers';
import { SettingsSchema, type Org, type Settings } from '@core/schemas';
import {
  accountOfOrganization,
  rememberProviderOrgId,
  sameOrganizationMessage,
} from '../../../main/services/duplicate-org';
import { registerOrg, type OrgRegistrationDeps } from '../../../main/services/org-registration';

const NOW = Date.UTC(2026, 2, 10, 10, 0, 0);

function org(id: string, extra: Partial<Org> = {}): Org {
  return {
    id,
    name: id,
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: NOW,
    ...extra,
  };
}

function memorySettings(orgs: Org[]) {
  let settings: Settings = SettingsSchema.parse({ version: 2, orgs });
  return {
    get: () => settings,
    update: vi.fn(
      async (mutate: (s: Settings) => Settings) => (settings = SettingsSchema.parse(mutate(settings))),
    ),
  };
}

describe('accountOfOrganization', () => {
  const orgs = [
    org('org_acme000001', { name: 'Acme', providerOrgId: 'org-abc' }),
    org('org_claude0001', { name: 'Claude', provider: 'anthropic', providerOrgId: 'org-abc' }),
    org('org_demo000001', { kind: 'demo', providerOrgId: 'org-demo' }),
  ];

  it('finds the account of the same provider and organization id', () => {
    expect(accountOfOrganization(orgs, 'openai', 'org-abc', null)?.name).toBe('Acme');
    expect(accountOfOrganization(orgs, 'anthropic', 'org-abc', null)?.name).toBe('Claude');
  });

  it('ignores another organization, the account being added again, and demo accounts', () => {
    expect(accountOfOrganization(orgs, 'openai', 'org-other', null)).toBeNull();
    expect(accountOfOrganization(orgs, 'openai', 'org-abc', 'org_acme000001')).toBeNull();
    expect(accountOfOrganization(orgs, 'openai', 'org-demo', null)).toBeNull();
  });

  it('names the account in its refusal', () => {
    expect(sameOrganizationMessage(orgs[0]!)).toBe(
      '"Acme" is this organization already: this key belongs to the same organization, so its spend ' +
        'would be counted twice. Nothing was saved.',
    );
  });
});

describe('rememberProviderOrgId', () => {
  it('fills a missing id and never replaces one already stored', async () => {
    const settings = memorySettings([
      org('org_a00000001'),
      org('org_b00000001', { providerOrgId: 'org-kept' }),
    ]);
    await rememberProviderOrgId(settings, 'org_a00000001', 'org-new');
    await rememberProviderOrgId(settings, 'org_b00000001', 'org-new');
    await rememberProviderOrgId(settings, 'org_a00000001', null);
    expect(settings.get().orgs.map((o) => o.providerOrgId)).toEqual(['org-new', 'org-kept']);
    expect(settings.update).toHaveBeenCalledTimes(1);
  });
});

describe('registerOrg and the organization id', () => {
  function deps(orgs: Org[], organizationId: string | null, keys = new Map<string, string>()) {
    const settings = memorySettings(orgs);
    return {
      settings,
      keys,
      deps: {
        settings,
        secrets: {
          get: async (id: string) => keys.get(id) ?? null,
          set: async (id: string, k: string) => void keys.set(id, k),
        },
        isClockPinned: false,
        verifyKey: async (_p: ProviderId) => ({ currency: null, organizationId }),
        hasKey: async (o: Org) => keys.has(o.id),
        newOrgId: () => 'org_new0000001',
        nowMs: () => NOW,
      } as unknown as OrgRegistrationDeps,
    };
  }

  it('lets an account whose key was lost be added again with a key of its own organization', async () => {
    const lost = org('org_lost000001', { name: 'Acme', providerOrgId: 'org-abc', addressToConfirm: true });
    const { deps: d, settings, keys } = deps([lost], 'org-abc');
    const saved = await registerOrg(d, {
      name: 'Acme',
      apiKey: 'sk-admin-new-key-000000001',
      provider: 'openai',
    });
    expect(saved.id).toBe('org_lost000001');
    expect(settings.get().orgs).toEqual([
      { ...org('org_lost000001', { name: 'Acme' }), providerOrgId: 'org-abc' },
    ]);
    expect(keys.get('org_lost000001')).toBe('sk-admin-new-key-000000001');
  });

  it('refuses a key of an organization already added under another name', async () => {
    const acme = org('org_acme000001', { name: 'Acme', providerOrgId: 'org-abc' });
    const keys = new Map([['org_acme000001', 'sk-admin-first-key-00000001']]);
    const { deps: d, settings } = deps([acme], 'org-abc', keys);
    await expect(
      registerOrg(d, { name: 'Acme finance', apiKey: 'sk-admin-second-key-0000001', provider: 'openai' }),
    ).rejects.toThrow('"Acme" is this organization already');
    expect(settings.get().orgs).toEqual([acme]);
    expect([...keys.keys()]).toEqual(['org_acme000001']);
  });

  it('adds an account of a provider that names no organization by its key alone', async () => {
    const router = org('org_router0001', { name: 'Router', provider: 'openrouter' });
    const keys = new Map([['org_router0001', 'sk-or-v1-first-key-000000000001']]);
    const { deps: d, settings } = deps([router], null, keys);
    await registerOrg(d, {
      name: 'Router two',
      apiKey: 'sk-or-v1-other-key-000000000001',
      provider: 'openrouter',
    });
    expect(settings.get().orgs.map((o) => [o.name, o.providerOrgId])).toEqual([
      ['Router', undefined],
      ['Router two', undefined],
    ]);
  });
});
