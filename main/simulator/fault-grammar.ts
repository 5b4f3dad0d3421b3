/**
 * The one fault grammar of every simulator (OpenAI, Anthropic, the balance providers), so clients can be
 * tested against the ways the real APIs fail. Each simulator brings a table of its targets and actions
 * (faults.ts, anthropic/faults.ts, balance/faults.ts); this module parses and checks specs against it.
 *
 * Grammar (whitespace ignored; an empty spec or `none` means no faults):
 * ```
 * spec   := rule ("," rule)*                 (commas inside single quotes do not split: bad-amount:'1,5')
 * rule   := [target "="] action [ "x" COUNT | "@" PROBABILITY ]
 * target := one of the simulator's targets | "*"   (required when the simulator has targets; a
 *                                                     simulator without targets takes none: every request)
 * action := NAME [":" OPTION]                 (the simulator's table says which names and options)
 * ```
 * `xN` applies the rule to the next N matching requests only; `@P` to each with probability P (seeded).
 * Latency actions add up; of the other actions, the first rule that fires wins. An action kept to some
 * targets (`costs` only, reports only) is refused on others, and under `*` fires only where it applies.
 * Example (OpenAI): `costs=429:retry-after=2x3,completions=latency:800,*=500@0.1`.
 */
import type { TargetedRule } from './fault-injector';

/** A fault spec that does not parse; the message names the rule and what was expected. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

/** Reports why a rule is refused; never returns. */
export type Fail = (why: string) => never;

/** One action of a table: how it is written, what its option means, and where it applies. */
export interface FaultActionSpec<A> {
  /** How the action is written, for messages: `429[:retry-after=S]`. */
  usage: string;
  /** The action for `option` (null when none is written); calls `fail` on a bad option. */
  parse(option: string | null, fail: Fail): A;
  /** The only targets this action applies to; undefined = every target. */
  only?: readonly string[];
}

/** One simulator's faults: its targets and its actions by name. */
export interface FaultTable<A extends { kind: string }> {
  /** Targets a rule may name besides `*`; empty = rules name no target and apply to every request. */
  targets: readonly string[];
  /** Action name (the text before `:`) → its spec. */
  actions: Readonly<Record<string, FaultActionSpec<A>>>;
  /** A rule, written out, for "expected TARGET=ACTION, e.g. …" (tables with targets). */
  example?: string;
}

/** An action that takes no option: `hang`, `malformed`. */
export function plainAction<A>(usage: string, action: A, only?: readonly string[]): FaultActionSpec<A> {
  return {
    usage,
    parse: (option, fail) =>
      option === null ? action : fail(`'${usage}' takes no option, got ':${option}'`),
    ...(only ? { only } : {}),
  };
}

/** `latency:MS`: a delay before answering (normally or by another rule). */
function latencyAction<A>(make: (ms: number) => A): FaultActionSpec<A> {
  return {
    usage: 'latency:MS',
    parse: (option, fail) =>
      option !== null && /^\d+$/.test(option)
        ? make(Number(option))
        : fail(`latency needs milliseconds, e.g. 'latency:800', got '${option ?? ''}'`),
  };
}

/** `429[:retry-after=S]`: a rate limit with a Retry-After header (default 1 s; 0 = "retry at once"). */
function rateLimitAction<A>(make: (retryAfterSec: number) => A): FaultActionSpec<A> {
  return {
    usage: '429[:retry-after=S]',
    parse: (option, fail) => {
      if (option === null) return make(1);
      const m = /^retry-after=(\d+)$/.exec(option);
      if (!m) return fail(`429 takes ':retry-after=SECONDS' (a whole number), got ':${option}'`);
      return make(Number(m[1]));
    },
  };
}

/** Status actions (`500`, `503`, …): the simulator's error answer for each status. */
function statusActions<A, S extends number>(
  statuses: readonly S[],
  make: (status: S) => A,
): Record<string, FaultActionSpec<A>> {
  return Object.fromEntries(statuses.map((s) => [String(s), plainAction(String(s), make(s))]));
}

/** The actions every simulator has: its statuses, a rate limit, a delay and a hang. */
export type CommonFaultAction<S extends number = number> =
  | { kind: 'status'; status: S }
  | { kind: 'rate-limit'; retryAfterSec: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' };

/**
 * The table entries of the actions every simulator has: `STATUS`, `429[:retry-after=S]`, `latency:MS`
 * and `hang`. Example: `commonActions([500, 503])` accepts `500`, `503`, `429`, `latency:800`, `hang`.
 */
export function commonActions<S extends number>(
  statuses: readonly S[],
): Record<string, FaultActionSpec<CommonFaultAction<S>>> {
  return {
    ...statusActions(statuses, (status) => ({ kind: 'status', status })),
    '429': rateLimitAction((retryAfterSec) => ({ kind: 'rate-limit', retryAfterSec })),
    latency: latencyAction((ms) => ({ kind: 'latency', ms })),
    hang: plainAction('hang', { kind: 'hang' }),
  };
}

/** Parses a spec (see the grammar above) against `table`; `null`, '' and 'none' give no rules. */
export function parseFaultSpec<A extends { kind: string }>(
  table: FaultTable<A>,
  spec: string | ReadonlyArray<TargetedRule<A>> | null | undefined,
): Array<TargetedRule<A>> {
  if (spec === null || spec === undefined) return [];
  if (Array.isArray(spec)) return spec.map((rule) => checkRule(table, rule, JSON.stringify(rule)));
  const text = (spec as string).replace(/\s+/g, '');
  if (text === '' || text === 'none') return [];
  return splitRules(text).map((raw) => {
    if (raw === '') throw new FaultSpecError(`fault spec '${spec}': empty rule (two commas in a row?)`);
    return checkRule(table, parseRule(table, raw), `'${raw}'`);
  });
}

/** Splits on commas outside single quotes, keeping empty rules (so they can be refused). */
function splitRules(text: string): string[] {
  const rules: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      rules.push(current);
      current = '';
    } else current += ch;
  }
  rules.push(current);
  return rules;
}

