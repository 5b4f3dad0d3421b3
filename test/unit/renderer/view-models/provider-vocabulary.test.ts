// Each provider's own words for its billing page, from the one table in core, quoted by the answer (which the
// CLI and the alerts print) and by the overview card.
import { describe, expect, it } from 'vitest';
import { PROVIDERS, autoReloadWord, type ProviderId } from '@core/provider-info';
import { buildCardSummary, figureLabel } from '../../../../renderer/view-models/card-summary';
import { accountState, answerOf, observation, NOW } from '../../core/answer/answer-fixtures';

const RULE = {
  mode: 'prepaid' as const,
  reload: {
    enabled: true,
    thresholdMicros: 10_000_000,
    action: { kind: 'restore-to' as const, targetMicros: 50_000_000 },
    monthlyLimit: null,
  },
};

function card(provider: ProviderId) {
  const s = accountState({ provider, billing: RULE, entries: [observation(NOW - 3_600_000, 400_000_000)] });
  const answer = answerOf(s);
  const summary = buildCardSummary(
    {
      orgId: s.org.id,
      name: s.org.name,
      provider,
      dashboard: s.dashboard,
      money: s.money,
      answer,
      error: null,
    },
    { timeZone: 'UTC' },
  );
  return { answer, summary };
}

describe('provider vocabulary', () => {
  it("OpenAI's billing page words: Credit balance, Auto recharge, Credit grants", () => {
    expect(PROVIDERS.openai.words).toMatchObject({
      balance: 'Credit balance',
      autoReload: 'Auto recharge',
      grants: 'Credit grants',
    });
    const { answer, summary } = card('openai');
    expect(answer.payment.text).toBe('prepaid credit with auto recharge (below $10.00, back to $50.00)');
    expect(summary.chip).toBe('Prepaid · auto recharge $10.00 → $50.00');
    expect(summary.hero?.label).toBe('Credit balance');
    expect(figureLabel('next-reload', 'openai')).toBe('Next auto recharge');
  });

  it("uses Anthropic's auto-reload and OpenRouter's auto top-up; DeepSeek, which has none, says auto-reload", () => {
    expect(card('anthropic').summary.chip).toBe('Prepaid · auto-reload $10.00 → $50.00');
    expect(card('openrouter').answer.payment.text).toMatch(/^prepaid credit with auto top-up \(/);
    expect(figureLabel('credit-left', 'openrouter')).toBe('Credits');
    expect(autoReloadWord('deepseek')).toBe('auto-reload');
    expect(figureLabel('credit-left', 'deepseek')).toBe('Balance');
  });

  it('names every provider\'s balance, grants and buy button, and no label uses "drift", "settled" or "provisional"', () => {
    for (const p of Object.values(PROVIDERS)) {
      expect(p.words.balance).not.toBe('');
      expect(p.words.grants).not.toBe('');
      expect(p.words.buy).not.toBe('');
      expect(JSON.stringify(p.words)).not.toMatch(/drift|settled|provisional/i);
    }
  });
});
