import { describe, expect, it } from 'vitest';
import { startAnthropicSimulator } from '../../../../main/simulator/anthropic/index';
import { createSimClock } from '../../../../main/simulator/sim-clock';
import { BALANCE_SPEND_LABEL, buildSpendChartBy } from '@core/charts/spend-by';
import type { MoneyView } from '@core/money-view';
import { ApiError } from '@core/api-contract';
import { addOrgWords, keyFieldProblem, PROVIDER_CHOICES } from '../../../../renderer/view-models/add-org';
import { rateProblem, ratesWith, ratesWithout } from '../../../../renderer/view-models/conversion-rates';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { Dashboard } from '@core/dashboard';
import {
  onboardingWords,
  parseOnboarding,
  ONBOARDING_DEFAULTS,
} from '../../../../renderer/view-models/onboarding';
import { apiBalanceWords, spendSourceWords } from '../../../../renderer/view-models/figure-source';
import { openRealApi } from '../../../support/real-api';

const ZONE = { locale: 'en-US', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 11, 2, 10, 5);
const OPENAI_ADMIN = 'sk-admin-0123456789abcdef0123456789abcdef';

describe('add an account', () => {
  it('offers the four providers, OpenAI first', () => {
    expect(PROVIDER_CHOICES.map((p) => p.name)).toEqual(['OpenAI', 'Anthropic', 'OpenRouter', 'DeepSeek']);
  });

  it('names the key each provider needs, where to create it, and says organization or account', () => {
    expect(addOrgWords('openai')).toMatchObject({
      nameLabel: 'Organization name',
      keyLabel: 'Admin key',
      keyPlaceholder: 'sk-admin-…',
      submitLabel: 'Add organization',
    });
    expect(addOrgWords('anthropic')).toMatchObject({
      nameLabel: 'Organization name',
      keyLabel: 'Admin API key',
      keyPlaceholder: 'sk-ant-admin01-…',
      keyUrl: 'https://platform.claude.com/settings/admin-keys',
      baseUrlPlaceholder: 'https://api.anthropic.com',
    });
    expect(addOrgWords('openrouter')).toMatchObject({
      nameLabel: 'Account name',
      keyLabel: 'Management key',
      submitLabel: 'Add account',
    });
    expect(addOrgWords('deepseek')).toMatchObject({ accountWord: 'account', keyPlaceholder: 'sk-…' });
    expect(addOrgWords('deepseek').privacy).toMatch(/sends it only to DeepSeek\.$/);
  });

  it('points out a key of another provider before anything is sent', () => {
    expect(keyFieldProblem('anthropic', OPENAI_ADMIN)).toBe(
      'This is an OpenAI key, and this account is on Anthropic. Choose OpenAI as the provider, or paste an Anthropic Admin API key (sk-ant-admin01-…).',
    );
    expect(keyFieldProblem('openai', 'sk-ant-admin01-abc')).toMatch(/^This is an Anthropic key/);
    expect(keyFieldProblem('openai', OPENAI_ADMIN)).toBeNull();
    expect(keyFieldProblem('anthropic', '')).toBeNull();
    expect(keyFieldProblem('anthropic', 'not-a-known-shape')).toBeNull();
  });

  it('the app refuses another provider’s key before calling anyone, and keeps the provider chosen', async () => {
    const api = await openRealApi({}); // adding a real account needs the real clock; no figure is checked
    const anthropic = await startAnthropicSimulator({ clock: createSimClock({ startMs: NOW, speed: 0 }) });
    try {
      const wrong = api.invoke('orgs:add', { name: 'Team', apiKey: OPENAI_ADMIN, provider: 'anthropic' });
      await expect(wrong).rejects.toBeInstanceOf(ApiError);
      await expect(wrong).rejects.toThrow(/This is an OpenAI key, and this account is on Anthropic/);
      expect(anthropic.requests).toHaveLength(0);
      const org = await api.invoke('orgs:add', {
        name: 'Team',
        apiKey: 'sk-ant-admin01-0123456789abcdef',
        provider: 'anthropic',
        baseUrl: `http://127.0.0.1:${anthropic.port}`,
      });
      expect(org.provider).toBe('anthropic');
      expect((await api.invoke('orgs:list', {})).orgs.map((o) => o.provider)).toEqual(['anthropic']);
    } finally {
      await api.close();
      await anthropic.close();
    }
  }, 60_000);
});

