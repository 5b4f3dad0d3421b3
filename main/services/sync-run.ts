/**
 * One sync of one organization: plan, fetch everything (validated), then store. Nothing is written until
 * every response of the poll has been read and checked, so a malformed answer leaves the previous data whole.
 */
import { implausibleCost, keepVanishedDays } from '@core/cost-plausibility';
import type { ProjectName } from '@core/dashboard';
import { advanceCursor, planSync, shouldRefreshForUnknown, type SyncCursor } from '@core/sync-plan';
import type { CostDay, UsageRow } from '@core/sync-data';
import { ImplausibleAnswerError } from './api-errors';
import type { CostApi } from './providers/port';
import type { OrgHistory } from './stores/history-store';

export interface SyncRunResult {
  cursor: SyncCursor;
  /** HTTP calls made (pages count separately inside the client, so this counts endpoint calls). */
  calls: number;
}

/** Fetches what the plan asks for and stores it; returns the advanced cursor. Throws on any failure. */
export async function runSync(opts: {
  api: CostApi;
  history: OrgHistory;
  cursor: SyncCursor;
  nowMs: number;
  backfillDays: number;
}): Promise<SyncRunResult> {
  const { api, history, cursor, nowMs } = opts;
  const plan = planSync(cursor, { nowMs, backfillDays: opts.backfillDays });
  let calls = 0;
  const memo = { keylessBeforeMs: cursor.keylessBeforeMs ?? null };
  const costs: CostDay[] = await api.dailyCosts(plan.costs, memo);
  calls++;
  const usage: UsageRow[] = await api.hourlyCompletions(plan.usage);
  calls++;

  let projects: ProjectName[] | null = null;
  const known = new Set(history.projects().map((p) => p.id));
  const hasUnknown = [...costs.flatMap((d) => d.rows), ...usage].some(
    (r) => r.projectId !== null && !known.has(r.projectId),
  );
  if (plan.refreshProjects || (hasUnknown && shouldRefreshForUnknown(cursor, nowMs))) {
    projects = await api.projects();
    calls++;
  }

  // Implausible answers are not stored as truth (see cost-plausibility.ts).
  const implausible = implausibleCost(costs);
  if (implausible) throw new ImplausibleAnswerError(implausible);
  const { days } = keepVanishedDays(costs, await history.costDays(plan.costs));
  await history.putCosts(plan.costs, days, plan.settledThroughMs);
  const advanced = advanceCursor(cursor, plan, nowMs, projects !== null);
  const next =
    memo.keylessBeforeMs === null ? advanced : { ...advanced, keylessBeforeMs: memo.keylessBeforeMs };
  await history.putUsage(plan.usage, usage, next.usageFinalThroughMs ?? plan.usage.startMs);
  if (projects) await history.saveProjects(projects);
  return { cursor: next, calls };
}
