/**
 * GET /v1/organizations/spend_limits (beta `spend-limit-reads-2026-09-26`; `BetaSpendLimit` of
 * `@anthropic-ai/sdk` 1.17.0; https://platform.claude.com/docs/en/api/beta/organization/spend_limits/list):
 * a Claude Console organization's limits, newest first, including the read-only `usage_tier` cap Anthropic
 * sets from the usage tier; `limit` 1–1000 (default 20), opaque `page` / `next_page`, `scope_type[]` and
 * `workspace_id` filters. Amounts are integer decimal strings in cents ("50000" is $500.00), monthly.
 * Listing them is an early access preview: an organization without it gets 403 permission_error here.
 */
import { AnthropicHttpError, badParam } from './errors';
import { offsetToken } from './analytics-query';
import { toRfc3339, type Params } from './params';

export interface SimSpendLimits {
  /** The usage tier's monthly cap in cents (read-only, always present for a Console organization). */
  usageTierCents: number;
  /** The organization's own monthly limit in cents, or null when none is set. */
  organizationCents: number | null;
  /** `false` when extra usage is switched off (the organization limit keeps its amount). */
  isOrganizationEnabled?: boolean;
  /** Workspace limits in cents, by tagged workspace id. */
  workspaceCents?: Record<string, number>;
}

const SCOPES = [
  'organization',
  'organization_service',
  'rbac_group',
  'seat_tier',
  'usage_tier',
  'user',
  'workspace',
] as const;
const CONSOLE_SCOPES: ReadonlySet<string> = new Set(['organization', 'usage_tier', 'workspace']);

/** Builds one page of the list at simulated time `nowMs` (`createdMs`: when the organization was made). */
export function handleSpendLimits(
  q: Params,
  limits: SimSpendLimits | null,
  createdMs: number,
  nowMs: number,
): unknown {
  if (!limits)
    throw new AnthropicHttpError(
      'permission_error',
      'Listing spend limits is in an early access preview: to request access, contact your Anthropic account team.',
    );
  const scopeTypes = q.enumArray('scope_type', SCOPES);
  for (const s of scopeTypes ?? [])
    if (!CONSOLE_SCOPES.has(s)) throw badParam('scope_type[]', `'${s}' does not apply to this organization`);
  const workspaceId = q.string('workspace_id');
  const limit = q.int('limit', 1, 1000, 20);
  const base = (
    id: string,
    amount: number | null,
    scope: Record<string, string>,
    atMs: number,
    isEnabled = true,
  ) => ({
    type: 'spend_limit' as const,
    id,
    amount: amount === null ? null : String(Math.round(amount)),
    currency: 'USD',
    is_enabled: isEnabled,
    period: 'monthly' as const,
    scope,
    created_at: toRfc3339(atMs),
    updated_at: toRfc3339(atMs),
  });
  const setAt = createdMs + Math.max(0, Math.floor((nowMs - createdMs) / 2 / 1000)) * 1000;
  // Newest first: workspace limits, then the organization's own, then the usage tier's (as old as the org).
  const all = [
    ...Object.entries(limits.workspaceCents ?? {}).map(([ws, cents], i) =>
      base(
        `spl_01ws${String(i).padStart(20, '0')}`,
        cents,
        { type: 'workspace', workspace_id: ws },
        setAt + 1000 * (i + 1),
      ),
    ),
    ...(limits.organizationCents === null
      ? []
      : [
          base(
            'spl_01org0000000000000000000',
            limits.organizationCents,
            { type: 'organization' },
            setAt,
            limits.isOrganizationEnabled ?? true,
          ),
        ]),
    base('spl_01tier000000000000000000', limits.usageTierCents, { type: 'usage_tier' }, createdMs),
  ].filter(
    (l) =>
      (!scopeTypes || scopeTypes.includes(l.scope.type as (typeof SCOPES)[number])) &&
      (workspaceId === undefined || l.scope.workspace_id === workspaceId),
  );
  const page = q.string('page');
  const m = page === undefined ? null : /^page_([A-Za-z0-9+/=]+)$/.exec(page);
  const offset = m
    ? Number(/^offset:(\d+)$/.exec(Buffer.from(m[1]!, 'base64').toString('utf8'))?.[1] ?? NaN)
    : 0;
  if (page !== undefined && !(Number.isInteger(offset) && offset <= all.length))
    throw badParam('page', 'invalid page token');
  const next = offset + limit;
  return {
    data: all.slice(offset, next),
    has_more: next < all.length,
    next_page: next < all.length ? offsetToken(next) : null,
  };
}
