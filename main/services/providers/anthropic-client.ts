/**
 * The Anthropic Admin API as Creditwatch uses it (`CostApi`): daily costs (per workspace, key, model and
 * token type) and hourly usage with request counts from the beta Usage & Cost **Analytics** API where the
 * organization has it; else, and for days before the Analytics API's reach, the legacy cost report and
 * messages usage report (labelled legacy on 2026-10-29; no request counts, no per-key cost). Workspace names
 * and spend limits besides. Plain JSON GETs through `getJson` (the key in `x-api-key`, never in a URL or a
 * message); every answer is checked with zod. What the organization answered is remembered (see
 * `./anthropic-org-memory`), so a refused route is not asked at every poll.
 */
import type { ProjectName } from '@core/dashboard';
import { AmountFormatError, decimalToMicros } from '@core/decimal-amount';
import { PROVIDERS } from '@core/providers';
import type { CostDay } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { ImplausibleAnswerError } from '../api-errors';
import { getJson } from './http';
import type { CostApi, KeyKind } from './port';
import {
  analyticsDailyCosts,
  analyticsFloorMs,
  analyticsHourlyUsage,
  isAnalyticsMissing,
  type Get,
} from './anthropic-analytics';
import { orgMemoryFor, shouldTryAnalytics, type AnthropicOrgMemory } from './anthropic-org-memory';
import { readLegacyDailyCosts, readLegacyHourly } from './anthropic-legacy';
import { AnthropicWorkspacePageSchema } from './anthropic-schemas';
import { readAnthropicSpendLimits, type AnthropicSpendLimits } from './anthropic-spend-limits';

export const ANTHROPIC_VERSION = '2023-06-01';
const WORKSPACE_PAGE_MAX = 1000; // workspaces `limit`: 1–1000
const MAX_PAGES = 100; // a server that never stops paging is a malformed answer, not an endless loop
/** What the Claude Console calls the workspace every organization starts with. */
export const DEFAULT_WORKSPACE_NAME = 'Default workspace';

export interface AnthropicApiOptions {
  apiKey: string;
  /** e.g. the simulator's 'http://127.0.0.1:PORT'; default https://api.anthropic.com. */
  baseURL?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** What was learnt about the organization; default: shared per base URL and key for the process. */
  memory?: AnthropicOrgMemory;
}

/** The Anthropic adapter: the cost API plus the spend limits Anthropic lets the organization read. */
export interface AnthropicApi extends CostApi {
  readonly provider: 'anthropic';
  /** The organization's spend limits, or null when Anthropic does not let it list them (early access). */
  spendLimits(): Promise<AnthropicSpendLimits | null>;
}

/**
 * Kind of an Anthropic key from its prefix. Examples: 'sk-ant-admin01-…' → 'admin', 'sk-ant-api03-…'
 * (an inference key) → 'project', 'sk-proj-…' → 'other'.
 */
export function anthropicKeyKind(apiKey: string): KeyKind {
  const key = apiKey.trim();
  if (key.startsWith('sk-ant-admin01-')) return 'admin';
  if (key.startsWith('sk-ant-')) return 'project';
  return 'other';
}

/** Cents string → micro-dollars; a value too large to hold exactly is an implausible answer (shown as malformed). */
function centsToMicros(amount: string): number {
  try {
    return decimalToMicros(amount, -2);
  } catch (err) {
    if (err instanceof AmountFormatError) throw new ImplausibleAnswerError(`cost amount: ${err.message}`);
    throw err;
  }
}

