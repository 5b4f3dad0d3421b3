/**
 * Faults for the balance simulators (OpenRouter, DeepSeek): the ways a balance endpoint fails.
 *
 * Grammar (whitespace ignored; '' or `none` = no faults):
 * ```
 * spec   := rule ("," rule)*
 * rule   := action [ "x" COUNT ]            (xN: the next N requests only; else every request)
 * action := 400 | 401 | 402 | 403 | 408 | 422 | 500 | 502 | 503   (the provider's error body for it)
 *         | 429 [":retry-after=" SECONDS]   (Retry-After header; default 1)
 *         | latency ":" MS                  (delay, then answer normally or by another rule)
 *         | hang                            (never answers until the simulator closes)
 *         | html                            (200 with an HTML page, as a captive portal or proxy sends)
 *         | malformed                       (200 with truncated JSON)
 *         | bad-amount [":" TEXT]           (an amount that is not a number; default "12,30"; quote a
 *                                             TEXT with a comma: bad-amount:'1,5')
 *         | unknown-currency [":" CODE]     (DeepSeek: a currency code nobody knows; default "XYZ")
 * ```
 * Example: `429:retry-after=120x1,latency:200`.
 */

import { createRuleDecider } from '../fault-injector';

export type BalanceFault =
  | { kind: 'status'; status: number }
  | { kind: 'rate-limit'; retryAfterSec: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'html' }
  | { kind: 'malformed' }
  | { kind: 'bad-amount'; text: string }
  | { kind: 'unknown-currency'; code: string };

export interface BalanceFaultRule {
  fault: BalanceFault;
  /** The next N requests only; undefined = every request. */
  times?: number;
}

export class BalanceFaultSpecError extends Error {
  override name = 'BalanceFaultSpecError';
}

const STATUSES = [400, 401, 402, 403, 408, 422, 500, 502, 503];

function parseFault(text: string, rule: string): BalanceFault {
  const [name = '', ...rest] = text.split(':');
  const opt = rest.length > 0 ? rest.join(':') : null;
  const fail = (why: string): never => {
    throw new BalanceFaultSpecError(`fault rule '${rule}': ${why}`);
  };
  if (/^\d{3}$/.test(name) && STATUSES.includes(Number(name))) {
    if (opt !== null) fail(`'${name}' takes no option`);
    return { kind: 'status', status: Number(name) };
  }
  switch (name) {
    case '429': {
      if (opt === null) return { kind: 'rate-limit', retryAfterSec: 1 };
      const m = /^retry-after=(\d+)$/.exec(opt);
      return m
        ? { kind: 'rate-limit', retryAfterSec: Number(m[1]) }
        : fail(`429 takes ':retry-after=SECONDS'`);
    }
    case 'latency':
      return opt !== null && /^\d+$/.test(opt)
        ? { kind: 'latency', ms: Number(opt) }
        : fail(`latency needs ':MS'`);
    case 'hang':
    case 'html':
    case 'malformed':
      if (opt !== null) fail(`'${name}' takes no option`);
      return { kind: name };
    case 'bad-amount':
      return { kind: 'bad-amount', text: opt === null ? '12,30' : opt.replace(/^'(.*)'$/, '$1') };
    case 'unknown-currency':
      return { kind: 'unknown-currency', code: opt ?? 'XYZ' };
    default:
      return fail(
        `unknown action '${name}'; expected ${STATUSES.join(', ')}, 429[:retry-after=S], latency:MS, hang, html, malformed, bad-amount[:TEXT], unknown-currency[:CODE]`,
      );
  }
}

/** Parses a spec (grammar above); null, '' and 'none' give no rules. */
export function parseBalanceFaults(spec: string | null | undefined): BalanceFaultRule[] {
  const text = (spec ?? '').replace(/\s+/g, '');
  if (text === '' || text === 'none') return [];
  // Split on commas outside single quotes.
  return (text.match(/(?:[^,']|'[^']*')+|(?<=,)(?=,|$)|^(?=,)/g) ?? []).map((raw) => {
    if (raw === '') throw new BalanceFaultSpecError(`fault spec '${spec}': empty rule`);
    const times = /x(\d+)$/.exec(raw);
    if (times && Number(times[1]) < 1)
      throw new BalanceFaultSpecError(`fault rule '${raw}': x0 never applies`);
    const body = times ? raw.slice(0, times.index) : raw;
    return { fault: parseFault(body, raw), ...(times ? { times: Number(times[1]) } : {}) };
  });
}

export interface BalanceFaultDecision {
  latencyMs: number;
  /** The first non-latency fault that applies to this request, or null. */
  fault: Exclude<BalanceFault, { kind: 'latency' }> | null;
}

/** Holds the current rules and decides, request by request, which apply (counted rules run down). */
export function createBalanceFaults(spec: string | null | undefined) {
  // No targets or chances in this grammar: every rule applies to every request, counted ones run down.
  const decider = createRuleDecider<BalanceFault>(() => 0);
  const set = (next: string | null | undefined): void =>
    decider.set(parseBalanceFaults(next).map((r) => ({ target: '*', action: r.fault, times: r.times })));
  set(spec);
  return {
    set,
    decide(): BalanceFaultDecision {
      const { latencyMs, action } = decider.decide('*');
      return { latencyMs, fault: action };
    },
  };
}

export type BalanceFaults = ReturnType<typeof createBalanceFaults>;
