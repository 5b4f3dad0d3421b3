/**
 * The same organization is never added twice (it would be counted twice). An Admin or API key belongs to
 * one organization, so a key already stored for another account names that account; none of the providers'
 * APIs used here returns an organization id to compare instead.
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