/** Creates the Anthropic cost API for one key. */
export function createAnthropicApi(opts: AnthropicApiOptions): AnthropicApi {
  const base = (opts.baseURL ?? PROVIDERS.anthropic.baseUrl).replace(/\/+$/, '');
  const memory = opts.memory ?? orgMemoryFor(base, opts.apiKey);
  const get: Get = (path, query, beta) =>
    getJson({
      url: `${base}${path}?${new URLSearchParams(query).toString()}`,
      headers: {
        'x-api-key': opts.apiKey,
        'anthropic-version': ANTHROPIC_VERSION,
        ...(beta ? { 'anthropic-beta': beta } : {}),
      },
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
    });

  const legacyDailyCosts = (range: TimeRange) => readLegacyDailyCosts(get, range, memory, centsToMicros);
  const legacyHourly = (range: TimeRange) => readLegacyHourly(get, range, memory);

  /**
   * Runs `analytics` when the org has the Analytics API (remembering a refusal as "not available" and
   * answering with `legacy` instead), else `legacy`.
   */
  async function preferAnalytics<T>(
    rangeEndMs: number,
    analytics: () => Promise<T>,
    legacy: () => Promise<T>,
  ) {
    if (!shouldTryAnalytics(memory, rangeEndMs)) return legacy();
    try {
      const out = await analytics();
      memory.analytics = { isAvailable: true, learntAtMs: rangeEndMs };
      return out;
    } catch (err) {
      if (!isAnalyticsMissing(err)) throw err;
      memory.analytics = { isAvailable: false, learntAtMs: rangeEndMs };
      return legacy();
    }
  }

  /** Days before the Analytics API's reach come from the legacy report; the rest from the better source. */
  async function dailyCosts(range: TimeRange): Promise<CostDay[]> {
    const floor = Math.min(range.endMs, Math.max(range.startMs, analyticsFloorMs(range.endMs)));
    const older =
      floor > range.startMs ? await legacyDailyCosts({ startMs: range.startMs, endMs: floor }) : [];
    if (floor >= range.endMs) return older;
    const recent = { startMs: floor, endMs: range.endMs };
    const newer = await preferAnalytics(
      range.endMs,
      () => analyticsDailyCosts(get, recent, memory, centsToMicros),
      () => legacyDailyCosts(recent),
    );
    return [...older, ...newer];
  }

  return {
    provider: 'anthropic',
    source: 'costs',
    keyKind: anthropicKeyKind(opts.apiKey),
    dailyCosts,

    /** Hourly usage by model and workspace; request counts where the Analytics API gives them. */
    async hourlyCompletions(range) {
      if (range.startMs < analyticsFloorMs(range.endMs)) return legacyHourly(range);
      return preferAnalytics(
        range.endMs,
        () => analyticsHourlyUsage(get, range, memory),
        () => legacyHourly(range),
      );
    },

    /** Every workspace, archived included (their spend still shows in costs), and the Default workspace. */
    async projects(): Promise<ProjectName[]> {
      const out: ProjectName[] = [];
      let after: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const body = AnthropicWorkspacePageSchema.parse(
          await get('/v1/organizations/workspaces', [
            ['include_archived', 'true'],
            ['limit', String(WORKSPACE_PAGE_MAX)],
            ...(after ? [['after_id', after] as [string, string]] : []),
          ]),
        );
        for (const w of body.data) out.push({ id: w.id, name: w.name });
        if (!body.has_more || !body.last_id) {
          // The list leaves out the Default workspace, which the Analytics API names by its id.
          const listed = new Set(out.map((w) => w.id));
          for (const id of memory.seenWorkspaceIds)
            if (!listed.has(id)) out.push({ id, name: DEFAULT_WORKSPACE_NAME });
          return out;
        }
        after = body.last_id;
      }
      throw new ImplausibleAnswerError('workspace paging did not end');
    },

    spendLimits: () => readAnthropicSpendLimits(get, memory),

    /** One cost call for today's UTC day (the call a sync depends on). */
    async verify(nowMs) {
      const start = startOfUtcDay(nowMs);
      await dailyCosts({ startMs: start, endMs: start + DAY_MS });
    },
  };
}

/** Whether a provider adapter is the Anthropic one (which also reads spend limits). */
export function isAnthropicApi(api: { provider: string }): api is AnthropicApi {
  return api.provider === 'anthropic' && 'spendLimits' in api;
}
