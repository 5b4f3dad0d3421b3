/**
 * The built-in spend generator: believable hourly spend with a daily cycle (busier in working hours), a
 * weekly cycle (quiet weekends), slow drift, per-hour noise and occasional multi-hour spikes, spread over
 * projects, models and line items. Every hour is generated from its own derived seed, so any hour can be
 * produced alone, in any order, with the same result.
 */
import { createRandom, deriveSeed, normal } from '@core/random';
import { DAY_MS, HOUR_MS } from '@core/time';
import type { LineItemDef, ModelDef } from './catalog';
import { makeRow } from './row-factory';
import type { HourSource, SimOrg, SpendRow } from './spend-types';
import { MICROS_PER_UNIT } from '@core/money';

/** Weekday factors Sunday..Saturday, mean 1 (weekends about half of a weekday). */
const WEEKDAY_FACTOR = [0.6, 1.15, 1.15, 1.15, 1.15, 1.15, 0.65];
/** Cost share of each line item by position in a model's list (chat: input, output, cached, batch…). */
const CHAT_SHARES = [0.4, 0.45, 0.08, 0.04, 0.025, 0.005];
const EMBEDDING_SHARES = [0.9, 0.1];
const IMAGE_SHARES = [0.55, 0.25, 0.12, 0.08];
const NOISE_SIGMA = 0.3;

interface ProjectProfile {
  weight: number;
  /** Hour of day (UTC) where this project's traffic peaks. */
  peakHour: number;
  /** 0 = flat around the clock (batch jobs), 1 = strongly office-hours. */
  peakiness: number;
  modelWeights: number[];
  driftPhase: number;
}

export interface GeneratorOptions {
  seed: number;
  org: SimOrg;
  models: readonly ModelDef[];
  lineItemsPerModel: number;
  dailyUsd: number;
}

function sharesFor(model: ModelDef, count: number): Array<{ def: LineItemDef; share: number }> {
  const base =
    model.kind === 'completions'
      ? CHAT_SHARES
      : model.kind === 'embeddings'
        ? EMBEDDING_SHARES
        : IMAGE_SHARES;
  const items = model.lineItems.slice(0, Math.max(1, Math.min(count, model.lineItems.length)));
  const sum = items.reduce((a, _, i) => a + base[i]!, 0);
  return items.map((def, i) => ({ def, share: base[i]! / sum }));
}

/** A bell-ish daily shape with mean 1 over the 24 hours. */
function dailyShape(profile: ProjectProfile): number[] {
  const raw = Array.from({ length: 24 }, (_, h) => {
    const d = Math.min(Math.abs(h - profile.peakHour), 24 - Math.abs(h - profile.peakHour));
    return 1 - profile.peakiness + profile.peakiness * 2.2 * Math.exp(-(d * d) / 18);
  });
  const mean = raw.reduce((a, b) => a + b, 0) / 24;
  return raw.map((v) => v / mean);
}

/**
 * Creates the generator's hour source.
 *
 * Example: with `dailyUsd: 25` a 28-day window sums to roughly $700 (weekly and daily cycles average out; noise and
 * spikes add some).
 */
export function createGeneratorSource(opts: GeneratorOptions): HourSource {
  const { seed, org, models, lineItemsPerModel, dailyUsd } = opts;
  if (!(dailyUsd >= 0) || !Number.isFinite(dailyUsd))
    throw new RangeError(`shape.dailyUsd must be >= 0, got ${dailyUsd}`);
  if (!Number.isInteger(lineItemsPerModel) || lineItemsPerModel < 1 || lineItemsPerModel > 6) {
    throw new RangeError(`shape.lineItemsPerModel must be an integer from 1 to 6, got ${lineItemsPerModel}`);
  }
  const setup = createRandom(deriveSeed(seed, 'generator'));
  const rawWeights = org.projects.map(() => Math.exp(normal(setup) * 0.8));
  const weightSum = rawWeights.reduce((a, b) => a + b, 0);
  const profiles: ProjectProfile[] = org.projects.map((_, i) => ({
    weight: rawWeights[i]! / weightSum,
    peakHour: 12 + Math.floor(setup() * 8),
    peakiness: setup() < 0.25 ? 0.15 : 0.55 + 0.4 * setup(),
    // The first model dominates; later ones are used less, some projects barely at all.
    modelWeights: models.map((_, m) =>
      m === 0 ? 1 : setup() * (setup() < 0.3 ? 0.05 : 0.6) * Math.pow(0.7, m),
    ),
    driftPhase: setup() * Math.PI * 2,
  }));
  const shapes = profiles.map(dailyShape);
  const lineShares = models.map((m) => sharesFor(m, lineItemsPerModel));
  const keysByProject = new Map<string, string[]>();
  const userByKey = new Map<string, string>();
  for (const k of org.apiKeys) {
    keysByProject.set(k.projectId, [...(keysByProject.get(k.projectId) ?? []), k.id]);
    userByKey.set(k.id, k.userId);
  }
  const noiseMean = Math.exp((NOISE_SIGMA * NOISE_SIGMA) / 2);

  function spikeFactors(dayIndex: number): Map<string, { from: number; to: number; factor: number }> {
    const random = createRandom(deriveSeed(seed, `spikes:${dayIndex}`));
    const spikes = new Map<string, { from: number; to: number; factor: number }>();
    for (const p of org.projects) {
      if (random() < 0.04) {
        const from = Math.floor(random() * 24);
        spikes.set(p.id, { from, to: from + 1 + Math.floor(random() * 4), factor: 3 + random() * 7 });
      } else {
        random();
        random();
        random();
      }
    }
    return spikes;
  }

  return (hourStartMs) => {
    const dayIndex = Math.floor(hourStartMs / DAY_MS);
    const hourOfDay = Math.floor((hourStartMs - dayIndex * DAY_MS) / HOUR_MS);
    const weekday = new Date(hourStartMs).getUTCDay();
    const random = createRandom(deriveSeed(seed, `hour:${hourStartMs / HOUR_MS}`));
    const spikes = spikeFactors(dayIndex);
    const rows: SpendRow[] = [];
    org.projects.forEach((project, p) => {
      const profile = profiles[p]!;
      const drift = 1 + 0.15 * Math.sin(dayIndex / 9 + profile.driftPhase);
      const spike = spikes.get(project.id);
      const spikeFactor = spike && hourOfDay >= spike.from && hourOfDay < spike.to ? spike.factor : 1;
      const noise = Math.exp(normal(random) * NOISE_SIGMA) / noiseMean;
      const projectMicros =
        ((dailyUsd * MICROS_PER_UNIT) / 24) *
        profile.weight *
        WEEKDAY_FACTOR[weekday]! *
        shapes[p]![hourOfDay]! *
        drift *
        noise *
        spikeFactor;
      const keys = keysByProject.get(project.id) ?? [];
      const mw = profile.modelWeights;
      const mwSum = mw.reduce((a, b) => a + b, 0);
      models.forEach((model, m) => {
        const modelMicros = (projectMicros * mw[m]!) / mwSum;
        const apiKeyId = keys[m % keys.length] ?? `key_${project.id.slice(5, 21)}`;
        const owner = { projectId: project.id, apiKeyId, userId: userByKey.get(apiKeyId) ?? 'user-unknown' };
        for (const { def, share } of lineShares[m]!) {
          const row = makeRow(def, model, modelMicros * share, owner);
          if (row) rows.push(row);
        }
      });
    });
    return rows;
  };
}
