/**
 * Describes an SDK (or transport, or schema) failure as plain `ErrorFacts` for the pure classifier,
 * so core never sees SDK types and no field can carry the key.
 */
import OpenAI from 'openai';
import { ZodError } from 'zod';
import { classifySyncError, redactSecrets, type ErrorFacts } from '@core/sync-errors';
import type { ProviderId } from '@core/providers';
import type { SyncError } from '@core/schemas';
import {
  NotJsonError,
  ProviderHttpError,
  ProviderNetworkError,
  ProviderTimeoutError,
} from './providers/http';

/** Thrown when an org cannot get a client at all (no key stored); its message is for the user. */
export class ClientSetupError extends Error {
  override name = 'ClientSetupError';
}

/** An answer that parsed but cannot be true; the sync fails and the stored figures stay. */
export class ImplausibleAnswerError extends Error {
  override name = 'ImplausibleAnswerError';
}

/** An error whose message is the classified, user-facing text; carries the SyncError. */
export class SyncFailure extends Error {
  override name = 'SyncFailure';
  constructor(readonly syncError: SyncError) {
    super(syncError.message);
  }
}

type KeyKind = ErrorFacts['keyKind'];

/** Turns anything thrown during a sync into ErrorFacts. */
export function describeError(err: unknown, keyKind: KeyKind, provider: ProviderId): ErrorFacts {
  const facts: ErrorFacts = {
    provider,
    transport: 'other',
    status: null,
    code: null,
    type: null,
    message: null,
    retryAfterMs: null,
    keyKind,
    detail: null,
  };
  if (err instanceof SyncFailure) return { ...facts, transport: 'other', detail: err.message };
  if (err instanceof ClientSetupError)
    return { ...facts, transport: 'setup', detail: redactSecrets(err.message) };
  if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof ProviderTimeoutError)
    return { ...facts, transport: 'timeout' };
  if (err instanceof ProviderNetworkError) return { ...facts, transport: 'network', detail: err.code };
  if (err instanceof NotJsonError) return { ...facts, transport: 'parse', detail: err.message };
  if (err instanceof ProviderHttpError) {
    return {
      ...facts,
      transport: 'http',
      status: err.status,
      code: err.body.code,
      type: err.body.type,
      message: err.body.message === null ? null : redactSecrets(err.body.message).slice(0, 300),
      retryAfterMs: err.retryAfterMs,
    };
  }
  if (err instanceof OpenAI.APIConnectionError) {
    const cause = (err as { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause;
    const code = cause?.code ?? cause?.cause?.code;
    return { ...facts, transport: 'network', detail: typeof code === 'string' ? code : null };
  }
  if (err instanceof OpenAI.APIError) {
    const body = err.error as unknown;
    const obj = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
    const message = typeof body === 'string' ? body : typeof obj?.message === 'string' ? obj.message : null;
    return {
      ...facts,
      transport: 'http',
      status: err.status ?? null,
      code: typeof obj?.code === 'string' ? obj.code : null,
      type: typeof obj?.type === 'string' ? obj.type : null,
      message: message === null ? null : redactSecrets(message).slice(0, 300),
      retryAfterMs: retryAfterMs(err.headers ?? null),
    };
  }
  if (err instanceof SyntaxError) return { ...facts, transport: 'parse', detail: 'not valid JSON' };
  if (err instanceof ImplausibleAnswerError) return { ...facts, transport: 'schema', detail: err.message };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return {
      ...facts,
      transport: 'schema',
      detail: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : null,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ...facts, detail: redactSecrets(message).slice(0, 300) };
}

/**
 * Reads `retry-after-ms` or `Retry-After` (seconds or an HTTP date) in milliseconds.
 *
 * Example: `Retry-After: 120` → 120_000.
 */
export function retryAfterMs(headers: Headers | null, nowMs: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = headers.get('retry-after');
  if (raw === null) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}

/**
 * Classifies for callers outside the engine (checking a key while adding an org): nothing retries
 * there, so the message never says "retrying at".
 */
export function toSyncFailure(err: unknown, keyKind: KeyKind, provider: ProviderId): SyncFailure {
  if (err instanceof SyncFailure) return err;
  return new SyncFailure(
    classifySyncError(describeError(err, keyKind, provider), {
      nowMs: Date.now(),
      failures: 1,
      random: Math.random,
      retries: false,
    }),
  );
}
