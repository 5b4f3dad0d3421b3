/**
 * What Creditwatch has learnt about one Anthropic organization's API, kept in memory for the life of the
 * process (re-fetchable knowledge, so never written to disk): whether it has the beta Usage & Cost
 * Analytics API, and the page size and groupings each report last answered with after a refusal. Keyed by
 * the base URL and a SHA-256 of the key, so the key itself is never held as a map key or logged.
 */
import { createHash } from 'node:crypto';
import { DAY_MS } from '@core/time';
import type { ReportShape } from './anthropic-report-reader';

/** How long a "no Analytics API" answer is believed before asking again (a beta can be opened later). */
export const ANALYTICS_RECHECK_MS = DAY_MS;

export interface AnthropicOrgMemory {
  /** Null = not known yet; else whether the org answered the Analytics API, and the range end it was learnt at. */
  analytics: { isAvailable: boolean; learntAtMs: number } | null;
  /** The page size and groups each report answered with last, by report name. */
  shapes: Map<string, ReportShape<string>>;
  /** False once the spend limits list was refused (early access); null = not asked yet. */
  hasSpendLimits: boolean | null;
  /**
   * Workspace ids the Analytics API named. It names the Default workspace by its id, which the workspace
   * list leaves out: an id seen here and not listed is that one.
   */
  seenWorkspaceIds: Set<string>;
}

const memories = new Map<string, AnthropicOrgMemory>();

/** The memory of the organization behind `apiKey` at `baseUrl` (created empty on first use). */
export function orgMemoryFor(baseUrl: string, apiKey: string): AnthropicOrgMemory {
  const id = `${baseUrl}\n${createHash('sha256').update(apiKey).digest('hex')}`;
  let m = memories.get(id);
  if (!m) memories.set(id, (m = createOrgMemory()));
  return m;
}

/**
 * A fresh, unshared memory (tests, and callers that must not share what was learnt); `hasAnalytics: false`
 * starts out knowing for good that the organization has no Analytics API (the legacy reports only).
 */
export function createOrgMemory(opts: { hasAnalytics?: boolean } = {}): AnthropicOrgMemory {
  const analytics =
    opts.hasAnalytics === undefined
      ? null
      : { isAvailable: opts.hasAnalytics, learntAtMs: Number.POSITIVE_INFINITY };
  return { analytics, shapes: new Map(), hasSpendLimits: null, seenWorkspaceIds: new Set() };
}

/**
 * Whether to try the Analytics API for a read whose range ends at `rangeEndMs`: yes unless the org said
 * no less than a day (of range end) ago. Example: refused for a range ending Dec 7 → legacy until a range
 * ends Dec 8 or later, then asked again.
 */
export function shouldTryAnalytics(m: AnthropicOrgMemory, rangeEndMs: number): boolean {
  return (
    m.analytics === null ||
    m.analytics.isAvailable ||
    rangeEndMs - m.analytics.learntAtMs >= ANALYTICS_RECHECK_MS
  );
}

/**
 * How to ask report `name` first: the usual shape, narrowed by what the organization last accepted after
 * a refusal (a smaller page, fewer groups). Example: usual {limit 31, [workspace_id, description]}, remembered
 * {limit 4, [workspace_id]} → {limit 4, [workspace_id]}; usual limit 2 → 2.
 */
export function startShape<G extends string>(
  m: AnthropicOrgMemory,
  name: string,
  usual: ReportShape<G>,
): ReportShape<G> {
  const learnt = m.shapes.get(name);
  if (!learnt) return usual;
  return {
    limit: Math.min(usual.limit, learnt.limit),
    groups: usual.groups.filter((g) => learnt.groups.includes(g)),
  };
}

/** Remembers the shape report `name` answered with, when a refusal narrowed it from `asked`. */
export function rememberShape<G extends string>(
  m: AnthropicOrgMemory,
  name: string,
  asked: ReportShape<G>,
  answered: ReportShape<G>,
): void {
  const before = m.shapes.get(name);
  const isNarrowed = answered.limit < asked.limit || answered.groups.length < asked.groups.length;
  if (!isNarrowed) return;
  m.shapes.set(name, {
    limit: Math.min(answered.limit, before?.limit ?? Infinity),
    groups: answered.groups,
  });
}