function parseRule<A extends { kind: string }>(table: FaultTable<A>, raw: string): TargetedRule<A> {
  const fail: Fail = (why) => {
    throw new FaultSpecError(`fault rule '${raw}': ${why}`);
  };
  let target = '*';
  let rest = raw;
  if (table.targets.length > 0) {
    const eq = raw.indexOf('=');
    if (eq < 0) fail(`expected TARGET=ACTION, e.g. '${table.example ?? `${table.targets[0]}=500`}'`);
    target = raw.slice(0, eq);
    if (target !== '*' && !table.targets.includes(target))
      fail(`unknown target '${target}'; expected one of ${[...table.targets, '*'].join(', ')}`);
    rest = raw.slice(eq + 1);
  }
  const rule: Partial<TargetedRule<A>> = { target };
  const times = /x(\d+)$/.exec(rest);
  const chance = times ? null : /@([0-9.]+)$/.exec(rest);
  if (times) {
    rule.times = Number(times[1]);
    rest = rest.slice(0, times.index);
  } else if (chance) {
    rule.probability = Number(chance[1]);
    if (!Number.isFinite(rule.probability)) fail(`'@${chance[1]}' is not a probability`);
    rest = rest.slice(0, chance.index);
  }
  const colon = rest.indexOf(':');
  const name = colon < 0 ? rest : rest.slice(0, colon);
  const option = colon < 0 ? null : rest.slice(colon + 1);
  const action = Object.hasOwn(table.actions, name) ? table.actions[name] : undefined;
  if (!action) {
    const known = Object.values(table.actions).map((a) => a.usage);
    return fail(`unknown action '${name}'; expected one of ${known.join(', ')}`);
  }
  rule.action = action.parse(option, fail);
  return rule as TargetedRule<A>;
}

/** The checks a rule passes whether written as text or given as an object. */
function checkRule<A extends { kind: string }>(
  table: FaultTable<A>,
  rule: TargetedRule<A>,
  where: string,
): TargetedRule<A> {
  const fail: Fail = (why) => {
    throw new FaultSpecError(`fault rule ${where}: ${why}`);
  };
  if (rule.target !== '*' && !table.targets.includes(rule.target))
    fail(`unknown target; expected one of ${[...table.targets, '*'].join(', ')}`);
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1))
    fail('times must be a whole number >= 1');
  if (rule.probability !== undefined && !(rule.probability > 0 && rule.probability <= 1))
    fail('probability must be in (0, 1]');
  if (rule.times !== undefined && rule.probability !== undefined)
    fail('use either times or probability, not both');
  const only = specOf(table, rule.action)?.only;
  if (only && rule.target !== '*' && !only.includes(rule.target))
    fail(`${rule.action.kind} only applies to ${only.join(', ')}`);
  return rule;
}

/** The table's spec of a parsed action (found by kind: status actions share one kind, so by name too). */
function specOf<A extends { kind: string }>(table: FaultTable<A>, action: A): FaultActionSpec<A> | undefined {
  return Object.hasOwn(table.actions, action.kind) ? table.actions[action.kind] : undefined;
}

/**
 * A table as help lines: its targets (or that rules name none) and how its actions are written.
 *
 * Example (balance): `["ACTION  400 | 401 | … | 429[:retry-after=S] | latency:MS | hang | …"]`.
 */
export function describeFaultTable(table: FaultTable<{ kind: string }>): string[] {
  const actions = Object.values(table.actions).map((a) => a.usage);
  return [
    ...(table.targets.length > 0 ? [`TARGET  ${[...table.targets, '*'].join(' | ')}`] : []),
    `ACTION  ${actions.join(' | ')}`,
  ];
}

/**
 * Whether `action` applies on `target` by the table (for `*` rules, which match every target).
 *
 * Example (OpenAI): `string-amount` fits `costs` only.
 */
export function fitsTarget<A extends { kind: string }>(
  table: FaultTable<A>,
  action: A,
  target: string,
): boolean {
  const only = specOf(table, action)?.only;
  return !only || only.includes(target);
}
