/**
 * The balance simulators' faults (OpenRouter, DeepSeek): the ways a balance endpoint fails, in the one
 * grammar of every simulator (fault-grammar.ts). A balance simulator has one endpoint, so rules name
 * no target and apply to every request:
 * ```
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
import { createRandom, deriveSeed } from '@core/random';
import { createRuleDecider, type TargetedRule } from '../fault-injector';
import { commonActions, parseFaultSpec, plainAction } from '../fault-grammar';
import type { CommonFaultAction, FaultTable } from '../fault-grammar';

export type BalanceFault =
  | CommonFaultAction
  | { kind: 'html' }
  | { kind: 'malformed' }
  | { kind: 'bad-amount'; text: string }
  | { kind: 'unknown-currency'; code: string };

/** A balance fault rule: its target is always `*` (every request). */
export type BalanceFaultRule = TargetedRule<BalanceFault>;

/** The balance simulators' table: no targets, these actions (grammar: fault-grammar.ts). */
export const BALANCE_FAULTS: FaultTable<BalanceFault> = {
  targets: [],
  actions: {
    ...commonActions([400, 401, 402, 403, 408, 422, 500, 502, 503]),
    html: plainAction('html', { kind: 'html' }),
    malformed: plainAction('malformed', { kind: 'malformed' }),
    'bad-amount': {
      usage: 'bad-amount[:TEXT]',
      parse: (option) => ({
        kind: 'bad-amount',
        text: option === null ? '12,30' : option.replace(/^'(.*)'$/, '$1'),
      }),
    },
    'unknown-currency': {
      usage: 'unknown-currency[:CODE]',
      parse: (option) => ({ kind: 'unknown-currency', code: option ?? 'XYZ' }),
    },
  },
};

/** Parses a spec (grammar: fault-grammar.ts; table above); null, '' and 'none' give no rules. */
export function parseBalanceFaults(spec: string | null | undefined): BalanceFaultRule[] {
  return parseFaultSpec(BALANCE_FAULTS, spec);
}

export interface BalanceFaultDecision {
  latencyMs: number;
  /** The first non-latency fault that applies to this request, or null. */
  fault: Exclude<BalanceFault, { kind: 'latency' }> | null;
}

/** Holds the current rules and decides, request by request, which apply (counted rules run down). */
export function createBalanceFaults(spec: string | null | undefined, seed = 1) {
  const decider = createRuleDecider<BalanceFault>(createRandom(deriveSeed(seed, 'balance-faults')));
  const set = (next: string | null | undefined): void => decider.set(parseBalanceFaults(next));
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
