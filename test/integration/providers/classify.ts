/** Runs a thrown error through the same path a sync takes: describeError → classifySyncError. */
import type { ProviderId } from '@core/providers';
import type { SyncError } from '@core/schemas';
import { classifySyncError } from '@core/sync-errors';
import { describeError } from '../../../main/services/api-errors';
import type { KeyKind } from '../../../main/services/providers/port';

/** The SyncError a sync at `nowMs` (first failure, random 0.5, UTC) would record for `err`. */
export function classify(
  err: unknown,
  keyKind: KeyKind,
  nowMs: number,
  provider: ProviderId = 'openai',
): SyncError {
  return classifySyncError(describeError(err, keyKind, provider), {
    nowMs,
    failures: 1,
    random: () => 0.5,
    timeZone: 'UTC',
  });
}

/** The error `promise` rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** A `fetch` that answers every request with `body` as JSON (to feed documented examples to a client). */
export function fetchReturning(body: unknown, status = 200): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
