/**
 * Builds the dashboard of one organization from stored history: month-to-date (settled + provisional),
 * today, the last 30 UTC days per project, names and sync status. Pure.
 */
import type { DailyProjectSpend, Dashboard, ProjectName } from './dashboard';
import type { Micros } from './money';
import type { OrgSummary, SyncStatus } from './schemas';
import type { CostDay, UsageRow } from './sync-data';
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from './time';

/** Days shown in the daily chart, today included. */
export const DASHBOARD_DAYS = 30;

export interface DashboardInput {
  org: OrgSummary;
  nowMs: number;
  /** Cost days covering at least this month and the last 30 days (missing days count as zero). */
  costDays: readonly CostDay[];
  /** Hourly usage rows of today (other hours are ignored), or null if usage was never fetched. */
  usage: readonly UsageRow[] | null;
  projects: readonly ProjectName[];
  sync: SyncStatus;
  /** The currency of the account's amounts (absent: USD). */
  currency?: string;
  /** Accounts whose spend is read from the balance: the first reading (spend is counted from then on). */
  balanceTrackedSinceMs?: number | null;
  /** Balance accounts: the first day filled from the provider's activity (OpenRouter), or null. */
  balanceHistoryFromMs?: number | null;
  /** Days before this have no per-key split (the provider refused it); absent/null: all have. */
  keylessBeforeMs?: number | null;
}

/**
 * Builds the dashboard.
 *
 * Example: now = 2026-03-10T15:00Z, cost days 03-01..03-09 at $10 each and today $4 →
 * settled $90, provisional $4, total $94; `daily` runs 02-09..03-10 (30 entries, zero days included).
 */
export function buildDashboard(input: DashboardInput): Dashboard {
  const todayMs = startOfUtcDay(input.nowMs);
  const monthStartMs = startOfUtcMonth(input.nowMs);
  const byDay = new Map<number, CostDay>();
  for (const day of input.costDays) byDay.set(day.dayStartMs, day);

  let settledMicros: Micros = 0;
  for (const day of input.costDays) {
    if (day.dayStartMs >= monthStartMs && day.dayStartMs < todayMs) settledMicros += sumRows(day);
  }
  const todayDay = byDay.get(todayMs);
  const provisionalMicros = todayDay ? sumRows(todayDay) : 0;

  const daily: DailyProjectSpend[] = [];
  for (let i = DASHBOARD_DAYS - 1; i >= 0; i--) {
    const dayStartMs = todayMs - i * DAY_MS;
    daily.push(dailySpend(dayStartMs, byDay.get(dayStartMs)));
  }

  let requests: number | null = null;
  if (input.usage !== null) {
    requests = 0;
    for (const row of input.usage) {
      if (row.hourStartMs >= todayMs && row.hourStartMs < todayMs + DAY_MS) requests += row.requests;
    }
  }

  return {
    org: input.org,
    asOfMs: input.sync.lastSuccessMs,
    monthToDate: {
      monthStartMs,
      settledMicros,
      provisionalMicros,
      totalMicros: settledMicros + provisionalMicros,
    },
    today: { dayStartMs: todayMs, costMicros: provisionalMicros, requests },
    daily,
    projects: projectNames(input.projects, daily),
    perKeyFromMs: input.keylessBeforeMs ?? null,
    sync: input.sync,
    currency: input.currency ?? 'USD',
    spendSource:
      input.balanceTrackedSinceMs === undefined
        ? { kind: 'costs' }
        : {
            kind: 'balance',
            sinceMs: input.balanceTrackedSinceMs,
            ...(input.balanceHistoryFromMs != null ? { historyFromMs: input.balanceHistoryFromMs } : {}),
          },
  };
}

function sumRows(day: CostDay): Micros {
  let total = 0;
  for (const row of day.rows) total += row.micros;
  return total;
}

function groupRows(day: CostDay | undefined, keyOf: (row: CostDay['rows'][number]) => string | null) {
  const sums = new Map<string | null, Micros>();
  for (const row of day?.rows ?? []) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + row.micros);
  return [...sums]
    .map(([key, micros]) => ({ key, micros }))
    .sort((a, b) => b.micros - a.micros || String(a.key).localeCompare(String(b.key)));
}

function dailySpend(dayStartMs: number, day: CostDay | undefined): DailyProjectSpend {
  const byProject = groupRows(day, (r) => r.projectId).map(({ key, micros }) => ({ projectId: key, micros }));
  return {
    dayStartMs,
    byProject,
    byLineItem: groupRows(day, (r) => r.lineItem),
    byApiKey: groupRows(day, (r) => r.apiKeyId ?? null),
    totalMicros: day ? sumRows(day) : 0,
  };
}

// Names for every project the chart shows; an id the projects list does not know (deleted, or not yet
// refreshed) is shown by its id rather than dropped.
function projectNames(known: readonly ProjectName[], daily: readonly DailyProjectSpend[]): ProjectName[] {
  const names = new Map(known.map((p) => [p.id, p.name]));
  for (const day of daily) {
    for (const { projectId } of day.byProject)
      if (projectId !== null && !names.has(projectId)) names.set(projectId, projectId);
  }
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
