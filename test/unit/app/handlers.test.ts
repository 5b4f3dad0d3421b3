import type { ProviderId } from '@core/providers';
import { demoLedger } from '@core/demo-ledger';
import { demoSpend } from '../../../main/app/demo-orgs';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, REQUEST_ARGS } from '@core/api-contract';
import type { Dashboard } from '@core/dashboard';
import { INITIAL_SYNC_STATUS, SettingsSchema, type Settings } from '@core/schemas';
import { createEventBus } from '../../../main/app/event-bus';
import { createHandlers, type HandlerParts } from '../../../main/app/handlers';

const ADMIN_KEY = 'sk-admin-valid-0123456789';

function setup() {
  let settings: Settings = SettingsSchema.parse({ version: 2 });
  const keys = new Map<string, string>();
  const bus = createEventBus();
  const events: string[] = [];
  bus.subscribe((e) => events.push(e));
  let n = 0;
  const deps = {
    appInfo: { version: '0.0.0-test', transport: 'http' as const, dataDir: '/tmp/x', isClockPinned: false },
    isClockPinned: false,
    settings: {
      get: () => settings,
      update: async (mutate: (s: Settings) => Settings) =>
        (settings = SettingsSchema.parse(mutate(settings))),
    },
    secrets: {
      get: async (id: string) => keys.get(id) ?? null,
      set: async (id: string, k: string) => void keys.set(id, k),
      remove: async (id: string) => void keys.delete(id),
      has: async (id: string) => keys.has(id),
    },
    sync: {
      syncOrg: vi.fn(async () => INITIAL_SYNC_STATUS),
      syncDue: vi.fn(async () => {}),
      status: () => INITIAL_SYNC_STATUS,
      dashboard: vi.fn(
        async (orgId: string) => ({ org: { id: orgId }, asOfMs: null }) as unknown as Dashboard,
      ),
      forget: vi.fn(async () => {}),
    },
    money: {
      ledger: vi.fn(),
      addEntry: vi.fn(),
      removeEntry: vi.fn(),
      updateBilling: vi.fn(),
      view: vi.fn(),
      whatIf: vi.fn(),
      snapshotExtras: vi.fn(),
      forget: vi.fn(async () => {}),
      discardReadings: vi.fn(),
    },
    limits: { get: () => ({ org: null, projects: [], asOfMs: null, problem: null }) },
    alerts: {
      evaluate: vi.fn(),
      view: vi.fn(),
      preview: vi.fn(),
      snooze: vi.fn(),
      acknowledge: vi.fn(),
      pause: vi.fn(),
      settings: vi.fn(),
      updateSettings: vi.fn(),
    },
    problems: () => [],
    bus,
    nowMs: () => 1_700_000_000_000,
    newOrgId: () => `org_testorg${String(++n).padStart(3, '0')}`,
    verifyKey: vi.fn(async (provider: ProviderId, key: string) => {
      if (key.includes('revoked')) throw new Error('OpenAI rejected the Admin key (unknown or revoked)');
      return { currency: provider === 'deepseek' ? 'CNY' : null };
    }),
    validateCron: (expr: string) => (expr.split(' ').length === 5 ? null : `'${expr}' needs 5 fields.`),
    reschedule: vi.fn(),
    hasKey: async (org: { id: string; kind: string }) => org.kind === 'demo' || keys.has(org.id),
    files: {
      plan: vi.fn(),
      chunks: vi.fn(),
      backupText: vi.fn(),
      backupFileName: () => 'creditwatch-backup.json',
      restore: vi.fn(),
    },
    delivery: { deliverExport: vi.fn(), deliverBackup: vi.fn() },
  };
  // One set of stand-ins serves every handler file, each typed as what that file uses.
  const parts = {
    app: deps,
    settings: deps,
    orgs: deps,
    money: deps,
    alerts: deps,
    backups: deps,
    files: deps,
  } satisfies HandlerParts;
  return { deps, handlers: createHandlers(parts), keys, events, getSettings: () => settings };
}

