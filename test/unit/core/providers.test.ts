import { describe, expect, it } from 'vitest';
import {
  accountCurrency,
  isKnownCurrency,
  PROVIDER_IDS,
  PROVIDERS,
  providerOfKey,
  wrongProviderKeyProblem,
} from '@core/providers';
import { classifySyncError, type ErrorFacts } from '@core/sync-errors';

const facts = (over: Partial<ErrorFacts>): ErrorFacts => ({
  transport: 'http',
  provider: 'openai',
  status: null,
  code: null,
  type: null,
  message: null,
  retryAfterMs: null,
  keyKind: 'admin',
  detail: null,
  ...over,
});
const ctx = { nowMs: Date.UTC(2026, 11, 2, 10), failures: 1, random: () => 0.5, timeZone: 'UTC' };

describe('providers', () => {
  it('tells whose key a pasted key is from its shape', () => {
    expect(providerOfKey('sk-admin-abc')).toBe('openai');
    expect(providerOfKey('sk-proj-abc')).toBe('openai');
    expect(providerOfKey('sk-ant-admin01-abc')).toBe('anthropic');
    expect(providerOfKey('sk-ant-api03-abc')).toBe('anthropic');
    expect(providerOfKey('sk-or-v1-abc')).toBe('openrouter');
    expect(providerOfKey(`sk-${'0123456789abcdef'.repeat(2)}`)).toBe('deepseek');
    expect(providerOfKey('sk-something-else')).toBeNull();
  });

  it('says which provider a misplaced key belongs to, and what this form needs', () => {
    expect(wrongProviderKeyProblem('openai', 'sk-ant-admin01-xyz')).toBe(
      'This is an Anthropic key, and this account is on OpenAI. Choose Anthropic as the provider, or paste an OpenAI Admin key (sk-admin-…).',
    );
    expect(wrongProviderKeyProblem('deepseek', 'sk-or-v1-xyz')).toMatch(/OpenRouter key.*DeepSeek API key/);
    expect(wrongProviderKeyProblem('anthropic', 'sk-ant-admin01-xyz')).toBeNull();
    expect(wrongProviderKeyProblem('openai', 'sk-unknown-shape')).toBeNull();
  });

  it('knows every provider and names real ISO currencies only', () => {
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].keyUrl).toMatch(/^https:\/\//);
    expect(isKnownCurrency('CNY')).toBe(true);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(accountCurrency({ provider: 'deepseek' })).toBe('USD');
    expect(accountCurrency({ provider: 'deepseek', currency: 'CNY' })).toBe('CNY');
    // The readings file can be edited by hand: the currency recorded with the account wins over it.
    expect(accountCurrency({ provider: 'deepseek', currency: 'CNY' }, 'USD')).toBe('CNY');
    expect(accountCurrency({ provider: 'deepseek' }, 'CNY')).toBe('CNY');
    expect(accountCurrency({ provider: 'openrouter' }, 'EUR')).toBe('USD');
  });

  it('names the provider and its key in sync errors', () => {
    const e401 = classifySyncError(facts({ status: 401, provider: 'anthropic' }), ctx);
    expect(e401.kind).toBe('invalid-key');
    expect(e401.message).toMatch(
      /^Anthropic rejected the Admin API key .* https:\/\/platform\.claude\.com\/settings\/admin-keys/,
    );
    const project = classifySyncError(facts({ status: 403, keyKind: 'project', provider: 'anthropic' }), ctx);
    expect(project.kind).toBe('project-key');
    expect(project.message).toMatch(/not an Admin API key.*sk-ant-admin01-/);
    const net = classifySyncError(facts({ transport: 'network', provider: 'openrouter' }), ctx);
    expect(net.message).toMatch(/^Could not reach OpenRouter/);
    const broke = classifySyncError(facts({ status: 402, provider: 'deepseek' }), ctx);
    expect(broke.kind).toBe('spend-limit');
    expect(broke.message).toMatch(/DeepSeek says the account is out of credit/);
    // OpenAI's words are unchanged.
    expect(classifySyncError(facts({ status: 401 }), ctx).message).toMatch(/^OpenAI rejected the Admin key/);
  });
});
