/**
 * A faithful local OpenAI Admin API (costs, usage, projects, spend limits and alerts, Admin keys) driven by
 * a deterministic spend model. Checked against the spec snapshot in `test/fixtures/openapi` and the official
 * `openai` npm SDK 7.57.0 (its costs `group_by` `user_id`/`api_source` and `line_items` filter included),
 * which parses every answer in `test/integration/conformance/openai.test.ts`. It serves the tests, the demo mode a new user tries without a key, and the benchmarks.
 *
 * Usage: `const sim = await startSimulator({ seed: 7 });` then point the official SDK at it:
 * `new OpenAI({ adminAPIKey: DEMO_ADMIN_KEY, apiKey: null, baseURL: sim.baseUrl })`.
 */
import { DAY_MS, startOfUtcDay } from '@core/time';
import { MODEL_CATALOG } from './catalog';
import { createFaultInjector } from './fault-injector';
import type { FaultRule } from './faults';
import { createGeneratorSource } from './generator';
import { handleBucketEndpoint } from './bucket-handler';
import { COMPLETIONS, COSTS, EMBEDDINGS, IMAGES } from './endpoints';
import { createOrg } from './org';
import {
  handleProjectSpendLimit,
  handleProjects,
  handleSpendLimit,
  plausibleSpendLimitCents,
} from './org-handlers';
import { startHttpSimulator, type RequestLogEntry } from './server';
import { handleAdminKeys } from './admin-keys';
import { handleSpendAlertList, noLimitBody, orgAlertsFor, unknownProject } from './spend-alerts';
import { createSimClock, type SimClock } from './sim-clock';
import { createSpendModel, type SpendModel } from './spend-model';
import type { HourSource } from './spend-types';
import { parseTraceCsv } from './trace-csv';
import { createTraceSource } from './trace-source';

export { createSimClock, type AdjustableSimClock, type SimClock } from './sim-clock';
export type { SpendModel } from './spend-model';
export { parseFaults, type FaultRule } from './faults';
export { parseTraceCsv } from './trace-csv';
export type { RequestLogEntry } from './server';

/** An Admin key the simulator accepts (any `sk-admin-…` key is accepted); safe to show, it opens nothing real. */
export const DEMO_ADMIN_KEY = 'sk-admin-demo-creditwatch-local-simulator-0000';

export interface SimulatorShape {
  projects?: number;
  /** Models in use, taken in catalog order (the first three cover completions, embeddings and images; max 8). */
  models?: number;
  /**
   * Line items per model, capped by what a model bills: chat 6 (input, output, cached input, then their batch
   * variants), images 4 (size × quality), embeddings 2 (input, batch input).
   */
  lineItemsPerModel?: number;
  /** Typical daily spend of the generator in USD. */
  dailyUsd?: number;
  /**
   * An org that spends nothing until this many days before the clock's start (from that UTC midnight on, the
   * generator's spend): a dormant "Personal" org that starts taking spend. Unset = spend over all the history.
   */
  spendStartsDaysAgo?: number;
}

export interface SimulatorOptions {
  /** Default 1; everything is deterministic for a seed. */
  seed?: number;
  /** Default `createSimClock()` (real time). */
  clock?: SimClock;
  /** Spend exists from UTC midnight this many days before the clock's start; default 120. */
  historyDays?: number;
  shape?: SimulatorShape;
  /** Replay a trace CSV instead of the generator (`scale` multiplies its costs, default 1). */
  trace?: { name: string; csvText: string; scale?: number };
  /** Fault spec: the grammar is in fault-grammar.ts, the targets and actions in faults.ts. */
  faults?: string | FaultRule[] | null;
  /** An hour's cost appears in /costs this long after the hour ends; default 30. */
  costLagMinutes?: number;
  /** 0 (default) = a free port. */
  port?: number;
  /**
   * An org whose costs endpoint refuses `group_by=api_key_id` for windows starting before this instant (HTTP
   * 400, as some live orgs do; see `key-grouping-refusal.ts`). Unset/null = every grouping is served.
   */
  refuseKeyGroupingBeforeMs?: number | null;
  /** `'none'`: the org has no hard spend limit (the API's answer: threshold 0, inactive) and no alerts. */
  spendLimit?: 'set' | 'none';
  /** When the calling Admin key expires (listed by `/organization/admin_api_keys`); default null = never. */
  adminKeyExpiresAtMs?: number | null;
  /**
   * The organization's id (the `openai-organization` header on every answer): every key is then a key of this one
   * organization. Default: one organization per key (different keys, different organizations).
   */
  organizationId?: string;
}

export interface Simulator {
  /** e.g. 'http://127.0.0.1:PORT/v1' — the SDK's baseURL. */
  baseUrl: string;
  port: number;
  clock: SimClock;
  /** Ground truth. */
  model: SpendModel;
  setFaults(spec: string | FaultRule[] | null): void;
  /** Every request received, in order (for counting requests). */
  requests: ReadonlyArray<RequestLogEntry>;
  close(): Promise<void>;
}

const DEFAULT_SHAPE = { projects: 4, models: 3, lineItemsPerModel: 3, dailyUsd: 25 };

