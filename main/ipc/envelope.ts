/**
 * What crosses IPC for a request: Electron keeps only an error's message across `invoke`, so main
 * answers with an envelope and the preload rethrows a plain Error with the user's message.
 */
import type { ApiErrorCode } from '@core/api-contract';

export type IpcEnvelope<T> =
  { ok: true; result: T } | { ok: false; error: { code: ApiErrorCode; message: string } };
