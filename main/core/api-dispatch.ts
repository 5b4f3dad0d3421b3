/**
 * The one dispatch both transports share: parse a request's argument with the contract's zod schema,
 * call its handler, and shape the answer as an envelope. IPC sends the envelope as it is; HTTP maps
 * its error code to a status. Unexpected failures are logged with their stack and reach the user as
 * "Something went wrong: …"; an `ApiError` is the user's message and is passed on unchanged.
 */
import { ApiError, parseArgs, type ApiErrorCode, type Handlers, type RequestChannel } from './api-contract';

/** A request's answer: its result, or the error code and the message shown to the user. */
export type ApiEnvelope<T> =
  { ok: true; result: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

/**
 * Runs one request through its handler; never throws.
 *
 * Example: `dispatchRequest(handlers, 'orgs:list', {}, log, 'IPC')` → `{ ok: true, result: [...] }`;
 * an argument that fails the schema → `{ ok: false, error: { code: 'invalid-argument', … } }`.
 */
export async function dispatchRequest(
  handlers: Handlers,
  channel: RequestChannel,
  raw: unknown,
  log: (line: string) => void,
  transport: string,
): Promise<ApiEnvelope<unknown>> {
  try {
    const args = parseArgs(channel, raw);
    const handler = handlers[channel] as (a: typeof args) => Promise<unknown>;
    return { ok: true, result: await handler(args) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
    log(`${transport} ${channel} failed: ${(err as Error).stack ?? String(err)}`);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong: ${(err as Error).message}` },
    };
  }
}
