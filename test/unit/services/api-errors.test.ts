import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ClientSetupError,
  describeError,
  retryAfterMs,
  toSyncFailure,
} from '../../../main/services/api-errors';
import { CostsPageSchema } from '../../../main/services/api-schemas';
import { keyKindOf } from '../../../main/services/openai-client';

describe('retryAfterMs', () => {
  it('reads seconds, ms and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '120' }))).toBe(120_000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500' }))).toBe(1500);
    expect(
      retryAfterMs(
        new Headers({ 'retry-after': 'Tue, 10 Mar 2026 14:05:00 GMT' }),
        Date.UTC(2026, 2, 10, 14, 3),
      ),
    ).toBe(120_000);
    expect(retryAfterMs(new Headers())).toBeNull();
  });
});

describe('describeError', () => {
  it('reads status, code and Retry-After from an SDK error', () => {
    const err = OpenAI.APIError.generate(
      429,
      { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
      undefined,
      new Headers({ 'retry-after': '7' }),
    );
    expect(describeError(err, 'admin', 'openai')).toMatchObject({
      transport: 'http',
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 7000,
    });
  });
  it('accepts a bare-string error body', () => {
    const err = OpenAI.APIError.generate(500, { error: 'Internal error' }, undefined, new Headers());
    expect(describeError(err, 'admin', 'openai')).toMatchObject({ status: 500, message: 'Internal error' });
  });
  it('maps timeouts, parse and schema failures, setup errors', () => {
    expect(describeError(new OpenAI.APIConnectionTimeoutError(), null, 'openai').transport).toBe('timeout');
    expect(describeError(new SyntaxError('Unexpected end'), null, 'openai').transport).toBe('parse');
    const zerr = CostsPageSchema.safeParse({
      object: 'page',
      data: [{ start_time: 1, end_time: 2, results: [{ amount: { value: {} } }] }],
      has_more: false,
    }).error;
    expect(zerr).toBeInstanceOf(z.ZodError);
    expect(describeError(zerr, null, 'openai')).toMatchObject({ transport: 'schema' });
    expect(
      describeError(new ClientSetupError('No key stored sk-admin-ABCDEFGHIJKLMNOPQRST'), null, 'openai')
        .detail,
    ).toBe('No key stored sk-…');
  });
});

describe('response schemas', () => {
  const page = (value: unknown) => ({
    object: 'page',
    data: [
      {
        start_time: 0,
        end_time: 86400,
        results: [{ amount: { value, currency: 'usd' }, project_id: null, line_item: null }],
      },
    ],
    has_more: false,
    next_page: null,
  });
  it('accepts numeric and numeric-string amounts only', () => {
    expect(CostsPageSchema.safeParse(page(0.06)).success).toBe(true);
    expect(CostsPageSchema.safeParse(page('0.06')).success).toBe(true);
    expect(CostsPageSchema.safeParse(page('abc')).success).toBe(false);
    expect(CostsPageSchema.safeParse(page(null)).success).toBe(false);
  });
  it('tells key kinds by prefix', () => {
    expect(keyKindOf('sk-admin-x')).toBe('admin');
    expect(keyKindOf('sk-proj-x')).toBe('project');
    expect(keyKindOf('sk-x')).toBe('other');
  });
});

describe('toSyncFailure (checking a key while adding an org)', () => {
  it('never promises a retry that will not happen', () => {
    const unreachable = new OpenAI.APIConnectionError({ message: 'Connection error.' });
    const failure = toSyncFailure(unreachable, 'admin', 'openai');
    expect(failure.message).toBe(
      'Could not reach OpenAI. Check the connection or proxy; try again in a moment.',
    );
    expect(failure.syncError.retryAtMs).toBeNull();
  });
});
