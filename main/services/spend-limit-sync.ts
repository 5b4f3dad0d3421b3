/**
 * Hard spend limits read from the API, refreshed rarely (hourly by default) and kept in memory: they are
 * re-fetchable and change rarely. OpenAI: GET /organization/spend_limit, /spend_alerts,
 * /organization/projects/{id}/spend_limit and …/spend_alerts (`threshold_amount` in cents), and the Admin
 * key's expiry (GET /organization/admin_api_keys); projects are read only when they spent in the last 30
 * days (a project without spend cannot near a limit), so a large org does not cost a request per project
 * per hour. Anthropic: the beta spend limits list with its read-only usage-tier cap. OpenRouter: the limit
 * of the key Creditwatch reads with (GET /api/v1/key), what remains of it and its reset. Separate from the sync engine so
 * a limit that cannot be read never fails a sync; its problem is kept in words for the page.
 */
import type { ProjectName } from '@core/dashboard';
import type { Org } from '@core/schemas';
import type { AdminKeyExpiry, ProjectAlerts, SpendLimitsView } from '@core/spend-limits';
import { DAY_MS, HOUR_MS } from '@core/time';
import { classifySyncError } from '@core/sync-errors';
import { describeError } from './api-errors';
import type { AdminApi } from './openai-client';
import { isAnthropicApi, type AnthropicApi } from './providers/anthropic-client';
import { anthropicLimitsView } from './providers/anthropic-spend-limits';
import { isOpenRouterApi, type OpenRouterApi } from './providers/openrouter-client';

export interface SpendLimitSync {
  /** Reads the limits of every org whose last read is older than the interval; resolves true if any changed. */
  refreshDue(): Promise<boolean>;
  get(orgId: string): SpendLimitsView;
}

/** Projects are read when they spent within this long. */
const RECENT_SPEND_MS = 30 * DAY_MS;

const EMPTY: SpendLimitsView = { org: null, projects: [], asOfMs: null, problem: null };

/** Creates the refresher. */
export function createSpendLimitSync(deps: {
  orgs(): Org[];
  clientFor(org: Org): Promise<AdminApi | AnthropicApi | OpenRouterApi>;
  projectsOf(orgId: string): Promise<ProjectName[]>;
  /** Ids of the projects with spend in `[sinceMs, now)`; absent = read every project. */
  spendingProjectIds?(orgId: string, sinceMs: number): Promise<ReadonlySet<string>>;
  nowMs(): number;
  intervalMs?: number;
  log?(line: string): void;
}): SpendLimitSync {
  const views = new Map<string, SpendLimitsView>();
  const intervalMs = deps.intervalMs ?? HOUR_MS;
  let running: Promise<boolean> | null = null;

  const readOrg = async (org: Org): Promise<boolean> => {
    const before = views.get(org.id) ?? EMPTY;
    const nowMs = deps.nowMs();
    try {
      const api = await deps.clientFor(org);
      if (isOpenRouterApi(api)) {
        const next: SpendLimitsView = {
          provider: 'openrouter',
          org: null,
          projects: [],
          keyLimit: await api.keyLimit(),
          asOfMs: nowMs,
          problem: null,
        };
        views.set(org.id, next);
        return JSON.stringify({ ...before, asOfMs: 0 }) !== JSON.stringify({ ...next, asOfMs: 0 });
      }
      if (isAnthropicApi(api)) {
        const next = anthropicLimitsView(await api.spendLimits(), await deps.projectsOf(org.id), nowMs);
        views.set(org.id, next);
        return JSON.stringify({ ...before, asOfMs: 0 }) !== JSON.stringify({ ...next, asOfMs: 0 });
      }
      const limit = await api.spendLimit();
      const orgAlertsMicros = await api.spendAlerts();
      // The expiry is extra: a key list this key may not read must not hide the limits.
      const adminKey = await api.adminKeyExpiry().catch((): AdminKeyExpiry => ({ kind: 'unknown' }));
      const spending = await deps.spendingProjectIds?.(org.id, nowMs - RECENT_SPEND_MS);
      const projects: SpendLimitsView['projects'] = [];
      const projectAlerts: ProjectAlerts[] = [];
      for (const p of await deps.projectsOf(org.id)) {
        if (spending && !spending.has(p.id)) continue;
        // A project without a limit (or one that is gone) answers an error: it simply has none to show.
        const pl = await api.projectSpendLimit(p.id).catch(() => null);
        if (pl && pl.thresholdMicros > 0)
          projects.push({
            projectId: p.id,
            name: p.name,
            limitMicros: pl.thresholdMicros,
            isEnforced: pl.isEnforcing,
          });
        const alerts = await api.projectSpendAlerts(p.id).catch(() => []);
        if (alerts.length > 0) projectAlerts.push({ projectId: p.id, name: p.name, alertsMicros: alerts });
      }
      const next: SpendLimitsView = {
        org:
          limit.thresholdMicros > 0
            ? { limitMicros: limit.thresholdMicros, isEnforced: limit.isEnforcing }
            : null,
        projects,
        orgAlertsMicros,
        projectAlerts,
        adminKey,
        asOfMs: nowMs,
        problem: null,
      };
      views.set(org.id, next);
      return JSON.stringify({ ...before, asOfMs: 0 }) !== JSON.stringify({ ...next, asOfMs: 0 });
    } catch (err) {
      const words = classifySyncError(describeError(err, null, org.provider), {
        nowMs,
        failures: 1,
        random: () => 0.5,
        timeZone: null,
      });
      const problem = `Could not read the hard spend limits: ${words.message}`;
      views.set(org.id, { ...before, asOfMs: nowMs, problem });
      deps.log?.(`limits ${org.id}: ${problem}`);
      return before.problem !== problem;
    }
  };

  return {
    refreshDue() {
      running ??= (async () => {
        let isChanged = false;
        for (const org of deps.orgs()) {
          const asOf = views.get(org.id)?.asOfMs ?? null;
          if (asOf !== null && deps.nowMs() - asOf < intervalMs) continue;
          if (await readOrg(org)) isChanged = true;
        }
        return isChanged;
      })().finally(() => (running = null));
      return running;
    },
    get: (orgId) => views.get(orgId) ?? EMPTY,
  };
}
