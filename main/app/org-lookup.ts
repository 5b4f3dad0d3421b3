/** Looking up configured orgs for handlers, with errors the user can read. */
import { ApiError } from '@core/api-contract';
import type { Org, OrgSummary, Settings } from '@core/schemas';
import type { HandlerDeps } from './handler-deps';

/** The org with this id, or a not-found error the user can read. */
export function findOrg(settings: Settings, orgId: string): Org {
  const org = settings.orgs.find((o) => o.id === orgId);
  if (!org)
    throw new ApiError('not-found', 'That organization is not configured (it may have been removed).');
  return org;
}

/** An org with whether its key is present (never the key itself). */
export async function summarize(
  deps: Pick<HandlerDeps, 'hasKey' | 'keyState'>,
  org: Org,
): Promise<OrgSummary> {
  if (!deps.keyState) return { ...org, hasKey: await deps.hasKey(org) };
  const state = await deps.keyState(org);
  return { ...org, hasKey: state === 'present', ...(state === 'unreadable' ? { keyUnreadable: true } : {}) };
}