/** The source, silent before `fromMs` (whole hours before it have no rows; the API shows empty buckets). */
function silentBefore(source: HourSource, fromMs: number): HourSource {
  return (hourStartMs) => (hourStartMs < fromMs ? [] : source(hourStartMs));
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Builds the spend model a simulator with these options would serve, without starting a server; `startMs` is
 * the clock's start (it fixes where history begins). Same options and day, same numbers. `maxCachedRows`
 * bounds the hourly rows kept for re-reading (a caller that reads each hour once keeps none).
 */
export function createSimulatedSpendModel(
  opts: Pick<SimulatorOptions, 'seed' | 'historyDays' | 'shape' | 'trace' | 'costLagMinutes'> & {
    maxCachedRows?: number;
  },
  startMs: number,
): SpendModel {
  const seed = opts.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, got ${seed}`);
  const historyDays = checkInt('historyDays', opts.historyDays ?? 120, 0, 3650);
  const shape = { ...DEFAULT_SHAPE, ...opts.shape };
  checkInt('shape.models', shape.models, 1, MODEL_CATALOG.length);
  checkInt('shape.lineItemsPerModel', shape.lineItemsPerModel, 1, 6);
  const historyStartMs = startOfUtcDay(startMs - historyDays * DAY_MS);
  const org = createOrg(seed, shape.projects, historyStartMs);
  const generated = opts.trace
    ? createTraceSource({
        seed,
        org,
        trace: parseTraceCsv(opts.trace.csvText, opts.trace.name),
        scale: opts.trace.scale ?? 1,
        modelCount: shape.models,
        lineItemsPerModel: shape.lineItemsPerModel,
      })
    : createGeneratorSource({
        seed,
        org,
        models: MODEL_CATALOG.slice(0, shape.models),
        lineItemsPerModel: shape.lineItemsPerModel,
        dailyUsd: shape.dailyUsd,
      });
  const startsDaysAgo = shape.spendStartsDaysAgo;
  const source =
    startsDaysAgo === undefined
      ? generated
      : silentBefore(
          generated,
          startOfUtcDay(startMs - checkInt('shape.spendStartsDaysAgo', startsDaysAgo, 0, 3650) * DAY_MS),
        );
  return createSpendModel({
    org,
    source,
    historyStartMs,
    costLagMinutes: opts.costLagMinutes ?? 30,
    ...(opts.maxCachedRows === undefined ? {} : { maxCachedRows: opts.maxCachedRows }),
  });
}

/** The fixed organization id of the simulated org of `seed`. Example: 7 → 'org-CreditwatchSim000007'. */
export function simulatedOpenAiOrgId(seed: number): string {
  return `org-CreditwatchSim${String(Math.abs(Math.trunc(seed))).padStart(6, '0')}`;
}

/** Starts the simulator on 127.0.0.1 (only) and resolves once it is listening. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const clock = opts.clock ?? createSimClock();
  const seed = opts.seed ?? 1;
  const port = checkInt('port', opts.port ?? 0, 0, 65_535);
  const model = createSimulatedSpendModel(opts, clock.nowMs());
  const faults = createFaultInjector(seed, opts.faults);
  let spendLimitCents: number | null = null;
  const startMs = clock.nowMs();
  const hasNoLimit = opts.spendLimit === 'none';
  const orgLimitCents = (now: number) => (spendLimitCents ??= plausibleSpendLimitCents(model, now));
  const http = await startHttpSimulator({
    port,
    clock,
    faults,
    organizationId: opts.organizationId ?? null,
    handlers: {
      costs: (q, now) =>
        handleBucketEndpoint(COSTS, q, model, now, {
          keyGroupingRefusedBeforeMs: opts.refuseKeyGroupingBeforeMs ?? null,
        }),
      completions: (q, now) => handleBucketEndpoint(COMPLETIONS, q, model, now),
      embeddings: (q, now) => handleBucketEndpoint(EMBEDDINGS, q, model, now),
      images: (q, now) => handleBucketEndpoint(IMAGES, q, model, now),
      projects: (q) => handleProjects(q, model),
      spend_limit: (_q, now) =>
        hasNoLimit ? noLimitBody('organization.spend_limit') : handleSpendLimit(orgLimitCents(now)),
      project_spend_limit: (_q, now, params) => handleProjectSpendLimit(model, params.project_id ?? '', now),
      spend_alerts: (q, now) =>
        handleSpendAlertList(
          q,
          hasNoLimit ? [] : orgAlertsFor(orgLimitCents(now)),
          'organization.spend_alert',
        ),
      project_spend_alerts: (q, now, params) => {
        const index = model.projects.findIndex((p) => p.id === params.project_id);
        if (index < 0) throw unknownProject(params.project_id ?? '');
        // The first project warns at four fifths of its limit; the others have no alert.
        const limit = index === 0 ? handleProjectSpendLimit(model, params.project_id!, now) : null;
        const cents = (limit as { threshold_amount?: number } | null)?.threshold_amount ?? 0;
        const alerts =
          cents > 0 ? [{ id: 'alert_proj_most', thresholdCents: Math.round((cents * 0.8) / 100) * 100 }] : [];
        return handleSpendAlertList(q, alerts, 'project.spend_alert');
      },
      admin_api_keys: (q, _now, _params, apiKey) =>
        handleAdminKeys(
          q,
          apiKey,
          opts.adminKeyExpiresAtMs == null ? null : Math.floor(opts.adminKeyExpiresAtMs / 1000),
          Math.floor(startMs / 1000),
        ),
    },
  });
  return {
    baseUrl: `http://127.0.0.1:${http.port}/v1`,
    port: http.port,
    clock,
    model,
    setFaults: (spec) => faults.set(spec),
    requests: http.requests,
    close: http.close,
  };
}
