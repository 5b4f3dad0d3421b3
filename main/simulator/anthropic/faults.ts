/**
 * Fault injection for the Anthropic simulator, in the OpenAI simulator's grammar with Anthropic's routes
 * and failure modes (whitespace ignored; '' or `none` = no faults):
 * ```
 * spec   := rule ("," rule)*
 * rule   := target "=" action [ "x" COUNT | "@" PROBABILITY ]
 * target := cost_report | usage_messages | workspaces | *
 * action := 401 | 403 | 500 | 529                (authentication_error, permission_error, api_error, overloaded_error)
 *         | 429 [":retry-after=" SECONDS]         (rate_limit_error with a retry-after header; default 1)
 *         | latency ":" MS                        (delay, then answer normally or by another rule)
 *         | hang                                  (never answers until the simulator closes)
 *         | html                                  (200 with an HTML page, as a proxy or captive portal sends)
 *         | bad-amount                            (cost_report: one amount that is not a decimal, '12,34')
 * ```
 * Example: `cost_report=429:retry-after=2x1,usage_messages=529@0.1`.
 */
import { createRandom, deriveSeed } from '@core/random';
import { createRuleDecider } from '../fault-injector';

export const ANTHROPIC_ROUTES = ['cost_report', 'usage_messages', 'workspaces'] as const;
export type AnthropicRoute = (typeof ANTHROPIC_ROUTES)[number];

export type AnthropicFaultAction =
  | { kind: 'status'; status: 401 | 403 | 500 | 529 }
  | { kind: 'rate-limit'; retryAfterSec: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'html' }
  | { kind: 'bad-amount' };

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
  return fail(
    `unknown action '${text}'; expected 401, 403, 500, 529, 429[:retry-after=S], latency:MS, hang, html, bad-amount`,
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
    (action, route) => action.kind !== 'bad-amount' || route === 'cost_report',
  );
  const set = (next: string | AnthropicFaultRule[] | null | undefined): void =>
    decider.set(parseAnthropicFaults(next));
  set(spec);
  return {
    set,
    decide: (route: AnthropicRoute): AnthropicFaultDecision => decider.decide(route),
  };
}
