/**
 * `/organization/projects` (cursor paging with `after`), `/organization/spend_limit` and
 * `/organization/projects/{project_id}/spend_limit` (amounts in cents).
 */
import { invalidValue } from './api-errors';
import { noLimitBody, unknownProject } from './spend-alerts';
import type { QueryReader } from './query';
import type { SpendModel } from './spend-model';
import type { SimProject } from './spend-types';
import { MICROS_PER_UNIT } from '@core/money';

const PROJECT_LIMIT = { default: 20, max: 100 };

function projectObject(p: SimProject): Record<string, unknown> {
  return {
    id: p.id,
    object: 'organization.project',
    name: p.name,
    created_at: p.createdAtSec,
    archived_at: p.archivedAtSec,
    status: p.archivedAtSec === null ? 'active' : 'archived',
    external_key_id: null,
  };
}

/** Builds the `ProjectListResponse` for one request. */
export function handleProjects(q: QueryReader, model: SpendModel): unknown {
  const limit = q.int('limit') ?? PROJECT_LIMIT.default;
  if (limit < 1 || limit > PROJECT_LIMIT.max) {
    throw invalidValue(
      'limit',
      `Invalid value for 'limit': ${limit}. It must be between 1 and ${PROJECT_LIMIT.max}.`,
    );
  }
  const includeArchived = q.bool('include_archived') ?? false;
  const all = [...model.projects, ...(includeArchived ? model.archivedProjects : [])].sort(
    (a, b) => a.createdAtSec - b.createdAtSec || (a.id < b.id ? -1 : 1),
  );
  const after = q.string('after');
  let from = 0;
  if (after !== undefined) {
    const i = all.findIndex((p) => p.id === after);
    if (i < 0) throw invalidValue('after', `Invalid value for 'after': no project with id '${after}'.`);
    from = i + 1;
  }
  const page = all.slice(from, from + limit);
  return {
    object: 'list',
    data: page.map(projectObject),
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: from + limit < all.length,
  };
}

/**
 * A plausible monthly hard spend limit in cents: about three months of the last week's spend, rounded up
 * to $100 (at least $100).
 *
 * Example: $25/day of recent spend → 25 × 30 × 3 = $2,250 → rounded up to $2,300 → `230000`.
 */
export function plausibleSpendLimitCents(model: SpendModel, nowMs: number): number {
  const weekMicros = model.costMicros(nowMs - 7 * 86_400_000, nowMs);
  const dailyUsd = weekMicros / 7 / MICROS_PER_UNIT;
  return Math.max(100, Math.ceil((dailyUsd * 30 * 3) / 100) * 100) * 100;
}

/** Builds the `OrganizationSpendLimitResource` for a limit in cents. */
export function handleSpendLimit(thresholdCents: number): unknown {
  return {
    object: 'organization.spend_limit',
    threshold_amount: thresholdCents,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: 'enforcing' },
  };
}

/**
 * A project's hard spend limit (`ProjectSpendLimitResource`): about three months of that project's last
 * week of spend, rounded up to $100; the first project's is enforced, the others are set but inactive,
 * so both enforcement states are exercised; later projects have none (threshold 0, inactive). An unknown
 * project answers 404 as the API does for unknown ids.
 *
 * Example: a project spending $10/day → $900 → `threshold_amount: 90000`.
 */
export function handleProjectSpendLimit(model: SpendModel, projectId: string, nowMs: number): unknown {
  const index = model.projects.findIndex((p) => p.id === projectId);
  if (index < 0) throw unknownProject(projectId);
  // From the third project on no limit is set: the API's "no limit" answer, not an error.
  if (index >= 2) return noLimitBody('project.spend_limit');
  const weekMicros = model.costMicros(nowMs - 7 * 86_400_000, nowMs, { projectIds: [projectId] });
  const dollars = Math.max(100, Math.ceil(((weekMicros / 7 / MICROS_PER_UNIT) * 30 * 3) / 100) * 100);
  return {
    object: 'project.spend_limit',
    threshold_amount: dollars * 100,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: index === 0 ? 'enforcing' : 'inactive' },
  };
}
