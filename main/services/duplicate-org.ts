/**
 * The same organization is never added twice (it would be counted twice). An Admin or API key belongs to
 * one organization, so a key already stored for another account names that account. Two different keys
 * of one organization are caught by the organization id the API names on its answers (OpenAI,
 * Anthropic: stored on the account as `providerOrgId`); OpenRouter and DeepSeek name none, so for them
 * only the key itself is compared.
 */
import type { Org } from '@core/schemas';
import type { SecretStore } from './secrets';
import type { SettingsStore } from './stores/settings-store';

/** The account (other than `except`) whose stored key is `key`, or null. Demo accounts have no key. */
export async function accountWithKey(
  deps: { settings: Pick<SettingsStore, 'get'>; secrets: Pick<SecretStore, 'get'> },
  key: string,
  except: string | null,
): Promise<Org | null> {
  for (const org of deps.settings.get().orgs) {
    if (org.kind === 'demo' || org.id === except) continue;
    const stored = await deps.secrets.get(org.id).catch(() => null);
    if (stored !== null && stored.trim() === key) return org;
  }
  return null;
}

/** Words for the refusal. Example: `This key is already in use here by "Acme": …`. */
export function duplicateOrgMessage(org: Org): string {
  return `This key is already in use here by "${org.name}": that organization is already added. Nothing was saved.`;
}

/**
 * The account (other than `except`) on `provider` whose organization id is `providerOrgId`, or null.
 * Example: a second OpenAI Admin key of org-abc while "Acme" has org-abc → "Acme".
 */
export function accountOfOrganization(
  orgs: readonly Org[],
  provider: Org['provider'],
  providerOrgId: string,
  except: string | null,
): Org | null {
  return (
    orgs.find(
      (o) =>
        o.kind === 'live' && o.id !== except && o.provider === provider && o.providerOrgId === providerOrgId,
    ) ?? null
  );
}

/** Words for the refusal of another key of an organization already added. */
export function sameOrganizationMessage(org: Org): string {
  return (
    `"${org.name}" is this organization already: this key belongs to the same organization, so its spend ` +
    `would be counted twice. Nothing was saved.`
  );
}

/**
 * Stores the organization id an account's API named at a sync, when the account has none yet (accounts
 * added before it was recorded); an id already stored is never replaced. Writes nothing otherwise.
 */
export async function rememberProviderOrgId(
  settings: Pick<SettingsStore, 'get' | 'update'>,
  orgId: string,
  providerOrgId: string | null,
): Promise<void> {
  if (!providerOrgId) return;
  const org = settings.get().orgs.find((o) => o.id === orgId);
  if (!org || org.kind !== 'live' || org.providerOrgId) return;
  await settings.update((s) => ({
    ...s,
    orgs: s.orgs.map((o) => (o.id === orgId && !o.providerOrgId ? { ...o, providerOrgId } : o)),
  }));
}
