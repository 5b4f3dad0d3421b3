/**
 * Draws Monte-Carlo spend paths from a fitted model: hourly spend = level × path level factor × day
 * factor × hour-of-day profile × weekday effect.
 *
 * The path level factor (log-normal, sd = the level's own uncertainty, drifting as a random walk day by
 * day) is what keeps short histories honest: bootstrapping two days alone would pretend we know the level.
 * The day factor (log-normal, sd τ, AR(1) across days) is the ordinary day-to-day swing, and a mean-1
 * hourly burst factor spreads the timing within a day. Both log-sds are widened by the model's
 * `spreadScale`, and their downward deviations by `lowTailScale` more (calibrated out of sample, see
 * model-params.ts); sign-preserving, so the median path is unchanged. Example: level $24/day,
 * flat profile, factors 1 → $1 per hour.
 */
import type { Random } from '../random';
import { normal } from '../random';
import { DAY_MS, HOUR_MS } from '../time';
import { stratifiedNormals } from './stratified';
import { type SpendModel, levelAt, weekdayFactor } from './spend-model';

/** The fixed hour grid a forecast runs on: slot 0 is the rest of the current hour, then whole hours. */
export interface SlotGrid {
  nowMs: number;
  count: number;
  /** Start time of each slot (slot 0 starts at now). */
  startMs: Float64Array;
  /** Length of each slot in hours (slot 0 may be partial). */
  hours: Float64Array;
  /** Expected spend in each slot at factor 1 (USD). */
  base: Float64Array;
  /** Index of the UTC day of each slot, counted from now's day (0). */
  day: Int32Array;
  dayCount: number;
}

/** Lays out `count` slots from `nowMs` with the model's expected spend in each. */
export function createSlotGrid(model: SpendModel, nowMs: number, count: number): SlotGrid {
  const startMs = new Float64Array(count);
  const hours = new Float64Array(count);
  const base = new Float64Array(count);
  const day = new Int32Array(count);
  const hour0 = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const day0 = Math.floor(nowMs / DAY_MS);
  let lastDaysAhead = Number.NaN;
  let perHour = 0;
  for (let i = 0; i < count; i++) {
    const slotStart = i === 0 ? nowMs : hour0 + i * HOUR_MS;
    const slotEnd = hour0 + (i + 1) * HOUR_MS;
    const hod = Math.floor(((((hour0 + i * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
    startMs[i] = slotStart;
    hours[i] = (slotEnd - slotStart) / HOUR_MS;
    const daysAhead = Math.floor((slotStart - nowMs) / DAY_MS) + 0.5;
    if (daysAhead !== lastDaysAhead) {
      perHour = levelAt(model, daysAhead) / 24;
      lastDaysAhead = daysAhead;
    }
    base[i] =
      perHour *
      (model.profile[hod] as number) *
      weekdayFactor(model.weekday, slotStart) *
      (hours[i] as number);
    day[i] = Math.floor(slotStart / DAY_MS) - day0;
  }
  const dayCount = count > 0 ? (day[count - 1] as number) + 1 : 0;
  return { nowMs, count, startMs, hours, base, day, dayCount };
}

/** Returns a sampler: `sample(p, out)` fills `out` (length ≥ grid.count) with path p's hourly spend in USD. */
export function createPathSampler(
  model: SpendModel,
  grid: SlotGrid,
  random: Random,
  paths: number,
): (path: number, out: Float64Array) => void {
  const drawer = createPathDrawer(model, grid, random, paths);
  const dayFactor = new Float64Array(Math.max(1, grid.dayCount));
  const walk = new Int32Array(2);
  return (path, out) => {
    drawer.draw(path, dayFactor, walk, 0);
    drawer.fill(dayFactor, walk[0] as number, walk[1] as number, out);
  };
}

/**
 * A path in two parts: `draw` takes its random numbers (its day factors and where it walks the hourly
 * burst table), `fill` turns them into hourly spend. Drawing is most of a path's cost and depends only on
 * the model, the grid and the seed, so draws can be kept and filled again (`spend-draws.ts`); the filled
 * path is the same either way, to the last bit.
 */
export interface PathDrawer {
  /** Path `path`'s day factors into `dayFactor` (length ≥ grid.dayCount), its burst walk into `walk[at]`, `walk[at + 1]`. */
  draw(path: number, dayFactor: Float64Array, walk: Int32Array, at: number): void;
  /** Fills `out` (length ≥ grid.count) with the hourly spend of the path drawn as `dayFactor`, `start`, `stride`. */
  fill(dayFactor: Float64Array, start: number, stride: number, out: Float64Array): void;
}

/** Creates the drawer; draws must be taken in path order (they read one random stream). */
export function createPathDrawer(
  model: SpendModel,
  grid: SlotGrid,
  random: Random,
  paths: number,
): PathDrawer {
  const tau = model.dayLogSd * model.spreadScale;
  const sigma = model.levelLogSd * model.spreadScale;
  const drift = model.driftLogSdPerDay;
  const low = model.lowTailScale;
  // Hour-to-hour burstiness around the profile: mean-1 log-normal deviates from a table. Each path walks
  // the table from a random start with a random odd stride (a full cycle of the 4,096 entries), which is
  // as good as a draw per hour for crossing times and costs two draws per path instead of one per hour.
  const table = new Float64Array(4096);
  const hs = model.hourLogSd;
  for (let k = 0; k < table.length; k++)
    table[k] = hs > 0 ? Math.exp(hs * normal(random) - (hs * hs) / 2) : 1;
  // The level and today's deviation decide most of a path; stratifying them steadies the quantiles.
  const levelZ = stratifiedNormals(paths, random);
  const dayZ = stratifiedNormals(paths, random);
  return {
    draw(path, dayFactor, walk, at) {
      // Level and day factors are median-1: we are as likely too high as too low in log terms, so the P50
      // path follows the fitted level (a mean-1 day factor would bias every P50 late by e^(τ²/2)).
      // Quiet-side deviations (z < 0) are stretched by the low-tail scale: spend falls further than it rises.
      const z = levelZ[path % paths] as number;
      let logLevel = sigma * (z < 0 ? low * z : z);
      let e = dayZ[path % paths] as number;
      const rho = model.dayCorrelation;
      const innov = Math.sqrt(1 - rho * rho);
      for (let d = 0; d < grid.dayCount; d++) {
        if (d > 0) {
          logLevel += drift * normal(random);
          e = rho * e + innov * normal(random);
        }
        dayFactor[d] = Math.exp(logLevel + tau * (e < 0 ? low * e : e));
      }
      walk[at] = hs > 0 ? (random() * 4096) | 0 : 0;
      walk[at + 1] = hs > 0 ? ((random() * 2048) | 0) * 2 + 1 : 0;
    },
    fill(dayFactor, start, stride, out) {
      const base = grid.base;
      const day = grid.day;
      if (hs > 0) {
        let at = start;
        for (let i = 0; i < grid.count; i++) {
          out[i] = (base[i] as number) * (dayFactor[day[i] as number] as number) * (table[at] as number);
          at = (at + stride) & 4095;
        }
      } else {
        for (let i = 0; i < grid.count; i++)
          out[i] = (base[i] as number) * (dayFactor[day[i] as number] as number);
      }
    },
  };
}
