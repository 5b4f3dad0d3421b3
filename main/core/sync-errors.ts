/**
 * Turns what went wrong in a sync into a SyncError a user can act on, and decides when to try again.
 * Pure: the service describes the failure as `ErrorFacts` (no SDK types here), passes the time and a random.
 */
import type { Random } from './random';
import type { SyncError, SyncStatus } from './schemas';
import { MINUTE_MS, SECOND_MS } from './time';

export const ADMIN_KEYS_URL = 'https://platform.openai.com/settings/organization/admin-keys';

/** Keys that can never read organization usage: project and service-account keys (by prefix). */
export function isProjectScopedKey(apiKey: string): boolean {
  return apiKey.startsWith('sk-proj-') || apiKey.startsWith('sk-svcacct-');
}

/** What to tell a user whose key is not an Admin key. */
export function projectKeyMessage(isKnownProjectKey: boolean): string {
  const which = isKnownProjectKey
    ? 'This is a project key (sk-proj-…).'
    : 'This key cannot read usage (missing scope api.usage.read).';
  return `${which} Creditwatch needs an Admin key (sk-admin-…): create one at ${ADMIN_KEYS_URL}`;
}

/** A failure as the service saw it, with no secret in any field. */
export interface ErrorFacts {
  /** How it failed: an HTTP answer, no answer in time, no connection, an unreadable body, a body of the wrong shape, no client. */
  transport: 'http' | 'timeout' | 'network' | 'parse' | 'schema' | 'setup' | 'other';
  status: number | null;
  /** OpenAI error `code` / `type` / `message`, when the body had them (message already redacted). */
  code: string | null;
  type: string | null;
  message: string | null;
  retryAfterMs: number | null;
  /** Which kind of key the org uses, from its prefix only. */
  keyKind: 'admin' | 'project' | 'other' | null;
  /** Extra words (schema issue, setup message). */
  detail: string | null;
}

/** Backoff for transient failures: 30 s doubling per failure, capped at 30 min, then jittered. */
export const BACKOFF_BASE_MS = 30 * SECOND_MS;
export const BACKOFF_CAP_MS = 30 * MINUTE_MS;
// Key and permission problems do not fix themselves: wait longer so a bad key does not hammer the API.
const AUTH_BACKOFF_BASE_MS = 15 * MINUTE_MS;
const AUTH_BACKOFF_CAP_MS = 6 * 60 * MINUTE_MS;

/**
 * Delay before attempt number `failures + 1`, with "equal jitter" (half fixed, half random).
 *
 * Example: failures=3, random()=0.5 → min(30 min, 30 s × 2²) = 120 s → 60 s + 0.5 × 60 s = 90 s.
 */
export function backoffMs(
  failures: number,
  random: Random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const n = Math.max(1, Math.floor(failures));
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Replaces anything that looks like an OpenAI key (`sk-`/`sess-` + 16 or more key characters) with a placeholder. */
export function redactSecrets(text: string): string {
  return text.replace(/\b(sk|sess)-[A-Za-z0-9_*.-]{16,}/g, '$1-…').replace(/Bearer\s+\S+/gi, 'Bearer …');
}

/** Whether a scheduled (not forced) attempt is allowed at `nowMs`. */
export function isAttemptDue(status: SyncStatus, nowMs: number): boolean {
  const retryAt = status.lastError?.retryAtMs ?? null;
  return retryAt === null || nowMs >= retryAt;
}

export interface ClassifyContext {
  nowMs: number;
  /** Consecutive failures including this one. */
  failures: number;
  random: Random;
  /** IANA zone for the retry time in messages; null = the system zone. */
  timeZone?: string | null;
}

/** Classifies a failure into a SyncError with a user message and the time of the next attempt. */
export function classifySyncError(facts: ErrorFacts, ctx: ClassifyContext): SyncError {
  const base = (kind: SyncError['kind'], message: string, retryAtMs: number | null): SyncError => ({
    kind,
    message: redactSecrets(message),
    status: facts.status,
    atMs: ctx.nowMs,
    retryAtMs,
  });
  const transient = ctx.nowMs + backoffMs(ctx.failures, ctx.random);
  const slow = ctx.nowMs + backoffMs(ctx.failures, ctx.random, AUTH_BACKOFF_BASE_MS, AUTH_BACKOFF_CAP_MS);
  const at = (ms: number) => formatClock(ms, ctx.timeZone ?? null);
  const text = `${facts.message ?? ''} ${facts.code ?? ''} ${facts.type ?? ''}`.toLowerCase();

  if (facts.transport === 'setup')
    return base('invalid-key', facts.detail ?? 'No usable Admin key for this organization.', slow);
  if (facts.transport === 'timeout') {
    return base(
      'timeout',
      `OpenAI did not answer in time; retrying at ${at(transient)}. The figures shown are from the last successful sync.`,
      transient,
    );
  }
  if (facts.transport === 'network') {
    const why = facts.detail ? ` (${facts.detail})` : '';
    return base(
      'network',
      `Could not reach OpenAI${why}. Check the connection or proxy; retrying at ${at(transient)}.`,
      transient,
    );
  }
  if (facts.transport === 'parse' || facts.transport === 'schema') {
    const why = facts.detail ? ` (${facts.detail})` : '';
    return base(
      'malformed',
      `OpenAI sent a response Creditwatch could not read${why}. The previous figures are kept; retrying at ${at(transient)}.`,
      transient,
    );
  }
  const status = facts.status;
  const isMissingScope = text.includes('missing scopes') || text.includes('insufficient permissions');
  if ((status === 401 || status === 403) && (facts.keyKind === 'project' || isMissingScope)) {
    return base('project-key', projectKeyMessage(facts.keyKind === 'project'), slow);
  }
  if (status === 401) {
    return base(
      'invalid-key',
      `OpenAI rejected the Admin key (unknown or revoked). Create a new one at ${ADMIN_KEYS_URL} and add the organization again.`,
      slow,
    );
  }
  if (status === 403) {
    return base(
      'forbidden',
      `OpenAI refused access for this key (HTTP 403). Check that the Admin key belongs to this organization and that your role is Owner.`,
      slow,
    );
  }
  if (status === 429 && (text.includes('spend_limit') || text.includes('spend limit'))) {
    return base(
      'spend-limit',
      `The organization reached its hard spend limit; raise it in the OpenAI billing settings. Retrying at ${at(slow)}.`,
      slow,
    );
  }
  if (status === 429) {
    const retryAtMs = facts.retryAfterMs !== null ? ctx.nowMs + facts.retryAfterMs : transient;
    const hint =
      facts.retryAfterMs !== null ? ` (Retry-After ${Math.round(facts.retryAfterMs / SECOND_MS)} s)` : '';
    return base(
      'rate-limited',
      `OpenAI is rate-limiting requests; retrying at ${at(retryAtMs)}${hint}.`,
      retryAtMs,
    );
  }
  if (status !== null && status >= 500) {
    return base(
      'server',
      `OpenAI had a server error (HTTP ${status}); retrying at ${at(transient)}.`,
      transient,
    );
  }
  const said = facts.message ? `: ${facts.message}` : '';
  const code = status !== null ? ` (HTTP ${status})` : '';
  return base('unknown', `Sync failed${code}${said}. Retrying at ${at(transient)}.`, transient);
}

/** `HH:MM` of `ms` in `timeZone` (null = the system zone). Example: 2026-03-10T14:05:30Z, 'UTC' → "14:05". */
export function formatClock(ms: number, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat('en-GB', options).format(ms);
}
