// Amounts that carry their currency: sums are exact and order-independent, and money in two currencies is
// never added, whatever the numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAmounts,
  amount,
  CurrencyMismatchError,
  inCurrency,
  subtractAmounts,
  sumAmounts,
  zeroAmount,
  type Amount,
} from '@core/money';

const CURRENCIES = ['USD', 'CNY', 'EUR', 'JPY'] as const;
const currency = fc.constantFrom(...CURRENCIES);
/** Up to a million units either way, so a sum of 50 stays far below 2^53 micro-units. */
const micros = fc.integer({ min: -1e12, max: 1e12 });
const amountIn = (c: string) => micros.map((m) => amount(m, c));
const twoCurrencies = fc
  .tuple(currency, currency)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ a, b }));
/** A currency, and a list of amounts in it together with the same list in another order. */
const listAndShuffle = currency.chain((c) =>
  fc
    .array(amountIn(c), { maxLength: 50 })
    .chain((list) =>
      fc
        .shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
        .map((shuffled) => ({ c, list, shuffled })),
    ),
);

describe('amount()', () => {
  it('keeps whole micro-units and a three-letter code, and refuses anything else', () => {
    expect(amount(12_300_000, 'CNY')).toEqual({ micros: 12_300_000, currency: 'CNY' });
    expect(Object.is(amount(-0, 'USD').micros, 0)).toBe(true);
    expect(() => amount(0.5, 'USD')).toThrow(RangeError);
    expect(() => amount(2 ** 53, 'USD')).toThrow(RangeError);
    expect(() => amount(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => amount(1, 'usd')).toThrow(/currency code/);
    expect(() => amount(1, 'US$')).toThrow(/currency code/);
    expect(Object.isFrozen(amount(1, 'USD'))).toBe(true);
  });

  it('refuses a sum past 2^53 micro-units instead of letting it drift', () => {
    const big = amount(Number.MAX_SAFE_INTEGER, 'USD');
    expect(() => addAmounts(big, amount(1, 'USD'))).toThrow(RangeError);
  });
});

describe('adding amounts (properties)', () => {
  it('a sum does not depend on the order of its amounts', () => {
    fc.assert(
      fc.property(listAndShuffle, ({ c, list, shuffled }) => {
        expect(sumAmounts(c, shuffled)).toEqual(sumAmounts(c, list));
      }),
    );
  });

  it('a sum is the exact total of the micro-units, in the named currency (zero when empty)', () => {
    fc.assert(
      fc.property(currency, fc.array(micros, { maxLength: 50 }), (c, values) => {
        const exact = values.reduce((t, v) => t + BigInt(v), 0n);
        const total = sumAmounts(
          c,
          values.map((v) => amount(v, c)),
        );
        expect(total.currency).toBe(c);
        expect(BigInt(total.micros)).toBe(exact);
      }),
    );
  });

  it('money in two currencies is always refused: add, subtract, sum, and a check of the currency', () => {
    fc.assert(
      fc.property(
        twoCurrencies,
        micros,
        micros,
        fc.array(micros, { maxLength: 20 }),
        fc.nat(),
        ({ a, b }, x, y, rest, at) => {
          const mine = amount(x, a);
          const other = amount(y, b);
          expect(() => addAmounts(mine, other)).toThrow(CurrencyMismatchError);
          expect(() => addAmounts(other, mine)).toThrow(CurrencyMismatchError);
          expect(() => subtractAmounts(mine, other)).toThrow(CurrencyMismatchError);
          expect(() => inCurrency(other, a)).toThrow(CurrencyMismatchError);
          // One amount in another currency anywhere in a list refuses the whole sum.
          const list: Amount[] = rest.map((v) => amount(v, a));
          list.splice(at % (list.length + 1), 0, other);
          expect(() => sumAmounts(a, list)).toThrow(CurrencyMismatchError);
          // Even zero of another currency is another currency.
          expect(() => addAmounts(mine, zeroAmount(b))).toThrow(CurrencyMismatchError);
        },
      ),
    );
  });

  it('round-trips exactly: subtracting what was added gives back the amount, and JSON gives back the same amount', () => {
    fc.assert(
      fc.property(currency, micros, micros, (c, x, y) => {
        const a = amount(x, c);
        const b = amount(y, c);
        expect(subtractAmounts(addAmounts(a, b), b)).toEqual(a);
        expect(addAmounts(subtractAmounts(a, b), b)).toEqual(a);
        const parsed = JSON.parse(JSON.stringify(a)) as Amount;
        expect(amount(parsed.micros, parsed.currency)).toEqual(a);
      }),
    );
  });

  it('says which currencies met', () => {
    expect(() => addAmounts(amount(1_000_000, 'USD'), amount(7_000_000, 'CNY'))).toThrow(
      'cannot combine CNY with USD: amounts in different currencies are never added',
    );
  });
});