describe('conversion rates form', () => {
  const stored = [{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: NOW }];
  it('sends the whole list with one rate added, changed or removed', () => {
    expect(ratesWith(stored, { currency: ' eur ', usdPerUnit: '1.08' })).toEqual([
      { currency: 'CNY', usdPerUnit: 0.14 },
      { currency: 'EUR', usdPerUnit: 1.08 },
    ]);
    expect(ratesWith(stored, { currency: 'CNY', usdPerUnit: '$0.15' })).toEqual([
      { currency: 'CNY', usdPerUnit: 0.15 },
    ]);
    expect(ratesWith(stored, { currency: 'EUR', usdPerUnit: 'abc' })[1]!.usdPerUnit).toBeNaN();
    expect(ratesWithout(stored, 'CNY')).toEqual([]);
  });

  it('puts the server’s message at the field it is about, without the field path', () => {
    expect(rateProblem('conversionRates.0.usdPerUnit: A rate must be more than zero.')).toEqual({
      field: 'rate',
      text: 'A rate must be more than zero.',
    });
    expect(rateProblem('conversionRates.1.currency: Use a three-letter currency code, such as CNY.')).toEqual(
      {
        field: 'currency',
        text: 'Use a three-letter currency code, such as CNY.',
      },
    );
    expect(rateProblem('conversionRates: Each currency can have one rate only.').field).toBe('currency');
  });
});

