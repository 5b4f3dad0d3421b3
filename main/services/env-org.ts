/**
 * The account of an Admin key given in the environment (OPENAI_ADMIN_KEY): monitored as its own
 * organization under a reserved id, its key never written to disk.
 */
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import type { Org } from '@core/schemas';
import type { SettingsStore } from './stores/settings-store';

/** Adds the environment key's account once (selected when none is); an existing one is left as it is. */
export async function ensureEnvOrg(settings: SettingsStore, nowMs: number): Promise<void> {
  if (settings.get().orgs.some((o) => o.id === ENV_ORG_ID)) return;
  const org: Org = {
    id: ENV_ORG_ID,
    name: 'OpenAI (OPENAI_ADMIN_KEY)',
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: nowMs,
  };
  await settings.update((s) => ({ ...s, orgs: [...s.orgs, org], selectedOrgId: s.selectedOrgId ?? org.id }));
}
