/**
 * Anthropic's spend limits (beta, early access; `anthropic-beta: spend-limit-reads-2026-09-26`), read only:
 * GET /v1/organizations/spend_limits lists a Claude Console organization's own monthly limit, its workspace
 * limits and the read-only **usage-tier cap** Anthropic sets from the usage tier. Amounts are integer
 * strings in cents ("50000" is $500.00). An organization that is not in the preview is refused (403/404):
 * that is remembered and said in words, not treated as a failure.
 */
import type { ProjectName } from '@core/dashboard';
import type { LimitFigure, SpendLimitsView } from '@core/spend-limits';
import { ImplausibleAnswerError } from '../api-errors';
import type { Get } from './anthropic-analytics';
import type { AnthropicOrgMemory } from './anthropic-org-memory';
import { AnthropicSpendLimitPageSchema } from './anthropic-schemas';
import { ProviderHttpError } from './http';

export const SPEND_LIMITS_BETA = 'spend-limit-reads-2026-09-26';
const MAX_PAGES = 20;

export interface AnthropicSpendLimits {
  /** The organization's own monthly limit, or null when it set none. */
  org: LimitFigure | null;
  /** The monthly cap from the usage tier (or a higher one Anthropic granted), or null when none is listed. */
  tierCap: LimitFigure | null;
  /** Monthly workspace limits, by workspace id. */
  workspaces: Array<LimitFigure & { workspaceId: string }>;
}

/**
 * Cents string → micro-dollars; only monthly USD limits are read (the page shows "a month").
 * Example: '50000' → 500_000_000 ($500).
 */
function microsOf(amount: string): number {
  const cents = Number(amount);
  if (!Number.isSafeInteger(cents * 10_000))
    throw new ImplausibleAnswerError(`spend limit amount ${amount} is too large`);
  return cents * 10_000;
}

/** Reads every page of the list; null when the organization may not list its limits. */
export async function readAnthropicSpendLimits(
  get: Get,
  memory: AnthropicOrgMemory,
): Promise<AnthropicSpendLimits | null> {
  const out: AnthropicSpendLimits = { org: null, tierCap: null, workspaces: [] };
  let page: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    let body;
    try {
      body = AnthropicSpendLimitPageSchema.parse(
        await get(
          '/v1/organizations/spend_limits',
          [['limit', '1000'], ...(page ? [['page', page] as [string, string]] : [])],
          SPEND_LIMITS_BETA,
        ),
      );
    } catch (err) {
      if (err instanceof ProviderHttpError && (err.status === 403 || err.status === 404)) {
        memory.hasSpendLimits = false;
        return null;
      }
      throw err;
    }
    memory.hasSpendLimits = true;
    for (const l of body.data) {
      if (l.amount === null || l.period !== 'monthly' || l.currency !== 'USD') continue;
      const figure: LimitFigure = { limitMicros: microsOf(l.amount), isEnforced: l.is_enabled };
      if (l.scope.type === 'organization') out.org = figure;
      else if (l.scope.type === 'usage_tier') out.tierCap = figure;
      else if (l.scope.type === 'workspace' && l.scope.workspace_id)
        out.workspaces.push({ ...figure, workspaceId: l.scope.workspace_id });
    }
    if (!body.next_page) return out;
    page = body.next_page;
  }
  throw new ImplausibleAnswerError('spend limit paging did not end');
}

/**
 * The page's view of what was read: the organization's own limit, the usage-tier cap beside it, and the
 * workspace limits named by the workspace list (a workspace not in it is shown by its id).
 */
export function anthropicLimitsView(
  limits: AnthropicSpendLimits | null,
  workspaces: ProjectName[],
  nowMs: number,
): SpendLimitsView {
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  return {
    provider: 'anthropic',
    org: limits?.org ?? null,
    tierCap: limits?.tierCap ?? null,
    projects: (limits?.workspaces ?? []).map((w) => ({
      projectId: w.workspaceId,
      name: names.get(w.workspaceId) ?? w.workspaceId,
      limitMicros: w.limitMicros,
      isEnforced: w.isEnforced,
    })),
    isReadable: limits !== null,
    asOfMs: nowMs,
    problem: null,
  };
}
