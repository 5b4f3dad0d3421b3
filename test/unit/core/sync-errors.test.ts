import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS } from '@core/schemas';
import {
  backoffMs,
  classifySyncError,
  formatClock,
  isAttemptDue,
  redactSecrets,
  type ErrorFacts,
} from '@core/sync-errors';

const NOW = Date.UTC(2026, 2, 10, 14, 3, 0);
const facts = (f: Partial<ErrorFacts>): ErrorFacts => ({
  transport: 'http',
  provider: 'openai',
  status: null,
  code: null,
  type: null,
  message: null,
  retryAfterMs: null,
  keyKind: 'admin',
  detail: null,
  ...f,
});
const ctx = { nowMs: NOW, failures: 1, random: () => 0.5, timeZone: 'UTC' };

describe('classifySyncError', () => {
  it('names a project key and says where to get an Admin key', () => {
    const e = classifySyncError(facts({ status: 401, keyKind: 'project' }), ctx);
    expect(e.kind).toBe('project-key');
    expect(e.message).toBe(
      'This is a project key (sk-proj-…). Creditwatch needs an Admin key (sk-admin-…): create one at https://platform.openai.com/settings/organization/admin-keys',
    );
  });

  it('recognises the missing-scope message whatever the key prefix', () => {
    const e = classifySyncError(
      facts({ status: 403, keyKind: 'other', message: 'Missing scopes: api.usage.read.' }),
      ctx,
    );
    expect(e.kind).toBe('project-key');
    expect(e.message).toContain('api.usage.read');
  });

  it('uses Retry-After for 429 and says when', () => {
    const e = classifySyncError(facts({ status: 429, retryAfterMs: 120_000 }), ctx);
    expect(e).toMatchObject({ kind: 'rate-limited', status: 429, retryAtMs: NOW + 120_000 });
    expect(e.message).toBe('OpenAI is rate-limiting requests; retrying at 14:05 (Retry-After 120 s).');
  });

  it('separates the spend-limit 429', () => {
    expect(
      classifySyncError(facts({ status: 429, code: 'organization_spend_limit_exceeded' }), ctx).kind,
    ).toBe('spend-limit');
  });

  it.each([
    [facts({ status: 500 }), 'server'],
    [facts({ status: 401 }), 'invalid-key'],
    [facts({ status: 403 }), 'forbidden'],
    [facts({ transport: 'timeout' }), 'timeout'],
    [facts({ transport: 'network', detail: 'ECONNREFUSED' }), 'network'],
    [facts({ transport: 'parse' }), 'malformed'],
    [facts({ transport: 'schema', detail: 'data.0.results.0.amount.value: expected number' }), 'malformed'],
    [facts({ transport: 'setup', detail: 'No Admin key is stored.' }), 'invalid-key'],
    [facts({ status: 418, message: 'teapot' }), 'unknown'],
  ] as const)('classifies %o as %s', (f, kind) => {
    const e = classifySyncError(f, ctx);
    expect(e.kind).toBe(kind);
    expect(e.retryAtMs).toBeGreaterThan(NOW);
    expect(e.message.length).toBeGreaterThan(20);
  });

  it('never lets a key into a message', () => {
    const e = classifySyncError(
      facts({ status: 418, message: 'bad key sk-admin-ABCDEFGHIJKLMNOPQRSTUV given' }),
      ctx,
    );
    expect(e.message).not.toContain('ABCDEFGHIJ');
  });
});

describe('backoffMs', () => {
  it('doubles per failure with equal jitter, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(15_000);
    expect(backoffMs(1, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 0.5)).toBe(90_000);
    expect(backoffMs(50, () => 1)).toBe(30 * 60_000);
  });
});

