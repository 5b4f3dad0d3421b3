// Figures as they leave core for scripts and webhooks carry their account's currency, so figures of a
// CN¥ account and a $ account listed together can never be read as one currency.
import { describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { figureAmount } from '@core/answer/figure-of';
import { accountFiguresJson, figuresJson } from '@core/answer/figures-json';
import { accountState, answerOf, observation, NOW } from './answer-fixtures';

const cny = answerOf(
  accountState({
    orgId: 'org_cny00001',
    provider: 'deepseek',
    currency: 'CNY',
    entries: [observation(NOW - 3_600_000, 82_900_000)],
  }),
);
const usd = answerOf(accountState({ orgId: 'org_usd00001' }));

describe('figures as they leave core', () => {
  it('name the currency of every figure, with the value the answer holds', () => {
    for (const a of [cny, usd]) {
      const json = figuresJson(a);
      for (const name of FIGURE_NAMES) {
        expect(json[name].currency, `${a.currency} ${name}`).toBe(a.currency);
        expect(json[name].value, `${a.currency} ${name}`).toBe(a.figures[name].valueMicros);
      }
    }
    expect(accountFiguresJson(cny).figures['credit-left']).toMatchObject({ currency: 'CNY', isKnown: true });
  });

  it('give each known value as an amount in the account currency, and no amount for a figure not known yet', () => {
    const credit = figureAmount(cny, 'credit-left');
    expect(credit).toEqual({ micros: cny.figures['credit-left'].valueMicros, currency: 'CNY' });
    expect(credit!.micros).toBeGreaterThan(0);
    const unknown = FIGURE_NAMES.find((n) => cny.figures[n].valueMicros === null);
    expect(unknown, 'a CNY account with no billing set has a figure not known yet').toBeDefined();
    expect(figureAmount(cny, unknown!)).toBeNull();
  });
});
