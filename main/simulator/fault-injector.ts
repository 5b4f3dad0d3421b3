/** Decides, per request, which fault rules fire (counted rules run down; probabilistic ones use a seeded random). */
import { createRandom, deriveSeed } from '@core/random';
import { parseFaults, type FaultAction, type FaultRule } from './faults';

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

/** Creates an injector; the same seed and request sequence give the same faults. */
export function createFaultInjector(
  seed: number,
  spec: string | FaultRule[] | null | undefined,
): FaultInjector {
  const random = createRandom(deriveSeed(seed, 'faults'));
  let rules: Array<FaultRule & { remaining?: number }> = [];
  const set = (next: string | FaultRule[] | null | undefined): void => {
    rules = parseFaults(next).map((r) => ({ ...r, remaining: r.times }));
  };
  set(spec);
  return {
    set,
    decide(endpoint) {
      let latencyMs = 0;
      let action: FaultDecision['action'] = null;
      for (const rule of rules) {
        if (rule.target !== '*' && rule.target !== endpoint) continue;
        if (rule.action.kind === 'string-amount' && endpoint !== 'costs') continue;
        if (action && rule.action.kind !== 'latency') continue;
        if (rule.remaining !== undefined && rule.remaining <= 0) continue;
        if (rule.probability !== undefined && random() >= rule.probability) continue;
        if (rule.remaining !== undefined) rule.remaining -= 1;
        if (rule.action.kind === 'latency') latencyMs += rule.action.ms;
        else action = rule.action;
      }
      return { latencyMs, action };
    },
  };
}
