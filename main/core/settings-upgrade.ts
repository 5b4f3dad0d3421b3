/**
 * Upgrades of settings.json, one pure step per version (the file store applies them in order before it
 * validates). Nothing the user typed is dropped: every field is carried over, only renamed or filled in.
 *
 * Version 2: an organization names its provider always (version 1 left it out for OpenAI accounts) and
 * its `kind` says what it is, `'live'` or `'demo'` (version 1 wrote `'openai'` for a live account of any
 * provider).
 */

/** The settings file version this build writes. */
export const SETTINGS_VERSION = 2;

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One organization as written by version 1 → as version 2 writes it. A value that is not an object is
 * returned as it is (validation then says what is wrong with it).
 *
 * Example: `{ id: 'org_acme0001', kind: 'openai', … }` → `{ id: 'org_acme0001', kind: 'live', provider: 'openai', … }`.
 */
export function upgradeOrgV1ToV2(org: unknown): unknown {
  if (!isObject(org)) return org;
  return {
    ...org,
    kind: org.kind === 'openai' ? 'live' : org.kind,
    provider: org.provider === undefined ? 'openai' : org.provider,
  };
}

/**
 * Settings version 1 → 2 (see the file comment): every organization upgraded, every other field kept.
 *
 * Example: `{ version: 1, orgs: [{ kind: 'demo', demoProfile: 'personal', … }] }` →
 * `{ version: 2, orgs: [{ kind: 'demo', provider: 'openai', demoProfile: 'personal', … }] }`.
 */
export function upgradeSettingsV1ToV2(raw: Raw): Raw {
  if (raw.orgs !== undefined && !Array.isArray(raw.orgs)) throw new Error('"orgs" is not a list');
  return {
    ...raw,
    version: 2,
    ...(Array.isArray(raw.orgs) ? { orgs: raw.orgs.map(upgradeOrgV1ToV2) } : {}),
  };
}