describe('helpers', () => {
  it('isAttemptDue respects retryAtMs', () => {
    expect(isAttemptDue(INITIAL_SYNC_STATUS, NOW)).toBe(true);
    const status = {
      ...INITIAL_SYNC_STATUS,
      lastError: { kind: 'server' as const, message: 'x', status: 500, atMs: NOW, retryAtMs: NOW + 1000 },
    };
    expect(isAttemptDue(status, NOW + 999)).toBe(false);
    expect(isAttemptDue(status, NOW + 1000)).toBe(true);
  });

  it('redacts keys and bearer tokens but keeps masked ones and short words', () => {
    expect(redactSecrets('key sk-proj-abcdefghijklmnopqrstuvwxyz0123')).toBe('key sk-…');
    expect(redactSecrets('Authorization: Bearer sk-admin-xyz')).toBe('Authorization: Bearer …');
    expect(redactSecrets('This is a project key (sk-proj-…)')).toBe('This is a project key (sk-proj-…)');
  });

  it('formats a clock time in a zone', () => {
    expect(formatClock(NOW, 'UTC')).toBe('14:03');
    expect(formatClock(NOW, 'Europe/Paris')).toBe('15:03');
  });
});

describe('Retry-After is bounded and repeated 429s back off further', () => {
  it('clamps a year-long Retry-After to an hour and says so, with the true next attempt', () => {
    const e = classifySyncError(facts({ status: 429, retryAfterMs: 31_536_000_000 }), ctx);
    expect(e.retryAtMs).toBe(NOW + 60 * 60_000);
    expect(e.message).toBe(
      'OpenAI is rate-limiting requests; retrying at 15:03 (it asked to wait 31536000 s; Creditwatch waits at most an hour).',
    );
  });

  it.each([0, -5_000])('never retries at once for Retry-After %i, and escalates with each failure', (ms) => {
    const delays = [1, 2, 3, 4, 5].map(
      (failures) =>
        classifySyncError(facts({ status: 429, retryAfterMs: ms }), { ...ctx, failures }).retryAtMs! - NOW,
    );
    expect(delays[0]).toBeGreaterThanOrEqual(15_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);
  });

  it('escalates repeated 429s without Retry-After too', () => {
    const first = classifySyncError(facts({ status: 429 }), ctx).retryAtMs! - NOW;
    const fourth = classifySyncError(facts({ status: 429 }), { ...ctx, failures: 4 }).retryAtMs! - NOW;
    expect(fourth).toBe(8 * first);
  });
});

describe('callers that do not retry (checking a key while adding an org)', () => {
  it.each<[Partial<ErrorFacts>, string]>([
    [
      { transport: 'network', detail: 'ECONNREFUSED' },
      'Could not reach OpenAI (ECONNREFUSED). Check the connection or proxy; try again in a moment.',
    ],
    [{ transport: 'timeout' }, 'OpenAI did not answer in time; try again in a moment.'],
    [{ status: 503 }, 'OpenAI had a server error (HTTP 503); try again in a moment.'],
    [
      { status: 429, retryAfterMs: 20_000 },
      'OpenAI is rate-limiting requests; try again in a moment (Retry-After 20 s).',
    ],
  ])('%o never says "retrying at"', (f, message) => {
    const e = classifySyncError(facts(f), { ...ctx, retries: false });
    expect(e.message).toBe(message);
    expect(e.retryAtMs).toBeNull();
  });
});

describe('a refused request (HTTP 400)', () => {
  it('names the provider and quotes its words', () => {
    const message = "Invalid value for 'group_by': grouping costs by 'api_key_id' is not supported.";
    const openai = classifySyncError(facts({ status: 400, message }), ctx);
    expect(openai.message).toMatch(
      new RegExp(
        `^OpenAI refused the request \\(HTTP 400\\): ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      ),
    );
    const openrouter = classifySyncError(
      facts({ status: 400, provider: 'openrouter', message: 'Bad Request' }),
      ctx,
    );
    expect(openrouter.message).toMatch(/^OpenRouter refused the request \(HTTP 400\): Bad Request\./);
  });
});
