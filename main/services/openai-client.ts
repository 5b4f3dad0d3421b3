/**
 * The OpenAI Admin API as Creditwatch uses it, through the official SDK: daily costs, hourly completions
 * usage, project names and the spend limit. Every response is checked with zod before anyone sees it.
 */
import OpenAI from 'openai';
import type { ProjectName } from '@core/dashboard';
import type { UsageRow } from '@core/sync-data';
import { SECOND_MS, toUnixSeconds } from '@core/time';
import { PROVIDERS } from '@core/provider-info';
import type { TimeRange } from '@core/sync-plan';
import { toSyncFailure } from './api-errors';
import {
  AdminKeySchema,
  CompletionsPageSchema,
  ProjectSchema,
  SpendAlertSchema,
  SpendLimitSchema,
} from './api-schemas';
import type { AdminKeyExpiry } from '@core/spend-limits';
import { costsByKeyWherePossible, createCostsFetcher } from './openai-costs';
import type { CostApi, KeyKind, ProviderApi } from './providers/port';

export type { KeyKind } from './providers/port';

export interface SpendLimit {
  /** The hard limit in micro-dollars (the API sends cents). */
  thresholdMicros: number;
  interval: string;
  isEnforcing: boolean;
}

/**
 * The OpenAI adapter of the provider port: daily costs grouped by project, line item and key; hourly
 * completions usage by model and project; all projects (archived included, since their spend still
 * shows in costs); and, beyond the port, the organization's and projects' spend limits.
 */
export interface AdminApi extends CostApi {
  readonly provider: 'openai';
  spendLimit(): Promise<SpendLimit>;
  /** A project's hard spend limit (GET /organization/projects/{id}/spend_limit). */
  projectSpendLimit(projectId: string): Promise<SpendLimit>;
  /** The org's spend alert thresholds in micro-dollars, lowest first (GET /organization/spend_alerts). */
  spendAlerts(): Promise<number[]>;
  /** A project's spend alert thresholds in micro-dollars, lowest first. */
  projectSpendAlerts(projectId: string): Promise<number[]>;
  /**
   * When this key expires, from the org's Admin key list (the API has no "this key" endpoint, so the key
   * is found by its redacted value); 'unknown' when no single listed key matches it.
   */
  adminKeyExpiry(): Promise<AdminKeyExpiry>;
}

