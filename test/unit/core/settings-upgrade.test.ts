import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '@core/schemas';
import { SETTINGS_VERSION, upgradeOrgV1ToV2, upgradeSettingsV1ToV2 } from '@core/settings-upgrade';

const FIXTURES = join(__dirname, '../../fixtures/settings-v1');
const v1 = (folder: string) =>
  JSON.parse(readFileSync(join(FIXTURES, folder, 'settings.json'), 'utf8')) as Record<string, unknown> & {
    orgs: Record<string, unknown>[];
  };

describe('settings version 1 → 2', () => {
  it('upgrades the demo folder: every organization kept, demo kinds and providers as they were', () => {
    const before = v1('demo');
    const after = SettingsSchema.parse(upgradeSettingsV1ToV2(before));
    expect(after.version).toBe(SETTINGS_VERSION);
    expect(after.orgs).toHaveLength(before.orgs.length);
    expect(after.orgs.map((o) => [o.id, o.name, o.kind, o.provider, o.demoProfile])).toEqual(
      before.orgs.map((o) => [o.id, o.name, 'demo', o.provider, o.demoProfile]),
    );
    expect(after.selectedOrgId).toBe(before.selectedOrgId);
  });

  it('upgrades a live account on the environment key to kind "live", every other field kept', () => {
    const before = v1('envkey');
    const after = SettingsSchema.parse(upgradeSettingsV1ToV2(before));
    expect(before.orgs[0]!.kind).toBe('openai');
    expect(after.orgs).toEqual([{ ...before.orgs[0], kind: 'live' }]);
    const { version: _v, orgs: _o, ...rest } = before;
    const { version: _v2, orgs: _o2, ...restAfter } = after;
    expect(restAfter).toEqual(rest);
  });

  it('names OpenAI as the provider of an account written before providers existed', () => {
    const old = { id: 'org_acme0001', name: 'Acme', kind: 'openai', baseUrl: null, createdAtMs: 1 };
    expect(upgradeOrgV1ToV2(old)).toEqual({ ...old, kind: 'live', provider: 'openai' });
    // A provider already named is kept.
    expect(upgradeOrgV1ToV2({ ...old, provider: 'deepseek', currency: 'CNY' })).toMatchObject({
      kind: 'live',
      provider: 'deepseek',
      currency: 'CNY',
    });
  });

  it('keeps fields it does not know and leaves bad values for validation to name', () => {
    expect(upgradeSettingsV1ToV2({ version: 1, extra: 'kept' })).toEqual({ version: 2, extra: 'kept' });
    expect(upgradeSettingsV1ToV2({ version: 1, orgs: [5] })).toEqual({ version: 2, orgs: [5] });
    expect(() => upgradeSettingsV1ToV2({ version: 1, orgs: 'x' })).toThrow(/"orgs" is not a list/);
  });

  it('refuses version 1 content as version 2: a live account must say "live"', () => {
    expect(SettingsSchema.safeParse(v1('envkey')).success).toBe(false);
  });
});
