/**
 * The simulator's clock: simulated time that runs at a chosen speed from a chosen start, so tests can
 * freeze time, demos can run in real time and benchmarks can replay months in seconds.
 */

/** Something that tells the simulated time in epoch milliseconds. */
export interface SimClock {
  nowMs(): number;
}

/** A clock a test or benchmark can also move by hand. */
export interface AdjustableSimClock extends SimClock {
  /** Moves simulated time forward (or back, with a negative step) by `ms`. */
  advance(ms: number): void;
  /** Jumps simulated time to `ms`; the speed keeps applying from there. */
  set(ms: number): void;
}

/**
 * Creates a clock that starts at `startMs` (default: real now) and runs `speed` times real time.
 *
 * Example: `createSimClock({ startMs: Date.UTC(2026, 0, 1), speed: 60 })` reads 2026-01-01T00:01Z one real
 * second after creation; `speed: 0` freezes it (move it with `advance`).
 */
export function createSimClock(
  opts: { startMs?: number; speed?: number; realNowMs?: () => number } = {},
): AdjustableSimClock {
  const realNow = opts.realNowMs ?? (() => Date.now());
  const speed = opts.speed ?? 1;
  if (!Number.isFinite(speed) || speed < 0)
    throw new RangeError(`clock speed must be a number >= 0, got ${speed}`);
  const startMs = opts.startMs ?? realNow();
  if (!Number.isFinite(startMs))
    throw new RangeError(`clock startMs must be a finite number, got ${startMs}`);
  let anchorSim = startMs;
  let anchorReal = realNow();
  const nowMs = (): number => anchorSim + (realNow() - anchorReal) * speed;
  return {
    nowMs,
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`cannot advance the clock by ${ms}`);
      anchorSim = nowMs() + ms;
      anchorReal = realNow();
    },
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`cannot set the clock to ${ms}`);
      anchorSim = ms;
      anchorReal = realNow();
    },
  };
}
