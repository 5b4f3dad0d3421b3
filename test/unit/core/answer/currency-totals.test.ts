import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountAnswer } from '@core/answer/account-answer';
import { convert, currencyTotals } from '@core/answer/currency-totals';
import { knownFigure, unknownFigure } from '@core/answer/figure-of';
import { amount, CurrencyMismatchError } from '@core/money';
import { moneyWords } from '@core/words/money-words';
import { accountState, answerOf, NOW } from './answer-fixtures';

const M = 1_000_000;

/** An answer whose card-by-month-end figure is the given range (or not known). */
function withCard(
  spec: Parameters<typeof accountState>[0],
  card: { low: number; mid: number; high: number } | null,
): AccountAnswer {
  const a = answerOf(accountState(spec));
  const figure = card
    ? knownFigure('card-by-month-end', {
        valueMicros: card.mid,
        range: card,
        asOfMs: NOW,
        source: 'estimated',
        text: 'x',
      })
    : unknownFigure('card-by-month-end', 'not known yet — say how this account pays');
  return { ...a, figures: { ...a.figures, 'card-by-month-end': figure } };
}

describe('overview totals', () => {
  it('says card charges by month end as likely and up to, never a sum of means', () => {
    const flip = withCard({ orgId: 'org_flip0001' }, { low: 0, mid: 0, high: 400 * M });
    const monthly = withCard({ orgId: 'org_month001' }, { low: 700 * M, mid: 803 * M, high: 803 * M });
    const [usd] = currencyTotals([flip, monthly], [], NOW, 'UTC');
    expect(usd!.cardBeforeMonthEnd).toBe('likely $803, up to $1,203');
    expect(usd!.hasCardCharge).toBe(true);
    expect(usd!.orgCount).toBe(2);
    // Totals from 100 up are whole units, as every ranged figure is.
    const small = withCard({ orgId: 'org_small001' }, { low: 20_530_000, mid: 32_970_000, high: 63_770_000 });
    expect(currencyTotals([flip, monthly, small], [], NOW, 'UTC')[0]!.cardBeforeMonthEnd).toBe(
      'likely $836, up to $1,267',
    );
  });

  it('never adds a demo account into a real total, nor one currency into another', () => {
    const real = withCard({ orgId: 'org_real0001' }, { low: 0, mid: 0, high: 0 });
    const demo = withCard(
      { orgId: 'org_demo0001', isDemo: true },
      { low: 900 * M, mid: 950 * M, high: 999 * M },
    );
    const cny = withCard({ orgId: 'org_cny00001', currency: 'CNY', provider: 'deepseek' }, null);
    const totals = currencyTotals([demo, real, cny], [], NOW, 'UTC');
    expect(totals.map((t) => [t.currency, t.orgCount])).toEqual([
      ['USD', 1],
      ['CNY', 1],
    ]);
    expect(totals[0]!.cardBeforeMonthEnd).toBe('nothing expected');
    expect(totals[0]!.hasCardCharge).toBe(false);
    expect(totals[1]!.cardBeforeMonthEnd).toBe('not known yet for 1 account');
    // Demos alone are totalled among themselves.
    expect(currencyTotals([demo], [], NOW, 'UTC')[0]!.cardBeforeMonthEnd).toBe('likely $950, up to $999');
  });

  it('says a total that is likely none as such', () => {
    const flip = withCard({}, { low: 0, mid: 0, high: 40 * M });
    expect(currencyTotals([flip], [], NOW, 'UTC')[0]!.cardBeforeMonthEnd).toBe('up to $40.00; likely none');
  });
});

describe('totals across accounts and currencies (properties)', () => {
  const base = answerOf(accountState({}));
  /** An answer in `currency` with the given credit left and spend this month. */
  const account = (i: number, currency: string, credit: number, mtd: number): AccountAnswer => {
    const figure = (name: 'credit-left' | 'this-month', valueMicros: number) =>
      knownFigure(name, { valueMicros, asOfMs: NOW, source: 'recorded', text: 'x' });
    return {
      ...base,
      orgId: `org_prop${String(i).padStart(4, '0')}`,
      currency,
      figures: {
        ...base.figures,
        'credit-left': figure('credit-left', credit),
        'this-month': figure('this-month', mtd),
      },
    };
  };
  const accounts = fc
    .array(
      fc.record({
        currency: fc.constantFrom('USD', 'CNY', 'EUR'),
        credit: fc.integer({ min: 0, max: 1e12 }),
        mtd: fc.integer({ min: 0, max: 1e12 }),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((specs) => specs.map((x, i) => account(i, x.currency, x.credit, x.mtd)));

  it('each currency line adds exactly its own accounts, whatever their order, and no other currency', () => {
    fc.assert(
      fc.property(
        accounts.chain((list) =>
          fc
            .shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
            .map((shuffled) => ({ list, shuffled })),
        ),
        ({ list, shuffled }) => {
          const totals = currencyTotals(list, [], NOW, 'UTC');
          expect(currencyTotals(shuffled, [], NOW, 'UTC')).toEqual(totals);
          const currencies = [...new Set(list.map((a) => a.currency))];
          expect(totals.map((t) => t.currency).sort()).toEqual(currencies.sort());
          for (const t of totals) {
            const own = list.filter((a) => a.currency === t.currency);
            const sum = (name: 'credit-left' | 'this-month') =>
              own.reduce((s, a) => s + (a.figures[name].valueMicros ?? 0), 0);
            expect(t.orgCount).toBe(own.length);
            expect(t.creditLeft).toBe(moneyWords(sum('credit-left'), t.currency));
            expect(t.monthToDate).toBe(moneyWords(sum('this-month'), t.currency));
          }
        },
      ),
    );
  });
});

describe("conversion at the user's rate", () => {
  const rate = { currency: 'CNY', usdPerUnit: 0.14, setAtMs: NOW };

  it("turns an amount in the rate's currency into US dollars", () => {
    expect(convert(amount(100 * M, 'CNY'), rate)).toEqual({ micros: 14 * M, currency: 'USD' });
  });

  it("refuses an amount in any other currency than the rate's", () => {
    expect(() => convert(amount(100 * M, 'USD'), rate)).toThrow(CurrencyMismatchError);
    expect(() => convert(amount(100 * M, 'EUR'), rate)).toThrow(CurrencyMismatchError);
  });

  it('gives a converted line only to the currency the rate is for', () => {
    const usd = withCard({ orgId: 'org_usd00001' }, null);
    const cny = withCard({ orgId: 'org_cny00001', currency: 'CNY', provider: 'deepseek' }, null);
    const [usdLine, cnyLine] = currencyTotals([usd, cny], [rate], NOW, 'UTC');
    expect(usdLine!.converted).toBeNull();
    expect(cnyLine!.converted).toMatch(
      /^≈ \$[\d,.]+ this month · \$[\d,.]+ credit left, in US dollars at your rate 1 CNY = \$0\.14, set /,
    );
  });
});
