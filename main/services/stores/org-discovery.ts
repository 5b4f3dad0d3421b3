/**
 * The last resort when settings.json and all its backups are unreadable: the organizations whose data
 * is still on disk — a ledger file, a history folder, a stored key — listed again, so nothing the user
 * entered is orphaned and no org is re-created under a new id.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OrgIdSchema, type Org } from '@core/schemas';

/** Orgs found on disk (ledger files, `history/<org>/`, `keyIds`), oldest id first, with provisional names. */
export async function discoverOrgs(dataDir: string, keyIds: string[], nowMs: number): Promise<Org[]> {
  const ids = new Set<string>();
  for (const name of await names(dataDir)) {
    const m = /^ledger-(org_[a-z0-9]+)\.json$/.exec(name);
    if (m) ids.add(m[1]!);
  }
  for (const name of await names(join(dataDir, 'history'))) ids.add(name);
  for (const id of keyIds) ids.add(id);
  return [...ids]
    .filter((id) => OrgIdSchema.safeParse(id).success)
    .sort()
    .map((id) => ({
      id,
      name: `Recovered organization ${id.slice(4, 12)}`,
      kind: 'openai' as const,
      // The provider is not written anywhere but settings: OpenAI, the first one; the user can remove and re-add.
      provider: 'openai' as const,
      baseUrl: null,
      createdAtMs: nowMs,
    }));
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
