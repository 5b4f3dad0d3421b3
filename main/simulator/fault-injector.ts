/** Decides, per request, which fault rules fire (counted rules run down; probabilistic ones use a seeded random). */
import { createRandom, deriveSeed } from '@core/random';
import { fitsTarget } from './fault-grammar';
import { OPENAI_FAULTS, parseFaults, type FaultAction, type FaultRule } from './faults';

export interface FaultDecision {
  /** Total delay before answering, from every latency rule that fired. */
  latencyMs: number;
  /** The first non-latency action that fired, or null to answer normally. */
  action: Exclude<FaultAction, { kind: 'latency' }> | null;
}

export interface FaultInjector {
  set(spec: string | FaultRule[] | null): void;
  decide(endpoint: string): FaultDecision;
}

/** A fault rule of any simulator (fault-grammar.ts): a target, an action (latency ones carry `ms`), a count or a chance. */
export interface TargetedRule<A extends { kind: string }> {
  target: string;
  action: A;
  times?: number;
  probability?: number;
}

/**
 * A per-request decider over `rules` (every simulator's fault grammar shares it): counted rules run down,
 * probabilistic ones draw from `random`, latencies add up, and the first other action that fires wins.
 * `fits(action, endpoint)` can keep an action to the endpoints it makes sense on.
 */
export function createRuleDecider<A extends { kind: string }>(
  random: () => number,
  fits: (action: A, endpoint: string) => boolean = () => true,
) {
  type Other = Exclude<A, { kind: 'latency' }>;
  let rules: Array<TargetedRule<A> & { remaining?: number }> = [];
  return {
    set(next: ReadonlyArray<TargetedRule<A>>): void {
      rules = next.map((r) => ({ ...r, remaining: r.times }));
    },
    decide(endpoint: string): { latencyMs: number; action: Other | null } {
      let latencyMs = 0;
      let action: Other | null = null;
      for (const rule of rules) {
        if (rule.target !== '*' && rule.target !== endpoint) continue;
        if (!fits(rule.action, endpoint)) continue;
        if (action && rule.action.kind !== 'latency') continue;
        if (rule.remaining !== undefined && rule.remaining <= 0) continue;
        if (rule.probability !== undefined && random() >= rule.probability) continue;
        if (rule.remaining !== undefined) rule.remaining -= 1;
        if (rule.action.kind === 'latency') latencyMs += (rule.action as unknown as { ms: number }).ms;
        else action = rule.action as Other;
      }
      return { latencyMs, action };
    },
  };
}

/** Creates an injector; the same seed and request sequence give the same faults. */
export function createFaultInjector(
  seed: number,
  spec: string | FaultRule[] | null | undefined,
): FaultInjector {
  const decider = createRuleDecider<FaultAction>(
    createRandom(deriveSeed(seed, 'faults')),
    (action, endpoint) => fitsTarget(OPENAI_FAULTS, action, endpoint),
  );
  const set = (next: string | FaultRule[] | null | undefined): void => decider.set(parseFaults(next));
  set(spec);
  return { set, decide: (endpoint) => decider.decide(endpoint) };
}
