/**
 * Fault injection for the Anthropic simulator, in the OpenAI simulator's grammar with Anthropic's routes
 * and failure modes (whitespace ignored; '' or `none` = no faults):
 * ```
 * spec   := rule ("," rule)*
 * rule   := target "=" action [ "x" COUNT | "@" PROBABILITY ]
 * target := cost_report | usage_messages | workspaces | analytics_cost | analytics_usage | spend_limits | *
 * action := 401 | 403 | 500 | 529                (authentication_error, permission_error, api_error, overloaded_error)
 *         | 429 [":retry-after=" SECONDS]         (rate_limit_error with a retry-after header; default 1)
 *         | latency ":" MS                        (delay, then answer normally or by another rule)
 *         | hang                                  (never answers until the simulator closes)
 *         | html                                  (200 with an HTML page, as a proxy or captive portal sends)
 *         | bad-amount                            (cost_report: one amount that is not a decimal, '12,34')
 *         | page-too-large [":" LIMIT]            (reports: 400 report_page_too_large while `limit` > LIMIT; always without LIMIT)
 *         | too-many-groups [":" N]               (reports: 400 too_many_report_groups while more than N `group_by[]`
 *                                                  dimensions are asked, cost_type and token_type not counted; always without N)
 * ```
 * Example: `cost_report=429:retry-after=2x1,usage_messages=529@0.1,analytics_cost=too-many-groups:2`.
 */
import { createRandom, deriveSeed } from '@core/random';
import { createRuleDecider } from '../fault-injector';

export const ANTHROPIC_ROUTES = [
  'cost_report',
  'usage_messages',
  'workspaces',
  'analytics_cost',
  'analytics_usage',
  'spend_limits',
] as const;
export type AnthropicRoute = (typeof ANTHROPIC_ROUTES)[number];

/** The routes that answer reports (the two report errors apply to them only). */
export const REPORT_ROUTES: ReadonlySet<AnthropicRoute> = new Set([
  'cost_report',
  'usage_messages',
  'analytics_cost',
  'analytics_usage',
]);

export type AnthropicFaultAction =
  | { kind: 'status'; status: 401 | 403 | 500 | 529 }
  | { kind: 'rate-limit'; retryAfterSec: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'html' }
  | { kind: 'bad-amount' }
  | { kind: 'page-too-large'; maxLimit: number | null }
  | { kind: 'too-many-groups'; maxGroups: number | null };

export interface AnthropicFaultRule {
  target: AnthropicRoute | '*';
  action: AnthropicFaultAction;
  times?: number;
  probability?: number;
}

export class AnthropicFaultSpecError extends Error {
  override name = 'AnthropicFaultSpecError';
}

function parseAction(text: string, raw: string): AnthropicFaultAction {
  const fail = (why: string): never => {
    throw new AnthropicFaultSpecError(`fault rule '${raw}': ${why}`);
  };
  if (/^(401|403|500|529)$/.test(text))
    return { kind: 'status', status: Number(text) as 401 | 403 | 500 | 529 };
  if (text === '429') return { kind: 'rate-limit', retryAfterSec: 1 };
  const ra = /^429:retry-after=(\d+)$/.exec(text);
  if (ra) return { kind: 'rate-limit', retryAfterSec: Number(ra[1]) };
  const lat = /^latency:(\d+)$/.exec(text);
  if (lat) return { kind: 'latency', ms: Number(lat[1]) };
  if (text === 'hang' || text === 'html' || text === 'bad-amount') return { kind: text };
  const big = /^page-too-large(?::(\d+))?$/.exec(text);
  if (big) return { kind: 'page-too-large', maxLimit: big[1] === undefined ? null : Number(big[1]) };
  const groups = /^too-many-groups(?::(\d+))?$/.exec(text);
  if (groups)
    return { kind: 'too-many-groups', maxGroups: groups[1] === undefined ? null : Number(groups[1]) };
  return fail(
    `unknown action '${text}'; expected 401, 403, 500, 529, 429[:retry-after=S], latency:MS, hang, html, bad-amount, page-too-large[:LIMIT], too-many-groups[:N]`,
  );
}

/** Parses a spec (grammar above); `null`, '' and 'none' give no rules. */
export function parseAnthropicFaults(
  spec: string | AnthropicFaultRule[] | null | undefined,
): AnthropicFaultRule[] {
  if (spec === null || spec === undefined) return [];
  if (Array.isArray(spec)) return spec;
  const text = spec.replace(/\s+/g, '');
  if (text === '' || text === 'none') return [];
  return text.split(',').map((raw) => {
    const m = /^([a-z_*]+)=(.+?)(?:x(\d+)|@([0-9.]+))?$/.exec(raw);
    if (!m)
      throw new AnthropicFaultSpecError(
        `fault rule '${raw}': expected TARGET=ACTION, e.g. 'cost_report=529'`,
      );
    const target = m[1]!;
    if (target !== '*' && !(ANTHROPIC_ROUTES as readonly string[]).includes(target)) {
      throw new AnthropicFaultSpecError(
        `fault rule '${raw}': unknown target '${target}'; expected one of ${ANTHROPIC_ROUTES.join(', ')}, *`,
      );
    }
    const rule: AnthropicFaultRule = {
      target: target as AnthropicFaultRule['target'],
      action: parseAction(m[2]!, raw),
    };
    if (m[3] !== undefined) rule.times = Number(m[3]);
    if (m[4] !== undefined) {
      rule.probability = Number(m[4]);
      if (!(rule.probability > 0 && rule.probability <= 1))
        throw new AnthropicFaultSpecError(`fault rule '${raw}': probability must be in (0, 1]`);
    }
    return rule;
  });
}

export interface AnthropicFaultDecision {
  latencyMs: number;
  action: Exclude<AnthropicFaultAction, { kind: 'latency' }> | null;
}

/** Decides per request which rules fire; counted rules run down, probabilistic ones use a seeded random. */
export function createAnthropicFaults(seed: number, spec: string | AnthropicFaultRule[] | null | undefined) {
  const decider = createRuleDecider<AnthropicFaultAction>(
    createRandom(deriveSeed(seed, 'anthropic-faults')),
    (action, route) =>
      action.kind === 'bad-amount'
        ? route === 'cost_report' || route === 'analytics_cost'
        : action.kind === 'page-too-large' || action.kind === 'too-many-groups'
          ? REPORT_ROUTES.has(route as AnthropicRoute)
          : true,
  );
  const set = (next: string | AnthropicFaultRule[] | null | undefined): void =>
    decider.set(parseAnthropicFaults(next));
  set(spec);
  return {
    set,
    decide: (route: AnthropicRoute): AnthropicFaultDecision => decider.decide(route),
  };
}
