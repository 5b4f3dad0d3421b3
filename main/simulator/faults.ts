/**
 * Fault injection for the simulator, so clients can be tested against the ways the real API fails.
 *
 * Grammar (whitespace ignored; an empty spec or `none` means no faults):
 * ```
 * spec    := rule ("," rule)*
 * rule    := target "=" action [ "x" COUNT | "@" PROBABILITY ]
 * target  := costs | completions | embeddings | images | projects | spend_limit | project_spend_limit
 *          | spend_alerts | project_spend_alerts | admin_api_keys | *
 * action  := 401 | 403 | 500 | 503
 *          | 429 [":retry-after=" SECONDS]      (Retry-After header; default 1)
 *          | latency ":" MS                     (delay, then answer normally or by another rule)
 *          | hang                               (never answers until the simulator closes)
 *          | malformed                          (200 with truncated JSON)
 *          | string-amount                      (costs: amount.value as a JSON string)
 *          | bare-error [":" STATUS]            ({"error": "…"} as a bare string; default 500)
 *          | spend-limit-429                    (429 organization_spend_limit_exceeded)
 * ```
 * `xN` applies the rule to the next N matching requests only; `@P` to each with probability P (seeded).
 * Example: `costs=429:retry-after=2x3,completions=latency:800,*=500@0.1`.
 */

export const FAULT_TARGETS = [
  'costs',
  'completions',
  'embeddings',
  'images',
  'projects',
  'spend_limit',
  'project_spend_limit',
  'spend_alerts',
  'project_spend_alerts',
  'admin_api_keys',
  '*',
] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

export type FaultAction =
  | { kind: 'status'; status: 401 | 403 | 500 | 503 }
  | { kind: 'rate-limit'; retryAfterSec: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'string-amount' }
  | { kind: 'bare-error'; status: number }
  | { kind: 'spend-limit-429' };

export interface FaultRule {
  target: FaultTarget;
  action: FaultAction;
  /** Apply to the next N matching requests only. */
  times?: number;
  /** Apply to each matching request with this probability (0–1]. */
  probability?: number;
}

/** A fault spec that does not parse; the message names the rule and what was expected. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const ACTION_HELP =
  '401, 403, 500, 503, 429[:retry-after=S], latency:MS, hang, malformed, string-amount, bare-error[:STATUS], spend-limit-429';

function parseAction(text: string, rule: string): FaultAction {
  const [name = '', ...opts] = text.split(':');
  const opt = opts.join(':');
  const fail = (why: string): never => {
    throw new FaultSpecError(`fault rule '${rule}': ${why}`);
  };
  const noOpts = (): void => {
    if (opts.length > 0) fail(`'${name}' takes no option, got ':${opt}'`);
  };
  switch (name) {
    case '401':
    case '403':
    case '500':
    case '503':
      noOpts();
      return { kind: 'status', status: Number(name) as 401 | 403 | 500 | 503 };
    case '429': {
      if (opts.length === 0) return { kind: 'rate-limit', retryAfterSec: 1 };
      const m = /^retry-after=(\d+)$/.exec(opt);
      if (!m || Number(m[1]) < 1)
        return fail(`429 takes ':retry-after=SECONDS' (a whole number >= 1), got ':${opt}'`);
      return { kind: 'rate-limit', retryAfterSec: Number(m[1]) };
    }
    case 'latency': {
      if (!/^\d+$/.test(opt)) return fail(`latency needs milliseconds, e.g. 'latency:800', got '${text}'`);
      return { kind: 'latency', ms: Number(opt) };
    }
    case 'bare-error': {
      if (opts.length === 0) return { kind: 'bare-error', status: 500 };
      if (!/^[45]\d\d$/.test(opt))
        return fail(`bare-error takes an HTTP error status (400–599), got ':${opt}'`);
      return { kind: 'bare-error', status: Number(opt) };
    }
    case 'hang':
    case 'malformed':
    case 'string-amount':
    case 'spend-limit-429':
      noOpts();
      return { kind: name };
    default:
      return fail(`unknown action '${name}'; expected one of ${ACTION_HELP}`);
  }
}

/** Checks a rule given as an object (same rules as the text grammar). */
export function validateFaultRule(rule: FaultRule): FaultRule {
  const where = JSON.stringify(rule);
  if (!(FAULT_TARGETS as readonly string[]).includes(rule.target)) {
    throw new FaultSpecError(
      `fault rule ${where}: unknown target; expected one of ${FAULT_TARGETS.join(', ')}`,
    );
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
    throw new FaultSpecError(`fault rule ${where}: times must be a whole number >= 1`);
  }
  if (rule.probability !== undefined && !(rule.probability > 0 && rule.probability <= 1)) {
    throw new FaultSpecError(`fault rule ${where}: probability must be in (0, 1]`);
  }
  if (rule.times !== undefined && rule.probability !== undefined) {
    throw new FaultSpecError(`fault rule ${where}: use either times or probability, not both`);
  }
  if (rule.action.kind === 'string-amount' && rule.target !== 'costs' && rule.target !== '*') {
    throw new FaultSpecError(`fault rule ${where}: string-amount only applies to costs`);
  }
  return rule;
}

/** Parses a fault spec (see the grammar above) into rules; `null`, '' and 'none' give no rules. */
export function parseFaults(spec: string | FaultRule[] | null | undefined): FaultRule[] {
  if (spec === null || spec === undefined) return [];
  if (Array.isArray(spec)) return spec.map(validateFaultRule);
  const text = spec.replace(/\s+/g, '');
  if (text === '' || text === 'none') return [];
  return text.split(',').map((raw) => {
    if (raw === '') throw new FaultSpecError(`fault spec '${spec}': empty rule (two commas in a row?)`);
    const eq = raw.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`fault rule '${raw}': expected TARGET=ACTION, e.g. 'costs=429'`);
    const target = raw.slice(0, eq);
    if (!(FAULT_TARGETS as readonly string[]).includes(target)) {
      throw new FaultSpecError(
        `fault rule '${raw}': unknown target '${target}'; expected one of ${FAULT_TARGETS.join(', ')}`,
      );
    }
    let actionText = raw.slice(eq + 1);
    const rule: Partial<FaultRule> = { target: target as FaultTarget };
    const times = /x(\d+)$/.exec(actionText);
    const prob = /@([0-9.]+)$/.exec(actionText);
    if (times) {
      rule.times = Number(times[1]);
      actionText = actionText.slice(0, times.index);
    } else if (prob) {
      rule.probability = Number(prob[1]);
      if (!Number.isFinite(rule.probability))
        throw new FaultSpecError(`fault rule '${raw}': '@${prob[1]}' is not a probability`);
      actionText = actionText.slice(0, prob.index);
    }
    rule.action = parseAction(actionText, raw);
    return validateFaultRule(rule as FaultRule);
  });
}
