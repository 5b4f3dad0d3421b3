// The purse keeps a running total, the first lot holding credit and an expiry bound so a long replay stays
// fast; after any sequence of operations it must hold exactly what the plain walk-every-lot reference holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLot, createPurse, drawLots, expireLots, observeBalance, purseBalance } from '@core/credit-lots';
import {
  type NaivePurse,
  naiveAddLot,
  naiveBalance,
  naiveDraw,
  naiveExpire,
  naiveObserve,
} from './naive-purse';

type Op =
  | { op: 'add'; id: string; kind: 'grant' | 'purchase'; atMs: number; micros: number; expiresAtMs: number }
  | { op: 'draw'; micros: number }
  | { op: 'expire'; atMs: number }
  | { op: 'observe'; balanceMicros: number; atMs: number };

// Small instants and amounts so that ties, expiries at the very instant and exact draws happen often.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      kind: fc.constantFrom('grant' as const, 'purchase' as const),
      atMs: fc.integer({ min: 0, max: 40 }),
      micros: fc.integer({ min: 1, max: 30 }),
      expiresAtMs: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('draw' as const), micros: fc.integer({ min: 0, max: 40 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('expire' as const), atMs: fc.integer({ min: 0, max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('observe' as const),
      balanceMicros: fc.integer({ min: -30, max: 120 }),
      atMs: fc.integer({ min: 0, max: 60 }),
    }),
  },
);

describe('the purse equals the plain reference', () => {
  it('lots, debt, balance, uncovered draws and expiries after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const fast = createPurse();
        const slow: NaivePurse = { lots: [], debtMicros: 0 };
        for (const [i, o] of ops.entries()) {
          if (o.op === 'add') {
            const lot = {
              id: `${o.id}${i}`,
              kind: o.kind,
              atMs: o.atMs,
              micros: o.micros,
              expiresAtMs: o.expiresAtMs,
            };
            addLot(fast, lot);
            naiveAddLot(slow, lot);
          } else if (o.op === 'draw') expect(drawLots(fast, o.micros)).toBe(naiveDraw(slow, o.micros));
          else if (o.op === 'expire') expect(expireLots(fast, o.atMs)).toEqual(naiveExpire(slow, o.atMs));
          else {
            observeBalance(fast, o.balanceMicros, o.atMs, `o${i}`);
            naiveObserve(slow, o.balanceMicros, o.atMs, `o${i}`);
          }
          expect(fast.lots).toEqual(slow.lots);
          expect(fast.debtMicros).toBe(slow.debtMicros);
          expect(purseBalance(fast)).toBe(naiveBalance(slow));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a replay hour costs a few lot reads, not one per lot held', () => {
    // Three months of hours, each expiring, drawing $2, reading the balance and reloading $2 when low: the
    // purse ends with ~2,200 lots. Walking them all every hour would read ~7 M lots; count the reads.
    const purse = createPurse();
    let reads = 0;
    purse.lots = new Proxy(purse.lots, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const H = 3_600_000;
    const hours = 92 * 24;
    addLot(purse, { id: 'start', kind: 'grant', atMs: 0, micros: 50_000_000, expiresAtMs: 40 * 24 * H });
    let reloads = 0;
    for (let h = 0; h < hours; h++) {
      expireLots(purse, h * H);
      drawLots(purse, 2_000_000);
      if (purseBalance(purse) < 10_000_000) {
        addLot(purse, {
          id: `r${h}`,
          kind: 'purchase',
          atMs: h * H,
          micros: 2_000_000,
          expiresAtMs: (h + 8760) * H,
        });
        reloads++;
      }
    }
    expect(reloads).toBeGreaterThan(2000);
    // $50 less $2 an hour reaches $8 after 21 hours; from then on each hour's $2 is reloaded: $10 at the end.
    expect(reloads).toBe(hours - 20);
    expect(purseBalance(purse)).toBe(10_000_000);
    expect(reads).toBeLessThan(40 * hours);
  });
});
