/**
 * The last resort when settings.json and all its backups are unreadable: the organizations whose data
 * is still on disk — a ledger file, a history folder, a stored key — listed again, so nothing the user
 * entered is orphaned and no org is re-created under a new id.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderId } from '@core/providers';
import { OrgIdSchema, type Org } from '@core/schemas';

/**
 * Orgs found on disk (ledger files, `history/<org>/`, `keyIds`), oldest id first, with provisional names.
 * The provider is told by the stored key's shape (`providerOf`); without one it is taken to be OpenAI.
 * Each starts paused (`addressToConfirm`): the user confirms the address before its key is sent.
 */
export async function discoverOrgs(
  dataDir: string,
  keyIds: string[],
  nowMs: number,
  providerOf: (orgId: string) => Promise<ProviderId | null> = async () => null,
): Promise<Org[]> {
  const ids = new Set<string>();
  for (const name of await names(dataDir)) {
    const m = /^ledger-(org_[a-z0-9]+)\.json$/.exec(name);
    if (m) ids.add(m[1]!);
  }
  for (const name of await names(join(dataDir, 'history'))) ids.add(name);
  for (const id of keyIds) ids.add(id);
  const found = [...ids].filter((id) => OrgIdSchema.safeParse(id).success).sort();
  const orgs: Org[] = [];
  for (const id of found) {
    const provider = (await providerOf(id).catch(() => null)) ?? 'openai';
    orgs.push({
      id,
      name: `Recovered organization ${id.slice(4, 12)}`,
      kind: 'live',
      provider,
      baseUrl: null,
      // The address its key was given with is lost with the settings: send the key nowhere until confirmed.
      addressToConfirm: true,
      createdAtMs: nowMs,
    });
  }
  return orgs;
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
