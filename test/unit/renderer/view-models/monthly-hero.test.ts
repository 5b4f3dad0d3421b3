// A monthly-billed account's card leads with one figure — the amount — and one short line saying for when.
import { describe, expect, it } from 'vitest';
import { buildCardSummary } from '../../../../renderer/view-models/card-summary';
import { accountState, answerOf } from '../../core/answer/answer-fixtures';

describe('a monthly account’s hero', () => {
  it('is one figure plus a short line', () => {
    const s = accountState({ billing: { mode: 'monthly' } });
    const answer = answerOf(s);
    const summary = buildCardSummary(
      {
        orgId: s.org.id,
        name: s.org.name,
        provider: s.org.provider,
        dashboard: s.dashboard,
        money: s.money,
        answer,
        error: null,
      },
      { locale: 'en-US', timeZone: 'UTC' },
    );
    expect(summary.hero?.figure).toBe('card-by-month-end');
    // "$744 (likely $600–$800)": an amount and its range, no sentence around it.
    expect(summary.hero?.value.text).toMatch(/^\$[\d,]+(\.\d\d)?( \(likely \$[\d,.]+–\$[\d,.]+\))?$/);
    expect(summary.hero?.source).toBe('estimate · for usage to Thu 31 Dec');
  });
});