describe('orgs:add', () => {
  it('checks the key with a real call first and saves nothing when it fails', async () => {
    const { handlers, keys, getSettings, deps } = setup();
    const attempt = handlers['orgs:add']({ name: 'Acme', apiKey: 'sk-admin-revoked-123456' });
    await expect(attempt).rejects.toThrow(ApiError);
    await expect(attempt).rejects.toThrow(
      'OpenAI rejected the Admin key (unknown or revoked). Nothing was saved.',
    );
    expect(deps.verifyKey).toHaveBeenCalledTimes(1);
    expect(getSettings().orgs).toEqual([]);
    expect(keys.size).toBe(0);
    expect(deps.sync.syncOrg).not.toHaveBeenCalled();
  });

  it('refuses a project key at once, offline, with where to get an Admin key', async () => {
    const { handlers, keys, deps } = setup();
    const attempt = handlers['orgs:add']({ name: 'Acme', apiKey: 'sk-proj-abcdefghijk' });
    await expect(attempt).rejects.toThrow(
      /project key.*needs an Admin key.*admin-keys\. Nothing was saved\./,
    );
    expect(deps.verifyKey).not.toHaveBeenCalled();
    expect(keys.size).toBe(0);
  });

  it("refuses another provider's key at once, naming both providers, and saves nothing", async () => {
    const { handlers, keys, deps, getSettings } = setup();
    const attempt = handlers['orgs:add']({ name: 'Team', apiKey: 'sk-ant-admin01-abcdefghijk' });
    await expect(attempt).rejects.toThrow(
      'This is an Anthropic key, and this account is on OpenAI. Choose Anthropic as the provider, or paste an OpenAI Admin key (sk-admin-…). Nothing was saved.',
    );
    expect(deps.verifyKey).not.toHaveBeenCalled();
    expect(keys.size).toBe(0);
    expect(getSettings().orgs).toEqual([]);
  });

  it('adds an account on another provider with the currency its API names', async () => {
    const { handlers, getSettings, deps } = setup();
    const key = `sk-${'0123456789abcdef'.repeat(2)}`;
    const org = await handlers['orgs:add']({ name: 'DeepSeek', apiKey: key, provider: 'deepseek' });
    expect(deps.verifyKey).toHaveBeenCalledWith('deepseek', key, null);
    expect(org).toMatchObject({ provider: 'deepseek', currency: 'CNY', kind: 'live' });
    expect(getSettings().orgs[0]).toMatchObject({ provider: 'deepseek', currency: 'CNY' });
  });

  it('stores the key apart from settings, selects the org, starts a sync, and never returns the key', async () => {
    const { handlers, keys, getSettings, events, deps } = setup();
    const org = await handlers['orgs:add']({ name: 'Acme', apiKey: `  ${ADMIN_KEY} ` });
    expect(org).toMatchObject({ name: 'Acme', kind: 'live', provider: 'openai', hasKey: true });
    expect(JSON.stringify(org)).not.toContain(ADMIN_KEY);
    expect(keys.get(org.id)).toBe(ADMIN_KEY);
    expect(JSON.stringify(getSettings())).not.toContain(ADMIN_KEY);
    expect(getSettings().selectedOrgId).toBe(org.id);
    expect(deps.sync.syncOrg).toHaveBeenCalledWith(org.id, { force: true });
    expect(events).toContain('orgs:changed');
  });

  it('adding again an org whose key is missing keeps its id (and so its ledger and history)', async () => {
    const { handlers, keys, getSettings } = setup();
    const first = await handlers['orgs:add']({ name: 'Acme', apiKey: ADMIN_KEY });
    keys.delete(first.id); // the key was lost (or its file became unreadable)
    const again = await handlers['orgs:add']({ name: ' acme ', apiKey: ADMIN_KEY });
    expect(again.id).toBe(first.id);
    expect(again.hasKey).toBe(true);
    expect(getSettings().orgs).toHaveLength(1);
  });

  it('rejects a key with inner spaces without calling OpenAI', async () => {
    const { handlers, deps } = setup();
    await expect(handlers['orgs:add']({ name: 'Acme', apiKey: 'sk-admin-abc def' })).rejects.toThrow(
      /spaces/,
    );
    expect(deps.verifyKey).not.toHaveBeenCalled();
  });

  it('refuses the same organization twice (its key is already here), naming it, and saves nothing', async () => {
    const { handlers, getSettings, deps } = setup();
    await handlers['orgs:add']({ name: 'Acme', apiKey: ADMIN_KEY });
    deps.verifyKey.mockClear();
    await expect(handlers['orgs:add']({ name: 'Acme again', apiKey: ` ${ADMIN_KEY}` })).rejects.toThrow(
      'This key is already in use here by "Acme": that organization is already added. Nothing was saved.',
    );
    expect(deps.verifyKey).not.toHaveBeenCalled();
    expect(getSettings().orgs.map((o) => o.name)).toEqual(['Acme']);
  });
});

