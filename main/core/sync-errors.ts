/**
 * Turns what went wrong in a sync into a SyncError a user can act on, and decides when to try again.
 * Pure: the service describes the failure as `ErrorFacts` (no SDK types here), passes the time and a random.
 */
import { PROVIDERS, type ProviderId } from './providers';
import type { Random } from './random';
import { isKnownTimeZone } from './sane-values';
import type { SyncError, SyncStatus } from './schemas';
import { MINUTE_MS, SECOND_MS } from './time';

export const ADMIN_KEYS_URL = 'https://platform.openai.com/settings/organization/admin-keys';

/** Keys that can never read organization usage: project and service-account keys (by prefix). */
export function isProjectScopedKey(apiKey: string): boolean {
  return apiKey.startsWith('sk-proj-') || apiKey.startsWith('sk-svcacct-');
}

/**
 * What to tell a user whose key cannot read the account's figures (an OpenAI project key, an Anthropic
 * inference key, an OpenRouter key that is not a management key).
 */
export function projectKeyMessage(isKnownProjectKey: boolean, provider: ProviderId): string {
  const p = PROVIDERS[provider];
  const which =
    provider === 'openai'
      ? isKnownProjectKey
        ? 'This is a project key (sk-proj-…).'
        : 'This key cannot read usage (missing scope api.usage.read).'
      : isKnownProjectKey
        ? `This ${p.name} key is not ${article(p.keyName)} ${p.keyName}, so it cannot read the account's figures.`
        : `This ${p.name} key cannot read the account's figures (it lacks the permission).`;
  return `${which} Creditwatch needs ${article(p.keyName)} ${p.keyName} (${p.keyPrefix}): create one at ${p.keyUrl}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
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
  /** Whose API answered. Names the provider and its key in the message. */
  provider: ProviderId;
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
  /**
   * False when nothing will try again by itself (checking a key while adding an org): messages then
   * say to try again, never "retrying at", and `retryAtMs` is null.
   */
  retries?: boolean;
}

/** The longest Creditwatch waits for a `Retry-After` (a larger value is clamped to this and said so). */
export const RETRY_AFTER_MAX_MS = 60 * MINUTE_MS;

/**
 * When to retry after a 429: the server's `Retry-After`, clamped to at most an hour, and never sooner
 * than the backoff for this many failures in a row (so `0`, negative or past values, and repeated
 * 429s, back off further each time). Example: Retry-After 31,536,000 s → 1 h; Retry-After 0 on the
 * 3rd failure in a row with random 0.5 → 90 s.
 */
export function rateLimitDelayMs(retryAfterMs: number | null, failures: number, random: Random): number {
  const backoff = backoffMs(failures, random);
  const asked = retryAfterMs !== null && Number.isFinite(retryAfterMs) ? Math.max(0, retryAfterMs) : 0;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(asked, backoff));
}

/** Classifies a failure into a SyncError with a user message and the time of the next attempt. */
export function classifySyncError(facts: ErrorFacts, ctx: ClassifyContext): SyncError {
  const retries = ctx.retries !== false;
  const base = (kind: SyncError['kind'], message: string, retryAtMs: number | null): SyncError => ({
    kind,
    message: redactSecrets(message),
    status: facts.status,
    atMs: ctx.nowMs,
    retryAtMs: retries ? retryAtMs : null,
  });
  const transient = ctx.nowMs + backoffMs(ctx.failures, ctx.random);
  const slow = ctx.nowMs + backoffMs(ctx.failures, ctx.random, AUTH_BACKOFF_BASE_MS, AUTH_BACKOFF_CAP_MS);
  const at = (ms: number) => formatClock(ms, ctx.timeZone ?? null);
  // What happens next, in words that are true for this caller.
  const later = (ms: number) => (retries ? `retrying at ${at(ms)}` : 'try again in a moment');
  const Later = (ms: number) => (retries ? `Retrying at ${at(ms)}` : 'Try again later');
  const kept = (words: string) => (retries ? words : '');
  const text = `${facts.message ?? ''} ${facts.code ?? ''} ${facts.type ?? ''}`.toLowerCase();
  const provider = facts.provider;
  const who = PROVIDERS[provider];

  if (facts.transport === 'setup')
    return base('invalid-key', facts.detail ?? `No usable ${who.keyName} for this account.`, slow);
  if (facts.transport === 'timeout') {
    return base(
      'timeout',
      `${who.name} did not answer in time; ${later(transient)}.${kept(' The figures shown are from the last successful sync.')}`,
      transient,
    );
  }
  if (facts.transport === 'network') {
    const why = facts.detail ? ` (${facts.detail})` : '';
    return base(
      'network',
      `Could not reach ${who.name}${why}. Check the connection or proxy; ${later(transient)}.`,
      transient,
    );
  }
  if (facts.transport === 'parse' || facts.transport === 'schema') {
    const why = facts.detail ? ` (${facts.detail})` : '';
    return base(
      'malformed',
      `${who.name} sent a response Creditwatch could not read${why}.${kept(' The previous figures are kept.')} ${Later(transient)}.`,
      transient,
    );
  }
  const status = facts.status;
  const isMissingScope =
    text.includes('missing scopes') ||
    text.includes('insufficient permissions') ||
    text.includes('only management keys');
  if ((status === 401 || status === 403) && (facts.keyKind === 'project' || isMissingScope)) {
    return base('project-key', projectKeyMessage(facts.keyKind === 'project', provider), slow);
  }
  if (status === 401) {
    return base(
      'invalid-key',
      provider === 'openai'
        ? `OpenAI rejected the Admin key (unknown or revoked). Create a new one at ${ADMIN_KEYS_URL} and add the organization again.`
        : `${who.name} rejected the ${who.keyName} (unknown or revoked). Create a new one at ${who.keyUrl} and add the account again.`,
      slow,
    );
  }
  if (status === 403) {
    return base(
      'forbidden',
      provider === 'openai'
        ? `OpenAI refused access for this key (HTTP 403). Check that the Admin key belongs to this organization and that your role is Owner.`
        : `${who.name} refused access for this key (HTTP 403). Check that it is ${article(who.keyName)} ${who.keyName} of this account.`,
      slow,
    );
  }
  if (status === 402) {
    return base(
      'spend-limit',
      `${who.name} says the account is out of credit (HTTP 402${facts.message ? `: ${facts.message}` : ''}); add credit in its billing settings. ${Later(slow)}.`,
      slow,
    );
  }
  if (status === 429 && (text.includes('spend_limit') || text.includes('spend limit'))) {
    return base(
      'spend-limit',
      `The organization reached its hard spend limit; raise it in the OpenAI billing settings. ${Later(slow)}.`,
      slow,
    );
  }
  if (status === 429) {
    const retryAtMs = ctx.nowMs + rateLimitDelayMs(facts.retryAfterMs, ctx.failures, ctx.random);
    const asked = facts.retryAfterMs;
    const hint =
      asked === null
        ? ''
        : asked > RETRY_AFTER_MAX_MS
          ? ` (it asked to wait ${Math.round(asked / SECOND_MS)} s; Creditwatch waits at most an hour)`
          : ` (Retry-After ${Math.round(asked / SECOND_MS)} s)`;
    return base(
      'rate-limited',
      `${who.name} is rate-limiting requests; ${later(retryAtMs)}${hint}.`,
      retryAtMs,
    );
  }
  if (status !== null && status >= 500) {
    return base('server', `${who.name} had a server error (HTTP ${status}); ${later(transient)}.`, transient);
  }
  // Anthropic's two report refusals, once Creditwatch has asked as small and as plainly as it can.
  if (facts.code === 'report_page_too_large') {
    return base(
      'unknown',
      `${who.name} says its report is too large to send, even one row a page (report_page_too_large).${kept(' The previous figures are kept.')} ${Later(transient)}.`,
      transient,
    );
  }
  if (facts.code === 'too_many_report_groups') {
    return base(
      'unknown',
      `${who.name} has usage in more groups than its report can return, even grouped as little as Creditwatch can (too_many_report_groups).${kept(' The previous figures are kept.')} ${Later(transient)}.`,
      transient,
    );
  }
  const said = facts.message ? `: ${facts.message}` : '';
  // A refused query (a grouping or window the org does not serve, a changed parameter): the provider's
  // own words say which; retrying later is right when it depends on the window.
  if (status === 400) {
    return base(
      'unknown',
      `${who.name} refused the request (HTTP 400)${said}. ${Later(transient)}.`,
      transient,
    );
  }
  const code = status !== null ? ` (HTTP ${status})` : '';
  return base(
    'unknown',
    `${retries ? 'Sync failed' : 'The check failed'}${code}${said}. ${Later(transient)}.`,
    transient,
  );
}

/** `HH:MM` of `ms` in `timeZone` (null = the system zone). Example: 2026-03-10T14:05:30Z, 'UTC' → "14:05". */
export function formatClock(ms: number, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (isKnownTimeZone(timeZone)) options.timeZone = timeZone; // else the system zone, never a throw
  return new Intl.DateTimeFormat('en-GB', options).format(ms);
}
