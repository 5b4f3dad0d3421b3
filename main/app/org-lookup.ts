/** Looking up configured orgs for handlers, with errors the user can read. */
import { ApiError } from '@core/api-contract';
import type { Org, OrgSummary, Settings } from '@core/schemas';

/** How a summary learns whether an org's key is there, without ever reading the key itself. */
export interface KeyStateDeps {
  /** Whether an org has a usable key. */
  hasKey(org: Org): Promise<boolean>;
  /** Whether the key is there, missing or unreadable (absent: from `hasKey`). */
  keyState?(org: Org): Promise<'present' | 'missing' | 'unreadable'>;
}

/** The org with this id, or a not-found error the user can read. */
export function findOrg(settings: Settings, orgId: string): Org {
  const org = settings.orgs.find((o) => o.id === orgId);
  if (!org)
    throw new ApiError('not-found', 'That organization is not configured (it may have been removed).');
  return org;
}

/** An org with whether its key is present (never the key itself). */
export async function summarize(deps: KeyStateDeps, org: Org): Promise<OrgSummary> {
  if (!deps.keyState) return { ...org, hasKey: await deps.hasKey(org) };
  const state = await deps.keyState(org);
  return { ...org, hasKey: state === 'present', ...(state === 'unreadable' ? { keyUnreadable: true } : {}) };
}
