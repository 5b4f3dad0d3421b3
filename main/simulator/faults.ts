/**
 * The OpenAI simulator's faults: its targets and actions, in the one grammar of every simulator
 * (fault-grammar.ts):
 * ```
 * target  := costs | completions | embeddings | images | projects | spend_limit | project_spend_limit
 *          | spend_alerts | project_spend_alerts | admin_api_keys | *
 * action  := 401 | 403 | 500 | 503
 *          | 429 [":retry-after=" SECONDS]      (Retry-After header; default 1)
 *          | latency ":" MS                     (delay, then answer normally or by another rule)
 *          | hang                               (never answers until the simulator closes)
 *          | malformed                          (200 with truncated JSON)
 *          | string-amount                      (costs only: amount.value as a JSON string)
 *          | bare-error [":" STATUS]            ({"error": "…"} as a bare string; default 500)
 *          | spend-limit-429                    (429 organization_spend_limit_exceeded)
 * ```
 * Example: `costs=429:retry-after=2x3,completions=latency:800,*=500@0.1`.
 */
import { FaultSpecError, commonActions, parseFaultSpec, plainAction } from './fault-grammar';
import type { CommonFaultAction, FaultTable } from './fault-grammar';

export { FaultSpecError };

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
  | CommonFaultAction<401 | 403 | 500 | 503>
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

/** The OpenAI simulator's actions, by how they are written. */
const ACTIONS: FaultTable<FaultAction>['actions'] = {
  ...commonActions<401 | 403 | 500 | 503>([401, 403, 500, 503]),
  malformed: plainAction('malformed', { kind: 'malformed' }),
  'string-amount': plainAction('string-amount', { kind: 'string-amount' }, ['costs']),
  'bare-error': {
    usage: 'bare-error[:STATUS]',
    parse: (option, fail) =>
      option === null
        ? { kind: 'bare-error', status: 500 }
        : /^[45]\d\d$/.test(option)
          ? { kind: 'bare-error', status: Number(option) }
          : fail(`bare-error takes an HTTP error status (400–599), got ':${option}'`),
  },
  'spend-limit-429': plainAction('spend-limit-429', { kind: 'spend-limit-429' }),
};

/** The OpenAI simulator's table of targets and actions (grammar: fault-grammar.ts). */
export const OPENAI_FAULTS: FaultTable<FaultAction> = {
  targets: FAULT_TARGETS.filter((t) => t !== '*'),
  actions: ACTIONS,
  example: 'costs=429',
};

/** Parses a fault spec (grammar: fault-grammar.ts; table above) into rules; `null`, '' and 'none' give none. */
export function parseFaults(spec: string | FaultRule[] | null | undefined): FaultRule[] {
  return parseFaultSpec(OPENAI_FAULTS, spec) as FaultRule[];
}