describe('where the figures come from', () => {
  const money: MoneyView = {
    orgId: 'org_d',
    asOfMs: NOW,
    currency: 'CNY',
    apiBalance: { atMs: NOW, balanceMicros: 191_140_000 },
    ledger: {
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [],
    },
    balance: null,
    forecast: null,
    forecastNote: null,
    lastReconciliation: null,
    historyDays: 0,
  };

  it('shows the API’s balance as settled, in the account’s currency', () => {
    const reading = {
      asOfMs: NOW,
      basis: { observationId: `api-${NOW}`, atMs: NOW, balanceMicros: 191_140_000 },
      estimateMicros: 191_140_000,
      lowMicros: 191_140_000,
      highMicros: 191_140_000,
      sdMicros: 0,
      creditsAddedMicros: 0,
      settledCostMicros: 0,
      provisionalCostMicros: 0,
      expiredMicros: 0,
      predictedReloads: [],
      missingDays: [],
    };
    const answerOf = (m: MoneyView, provider: 'deepseek' | 'openrouter') =>
      buildAccountAnswer({
        nowMs: NOW,
        timeZone: 'UTC',
        isDemo: false,
        money: m,
        dashboard: {
          org: { id: 'org_d', name: 'D', provider },
          asOfMs: NOW,
          monthToDate: { monthStartMs: 0, settledMicros: 0, provisionalMicros: 0, totalMicros: 0 },
          today: { dayStartMs: 0, costMicros: 0, requests: null },
          daily: [],
          projects: [],
          sync: { state: 'ok', lastAttemptMs: NOW, lastSuccessMs: NOW, failures: 0, lastError: null },
          currency: m.currency,
          spendSource: { kind: 'balance', sinceMs: NOW },
        } as unknown as Dashboard,
        apiSpendLimit: null,
        wrongOrgFlags: [],
      });
    const credit = answerOf({ ...money, balance: reading }, 'deepseek').figures['credit-left'];
    expect(credit).toMatchObject({
      text: 'CN¥191.14',
      source: 'provider',
      note: 'read from DeepSeek, as of Wed 2 Dec, 10:05',
    });
    const waiting = answerOf({ ...money, apiBalance: null }, 'openrouter').figures['credit-left'];
    expect(waiting.text).toBe('not known yet — waiting for the first balance reading from OpenRouter');
    // The page says the instant as the answer's note does: one date wording.
    expect(apiBalanceWords('openrouter', NOW, NOW, ZONE)).toBe(
      'from the OpenRouter API, as of Wed 2 Dec, 10:05',
    );
    expect(credit.note).toContain(apiBalanceWords('openrouter', NOW, NOW, ZONE).split('as of ')[1]!);
  });

  it('says spend is read from the balance since the first reading, and nothing for cost providers', () => {
    expect(spendSourceWords({ kind: 'balance', sinceMs: Date.UTC(2026, 10, 25) }, NOW, ZONE)).toBe(
      'read from the fall of the balance since Wed 25 Nov, 00:00 (the first reading)',
    );
    expect(spendSourceWords({ kind: 'balance', sinceMs: Date.UTC(2025, 10, 25) }, NOW, ZONE)).toContain(
      'since Tue 25 Nov 2025, 00:00',
    );
    expect(spendSourceWords({ kind: 'balance', sinceMs: null }, NOW, ZONE)).toMatch(
      /once two readings are in/,
    );
    expect(spendSourceWords({ kind: 'costs' }, NOW, ZONE)).toBeNull();
  });

  it('starts with no way of paying chosen: an unanswered question is asked, never taken as "prepaid"', () => {
    expect(ONBOARDING_DEFAULTS).toMatchObject({ mode: null, reloadOn: false, below: '', upTo: '' });
    expect(parseOnboarding({ ...ONBOARDING_DEFAULTS, balance: '100' })).toEqual({
      ok: false,
      errors: { mode: 'Choose how this account pays.' },
    });
    expect(parseOnboarding({ ...ONBOARDING_DEFAULTS, mode: 'prepaid', balance: '100' })).toMatchObject({
      ok: true,
      billing: { mode: 'prepaid', reload: null },
      balanceMicros: 100_000_000,
    });
  });

  it('asks a balance provider only about auto-reload, in its currency', () => {
    const w = onboardingWords('deepseek', 'DeepSeek', 'CNY');
    expect(w).toMatchObject({ asksMode: false, asksBalance: false, billingUrl: null, currency: 'CNY' });
    const parsed = parseOnboarding(
      { ...ONBOARDING_DEFAULTS, reloadOn: true, below: '¥10', upTo: '¥50' },
      {
        currency: 'CNY',
        asksBalance: false,
      },
    );
    expect(parsed).toMatchObject({ ok: true, balanceMicros: null });
    expect(
      parseOnboarding({ ...ONBOARDING_DEFAULTS, reloadOn: true, below: '$10' }, { currency: 'CNY' }),
    ).toMatchObject({
      ok: false,
      errors: { below: expect.stringContaining('amounts are in CNY') },
    });
    expect(onboardingWords('anthropic', 'Claude team', 'USD')).toMatchObject({
      title: 'Three questions about Claude team',
      billingUrl: 'https://platform.claude.com/settings/billing',
    });
  });
});

describe('spend read from a balance', () => {
  it('is one series named for where it comes from, not "Default project"', () => {
    const day = Date.UTC(2026, 11, 1);
    const daily = [
      { dayStartMs: day, byProject: [{ projectId: null, micros: 5_000_000 }], totalMicros: 5_000_000 },
    ];
    const chart = buildSpendChartBy(daily, [], 'project', { fromBalance: true });
    expect(JSON.stringify(chart)).toContain(BALANCE_SPEND_LABEL);
    expect(JSON.stringify(chart)).not.toContain('Default project');
    expect(JSON.stringify(buildSpendChartBy(daily, [], 'project'))).toContain('Default project');
  });
});