export interface AdminApiOptions {
  apiKey: string;
  /** API base URL (e.g. the simulator's); null/undefined = https://api.openai.com/v1. */
  baseURL?: string | null;
  timeoutMs?: number;
  /** SDK-level retries; 0 by default because the sync engine owns retry timing (backoff, Retry-After). */
  maxRetries?: number;
  /** Transport override (tests count or break requests with it). */
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30 * SECOND_MS;
const HOURLY_PAGE_MAX = 168; // usage `limit` for bucket_width=1h: max 168 (spec)
const MAX_PAGES = 100; // a server that never stops paging is a malformed answer, not an endless loop

/** Kind of an OpenAI key from its prefix. Example: 'sk-proj-abc…' → 'project'. */
export function keyKindOf(apiKey: string): KeyKind {
  if (apiKey.startsWith('sk-admin-')) return 'admin';
  if (apiKey.startsWith('sk-proj-')) return 'project';
  return 'other';
}

/** Creates the Admin API client for one key. */
export function createAdminApi(opts: AdminApiOptions): AdminApi {
  const client = new OpenAI({
    adminAPIKey: opts.apiKey,
    apiKey: null,
    // Never undefined: the SDK would then read OPENAI_BASE_URL and send any stored key there.
    baseURL: opts.baseURL ?? PROVIDERS.openai.baseUrl,
    maxRetries: opts.maxRetries ?? 0,
    timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const org = client.admin.organization;
  const fetchCosts = createCostsFetcher(client);
  const bucketCount = (r: TimeRange, widthMs: number) =>
    Math.max(1, Math.ceil((r.endMs - r.startMs) / widthMs));

  const api: AdminApi = {
    provider: 'openai',
    source: 'costs',
    keyKind: keyKindOf(opts.apiKey),
    verify: (nowMs) => verifyAdminKey(api, nowMs),

    dailyCosts: (range, memo) => costsByKeyWherePossible(fetchCosts, range, memo),

    async hourlyCompletions(range) {
      const rows: UsageRow[] = [];
      let page: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const raw = await org.usage.completions({
          start_time: toUnixSeconds(range.startMs),
          end_time: toUnixSeconds(range.endMs),
          bucket_width: '1h',
          group_by: ['model', 'project_id'],
          limit: Math.min(HOURLY_PAGE_MAX, bucketCount(range, 3_600_000)),
          ...(page ? { page } : {}),
        });
        const body = CompletionsPageSchema.parse(raw);
        for (const bucket of body.data) {
          for (const r of bucket.results) {
            rows.push({
              hourStartMs: bucket.start_time * SECOND_MS,
              projectId: r.project_id ?? null,
              model: r.model ?? null,
              requests: r.num_model_requests,
              inputTokens: r.input_tokens,
              outputTokens: r.output_tokens,
            });
          }
        }
        if (!body.has_more || !body.next_page) return rows;
        page = body.next_page;
      }
      throw new SyntaxError('usage paging did not end');
    },

    async projects() {
      const out: ProjectName[] = [];
      // The SDK follows `has_more` / `after` itself.
      for await (const item of org.projects.list({ limit: 100, include_archived: true })) {
        const p = ProjectSchema.parse(item);
        // A nameless project is named by its id (the id is what the OpenAI dashboard shows for it too).
        out.push({ id: p.id, name: p.name?.trim() ? p.name : p.id });
      }
      return out;
    },

    async spendLimit() {
      return spendLimitOf(SpendLimitSchema.parse(await org.spendLimit.retrieve()));
    },

    async projectSpendLimit(projectId) {
      return spendLimitOf(SpendLimitSchema.parse(await org.projects.spendLimit.retrieve(projectId)));
    },

    async spendAlerts() {
      const out: number[] = [];
      for await (const item of org.spendAlerts.list({ limit: 100 })) out.push(alertMicros(item));
      return out.sort((a, b) => a - b);
    },

    async projectSpendAlerts(projectId) {
      const out: number[] = [];
      for await (const item of org.projects.spendAlerts.list(projectId, { limit: 100 }))
        out.push(alertMicros(item));
      return out.sort((a, b) => a - b);
    },

    async adminKeyExpiry() {
      const matches: Array<number | null> = [];
      for await (const item of org.adminAPIKeys.list({ limit: 100 })) {
        const k = AdminKeySchema.parse(item);
        if (isRedactedFormOf(k.redacted_value, opts.apiKey)) matches.push(k.expires_at ?? null);
      }
      if (matches.length !== 1) return { kind: 'unknown' };
      const at = matches[0]!;
      return at === null ? { kind: 'never' } : { kind: 'expires', atMs: at * SECOND_MS };
    },
  };
  return api;
}

/**
 * Checks a key with one cheap call (today's costs: it needs the api.usage.read scope sync needs).
 * Throws a SyncFailure whose message tells the user what to do; the key never appears in it.
 */
export async function verifyAdminKey(api: AdminApi, nowMs: number = Date.now()): Promise<void> {
  const dayMs = 86_400_000;
  const start = Math.floor(nowMs / dayMs) * dayMs;
  try {
    await api.dailyCosts({ startMs: start, endMs: start + dayMs });
  } catch (err) {
    throw toSyncFailure(err, api.keyKind, 'openai');
  }
}

/** A spend limit resource in our units: `threshold_amount` is in cents (API reference). Example: 230000 → $2,300. */
function spendLimitOf(body: {
  threshold_amount: number;
  interval: string;
  enforcement: { status: string };
}): SpendLimit {
  return {
    thresholdMicros: Math.round(body.threshold_amount * 10_000),
    interval: body.interval,
    isEnforcing: body.enforcement.status === 'enforcing',
  };
}

/** A spend alert's threshold in micro-dollars (`threshold_amount` is in cents). Example: 100000 → $1,000. */
function alertMicros(item: unknown): number {
  return Math.round(SpendAlertSchema.parse(item).threshold_amount * 10_000);
}

/**
 * Whether `redacted` ("sk-admin...def": the start and the end of a key) is the API's redacted form of `key`.
 *
 * Example: ('sk-admin...def', 'sk-admin-xyz…def') → true; ('sk-admin...abc', 'sk-admin-xyz…def') → false.
 */
export function isRedactedFormOf(redacted: string, key: string): boolean {
  const at = redacted.indexOf('...');
  if (at < 0) return false;
  const head = redacted.slice(0, at);
  const tail = redacted.slice(at + 3);
  return head.length > 0 && tail.length > 0 && key.startsWith(head) && key.endsWith(tail);
}

/** Whether a provider adapter is the OpenAI one (which also reads spend limits). */
export function isAdminApi(api: ProviderApi): api is AdminApi {
  return api.provider === 'openai' && 'spendLimit' in api;
}
