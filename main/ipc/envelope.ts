/**
 * What crosses IPC for a request: Electron keeps only an error's message across `invoke`, so main
 * answers with an envelope and the preload rethrows a plain Error with the user's message.
 */
import type { ApiEnvelope } from '@core/api-dispatch';

/** The shared dispatch's envelope (api-dispatch.ts), as it crosses IPC. */
export type IpcEnvelope<T> = ApiEnvelope<T>;
