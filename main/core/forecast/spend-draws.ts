/**
 * The spend side of a forecast, kept apart from the purse: the fitted model, the hour grid and every
 * path's random draws. They depend only on the spend history, the instant, the seed, the number of paths
 * and the model's parameters — never on the balance, the reload rule or the credit lots — so a what-if
 * that changes only those can walk the purse again over the same paths instead of drawing them anew. The
 * paths filled from kept draws are the drawn ones to the last bit, so the forecast is exactly the same.
 *
 * Example: the saved view at 15:20 draws 2,000 paths for an account; a what-if at the same instant with a
 * $200 balance instead of $180 refills those paths (no random numbers drawn) and only walks the balance.
 */
import type { HourlySeries } from '../hourly-series';
import { createRandom } from '../random';
import { createPathDrawer, createSlotGrid, type SlotGrid } from './paths';
import { fitSpendModel, type ModelParams, type SpendModel } from './spend-model';
import type { SpendWalk } from './spend-walk';

/** Everything the spend paths depend on (two forecasts with equal keys draw equal paths). */
export interface DrawKey {
  /** The history the model is fitted to, already cut at `nowMs`. */
  history: HourlySeries;
  nowMs: number;
  /** Hour slots on the grid. */
  slots: number;
  seed: number;
  paths: number;
  params: ModelParams;
}

/** A forecast's spend paths, drawn as they are first asked for and refilled from their draws after. */
export interface SpendDraws {
  /** What the paths were drawn for (the history is a copy: later changes to the input do not reach it). */
  readonly key: DrawKey;
  readonly model: SpendModel;
  readonly grid: SlotGrid;
  /** Fills `out` (length ≥ grid.count) with path `p`; a path not drawn yet must be the next one in order. */
  path(p: number, out: Float64Array): void;
  /** Whether every path has been drawn: only then can the draws serve another forecast. */
  isComplete(): boolean;
}

/**
 * Where a caller keeps an account's draws between forecasts; core itself keeps nothing. A forecast takes
 * the kept draws only when their key equals its own, and offers its own draws once all are made.
 */
export interface DrawsMemo {
  get(): SpendDraws | null;
  set(draws: SpendDraws): void;
  /**
   * Where the walked paths are kept too (`spend-walk.ts`, paths × slots numbers): given by a caller that
   * expects more forecasts over the same draws soon (a what-if being typed), absent otherwise.
   */
  walks?: { get(): SpendWalk | null; set(walk: SpendWalk): void };
}

/** Fits the model and lays out the grid for `key`; the paths are drawn as `path` asks for them. */
export function createSpendDraws(key: DrawKey): SpendDraws {
  const history: HourlySeries = { startMs: key.history.startMs, usd: Float64Array.from(key.history.usd) };
  const model = fitSpendModel(history, key.params);
  const grid = createSlotGrid(model, key.nowMs, key.slots);
  const drawer = createPathDrawer(model, grid, createRandom(key.seed), key.paths);
  const days = Math.max(1, grid.dayCount);
  const dayFactors = new Float64Array(key.paths * days);
  const walks = new Int32Array(key.paths * 2);
  let drawn = 0;
  return {
    key: { ...key, history, params: { ...key.params } },
    model,
    grid,
    path(p, out) {
      const dayFactor = dayFactors.subarray(p * days, (p + 1) * days);
      if (p === drawn) {
        drawer.draw(p, dayFactor, walks, 2 * p);
        drawn++;
      } else if (p > drawn) throw new RangeError(`path ${p} asked for before path ${drawn} was drawn`);
      drawer.fill(dayFactor, walks[2 * p] as number, walks[2 * p + 1] as number, out);
    },
    isComplete: () => drawn === key.paths,
  };
}

/** Whether `draws` were made for exactly `key` (same history to the last value, instant, grid, seed, paths, model). */
export function drawsFit(draws: SpendDraws, key: DrawKey): boolean {
  const k = draws.key;
  if (k.nowMs !== key.nowMs || k.slots !== key.slots || k.seed !== key.seed || k.paths !== key.paths)
    return false;
  for (const name of Object.keys(key.params) as (keyof ModelParams)[])
    if (!Object.is(k.params[name], key.params[name])) return false;
  if (Object.keys(k.params).length !== Object.keys(key.params).length) return false;
  const a = k.history.usd;
  const b = key.history.usd;
  if (k.history.startMs !== key.history.startMs || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