describe('orgs:startDemo, orgs:remove, orgs:select', () => {
  it('creates the demo accounts once (one per provider), seeds their ledgers, and selects the company demo', async () => {
    const { handlers, getSettings, deps } = setup();
    const a = await handlers['orgs:startDemo']({});
    const b = await handlers['orgs:startDemo']({});
    expect(a.id).toBe(b.id);
    const demos = getSettings().orgs.filter((o) => o.kind === 'demo');
    expect(demos.map((o) => [o.name, o.demoProfile, o.provider, o.currency])).toEqual([
      ['Demo organization', 'company', 'openai', undefined],
      ['Personal', 'personal', 'openai', undefined],
      ['Claude team', 'anthropic', 'anthropic', undefined],
      ['OpenRouter', 'openrouter', 'openrouter', undefined],
      ['DeepSeek', 'deepseek', 'deepseek', 'CNY'],
    ]);
    expect(getSettings().selectedOrgId).toBe(a.id);
    expect(a.demoProfile).toBe('company');
    expect(a.hasKey).toBe(true);
    // Seeded once: each account's billing; the company's purchase, grant, recorded balance and the reloads
    // its rule made over the simulated spend, and the Claude team's purchase.
    const seeded = (['company', 'anthropic'] as const).flatMap(
      (p) => demoLedger(p, 1_700_000_000_000, demoSpend(p, 1_700_000_000_000)).entries,
    );
    expect(seeded.filter((e) => e.kind === 'reload').length).toBeGreaterThan(0);
    expect(deps.money.updateBilling).toHaveBeenCalledTimes(5);
    expect(deps.money.addEntry).toHaveBeenCalledTimes(seeded.length);
  });

  it('removes an org with its key and history and moves the selection', async () => {
    const { handlers, keys, getSettings, deps } = setup();
    const demo = await handlers['orgs:startDemo']({});
    const acme = await handlers['orgs:add']({ name: 'Acme', apiKey: ADMIN_KEY });
    await handlers['orgs:remove']({ orgId: acme.id });
    expect(keys.has(acme.id)).toBe(false);
    expect(deps.sync.forget).toHaveBeenCalledWith(acme.id);
    expect(deps.money.forget).toHaveBeenCalledWith(acme.id);
    expect(getSettings().orgs.map((o) => o.id)).toEqual([
      demo.id,
      'org_testorg002',
      'org_testorg003',
      'org_testorg004',
      'org_testorg005',
    ]);
    expect(getSettings().selectedOrgId).toBe(demo.id);
  });

  it('answers not-found for an org that is not configured', async () => {
    const { handlers } = setup();
    await expect(handlers['orgs:select']({ orgId: 'org_missing000' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(handlers['dashboard:get']({ orgId: 'org_missing000' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('settings:update', () => {
  it('refuses an invalid cron expression with its message and keeps the old schedule', async () => {
    const { handlers, getSettings, deps } = setup();
    await expect(handlers['settings:update']({ syncCron: '*/5 * *' })).rejects.toThrow(
      "'*/5 * *' needs 5 fields.",
    );
    expect(getSettings().syncCron).toBe('*/5 * * * *');
    expect(deps.reschedule).not.toHaveBeenCalled();
  });

  it('keeps conversion rates the user set, with when they were set, and refuses bad ones in words', async () => {
    const { handlers, getSettings } = setup();
    const next = await handlers['settings:update']({
      conversionRates: [{ currency: 'CNY', usdPerUnit: 0.14 }],
    });
    expect(next.conversionRates).toEqual([{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: 1_700_000_000_000 }]);
    const parse = (v: unknown) => REQUEST_ARGS['settings:update'].safeParse(v);
    expect(parse({ conversionRates: [{ currency: 'XYZ', usdPerUnit: 1 }] }).error?.issues[0]?.message).toBe(
      'Use a three-letter currency code, such as CNY.',
    );
    expect(parse({ conversionRates: [{ currency: 'CNY', usdPerUnit: 0 }] }).error?.issues[0]?.message).toBe(
      'A rate must be more than zero.',
    );
    const twice = [
      { currency: 'CNY', usdPerUnit: 0.14 },
      { currency: 'cny', usdPerUnit: 0.15 },
    ];
    expect(parse({ conversionRates: twice }).error?.issues[0]?.message).toBe(
      'Each currency can have one rate only.',
    );
    expect(getSettings().conversionRates).toHaveLength(1);
  });

  it('applies a valid schedule to the running scheduler', async () => {
    const { handlers, deps } = setup();
    const next = await handlers['settings:update']({ syncCron: '*/15 * * * *' });
    expect(next.syncCron).toBe('*/15 * * * *');
    expect(deps.reschedule).toHaveBeenCalledWith('*/15 * * * *');
  });

  it('refuses a time zone that does not exist', async () => {
    const { handlers } = setup();
    await expect(handlers['settings:update']({ timeZone: 'Mars/Olympus' })).rejects.toThrow(
      /not a time zone/,
    );
    expect((await handlers['settings:update']({ timeZone: 'Europe/Berlin' })).timeZone).toBe('Europe/Berlin');
  });
});

describe('dashboard:get', () => {
  it('adds hasKey to the org without exposing the key', async () => {
    const { handlers } = setup();
    const acme = await handlers['orgs:add']({ name: 'Acme', apiKey: ADMIN_KEY });
    const d = await handlers['dashboard:get']({ orgId: acme.id });
    expect(d.org).toMatchObject({ id: acme.id, hasKey: true });
    expect(JSON.stringify(d)).not.toContain(ADMIN_KEY);
  });
});
