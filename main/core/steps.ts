/**
 * Long computations as steps: a generator that yields between pieces of work a few milliseconds long.
 * Core stays synchronous and pure; a host drives the steps and lets other requests run in between
 * (`main/services/run-steps.ts`), a test or a command simply runs them all.
 *
 * Example: `runAllSteps(forecastSteps(input))` is `forecastSpend(input)`.
 */

/** A computation that pauses (yields nothing) between pieces of work and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runAllSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
