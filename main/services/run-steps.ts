/**
 * Drives a core computation given in steps (`@core/steps`) on the host's event loop: after each step it
 * waits for the loop's next turn, so requests, timers and streams run between the steps instead of
 * waiting for the whole computation.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '@core/steps';

/** Runs the steps, letting the event loop turn between them, and returns the result. */
export async function runSteps<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}
