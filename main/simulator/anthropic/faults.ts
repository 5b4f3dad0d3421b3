/**
 * The Anthropic simulator's faults: its routes and failure modes, in the one grammar of every simulator
 * (fault-grammar.ts):
 * ```
 * target := cost_report | usage_messages | workspaces | analytics_cost | analytics_usage | spend_limits | *
 * action := 401 | 403 | 500 | 529                (authentication_error, permission_error, api_error, overloaded_error)
 *         | 429 [":retry-after=" SECONDS]         (rate_limit_error with a retry-after header; default 1)
 *         | latency ":" MS                        (delay, then answer normally or by another rule)
 *         | hang                                  (never answers until the simulator closes)
 *         | html                                  (200 with an HTML page, as a proxy or captive portal sends)
 *         | bad-amount                            (cost reports only: one amount that is not a decimal, '12,34')
 *         | page-too-large [":" LIMIT]            (reports only: 400 report_page_too_large while `limit` > LIMIT; always without LIMIT)
 *         | too-many-groups [":" N]               (reports only: 400 too_many_report_groups while more than N `group_by[]`
 *                                                  dimensions are asked, cost_type and token_type not counted; always without N)
 * ```
 * Example: `cost_report=429:retry-after=2x1,usage_messages=529@0.1,analytics_cost=too-many-groups:2`.
 */
import { createRandom, deriveSeed } from '@core/random';
import { createRuleDecider } from '../fault-injector';
import { commonActions, fitsTarget, parseFaultSpec, plainAction } from '../fault-grammar';
import type { CommonFaultAction, FaultActionSpec, FaultTable } from '../fault-grammar';

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
  | CommonFaultAction<401 | 403 | 500 | 529>
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

/** An optional whole-number option: `page-too-large[:LIMIT]`. */
function optionalCount<A>(
  usage: string,
  make: (n: number | null) => A,
  only: readonly string[],
): FaultActionSpec<A> {
  return {
    usage,
    only,
    parse: (option, fail) =>
      option === null
        ? make(null)
        : /^\d+$/.test(option)
          ? make(Number(option))
          : fail(`'${usage}' takes a whole number, got ':${option}'`),
  };
}

const COST_ROUTES = ['cost_report', 'analytics_cost'] as const;

/** The Anthropic simulator's table of targets and actions (grammar: fault-grammar.ts). */
export const ANTHROPIC_FAULTS: FaultTable<AnthropicFaultAction> = {
  targets: ANTHROPIC_ROUTES,
  example: 'cost_report=529',
  actions: {
    ...commonActions<401 | 403 | 500 | 529>([401, 403, 500, 529]),
    html: plainAction('html', { kind: 'html' }),
    'bad-amount': plainAction('bad-amount', { kind: 'bad-amount' }, COST_ROUTES),
    'page-too-large': optionalCount(
      'page-too-large[:LIMIT]',
      (maxLimit) => ({ kind: 'page-too-large', maxLimit }),
      [...REPORT_ROUTES],
    ),
    'too-many-groups': optionalCount(
      'too-many-groups[:N]',
      (maxGroups) => ({ kind: 'too-many-groups', maxGroups }),
      [...REPORT_ROUTES],
    ),
  },
};

/** Parses a spec (grammar: fault-grammar.ts; table above); `null`, '' and 'none' give no rules. */
export function parseAnthropicFaults(
  spec: string | AnthropicFaultRule[] | null | undefined,
): AnthropicFaultRule[] {
  return parseFaultSpec(ANTHROPIC_FAULTS, spec) as AnthropicFaultRule[];
}

export interface AnthropicFaultDecision {
  latencyMs: number;
  action: Exclude<AnthropicFaultAction, { kind: 'latency' }> | null;
}

/** Decides per request which rules fire; counted rules run down, probabilistic ones use a seeded random. */
export function createAnthropicFaults(seed: number, spec: string | AnthropicFaultRule[] | null | undefined) {
  const decider = createRuleDecider<AnthropicFaultAction>(
    createRandom(deriveSeed(seed, 'anthropic-faults')),
    (action, route) => fitsTarget(ANTHROPIC_FAULTS, action, route),
  );
  const set = (next: string | AnthropicFaultRule[] | null | undefined): void =>
    decider.set(parseAnthropicFaults(next));
  set(spec);
  return {
    set,
    decide: (route: AnthropicRoute): AnthropicFaultDecision => decider.decide(route),
  };
}
