// The product's ledger against a naive hour-by-hour reference, on thousands of generated ledgers, rules
// and cost series, plus invariants that must hold whatever the ledger says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardSplit } from '@core/card-split';
import { ledgerState, type BalanceEstimate } from '@core/ledger-estimate';
import type { LedgerEntry } from '@core/ledger-schema';
import { caseArb, productInputs, type LedgerCase } from './ledger-arbitraries';
import { oracleReplay } from './ledger-oracle';

const H = 3_600_000;
const DAY = 24 * H;
const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 2000);
// About 15 s for all ~4,000 cases on a 2-core machine; the limit leaves room for a busy one.
const LIMIT_MS = 90_000;

function product(c: LedgerCase, opts: { withShape?: boolean; atMs?: number } = {}) {
  const { ledger, costs, shapes } = productInputs(c);
  const nowMs = opts.atMs ?? c.nowMs;
  const state = ledgerState(ledger, costs, nowMs, opts.withShape === false ? {} : { hourlyShape: shapes });
  return { state, split: cardSplit(ledger, state, nowMs) };
}
// Balance net of predicted reloads: what the user's own credit and spend leave (reloads are the rule's).
const net = (e: BalanceEstimate) => e.estimateMicros - e.predictedReloads.reduce((s, r) => s + r.micros, 0);

describe('the ledger equals the naive hour-by-hour replay', () => {
  it(
    'estimate, predicted reloads and the month-end card charge, to the micro-dollar',
    () => {
      fc.assert(
        fc.property(caseArb(), (c) => {
          const truth = oracleReplay(c);
          const { state, split } = product(c);
          if (c.billing.mode === 'prepaid') {
            expect(state.estimate?.estimateMicros ?? null).toBe(truth.balance);
            expect(
              state.estimate?.predictedReloads.map((r) => ({ atMs: r.atMs, micros: r.micros })) ?? [],
            ).toEqual(truth.reloads);
          } else {
            if (state.estimate) expect(state.estimate.estimateMicros).toBe(truth.balance);
            expect(split!.cardMicros).toBe(truth.cardThisMonth);
          }
        }),
        { numRuns: RUNS, endOnFailure: process.env.LEDGER_PROPERTY_SHRINK === '0' },
      );
    },
    LIMIT_MS,
  );

  it(
    'within the day being split when only daily costs are known (no hourly shape)',
    () => {
      // Prepaid, no rule, no expiry inside the window: only the split of the basis day is uncertain.
      const arb = caseArb({ modes: ['prepaid'] }).map((c) => ({
        ...c,
        billing: { ...c.billing, reload: null },
        entries: c.entries.filter((e) => e.kind !== 'grant' && !(e.kind === 'purchase' && e.expiresAtMs)),
      }));
      fc.assert(
        fc.property(arb, fc.integer({ min: 0, max: H - 1 }), (c, jitter) => {
          // Move the basis off the hour so the product has to split an hour as well as a day.
          // Only an entry alone in its hour and before now's hour, so the order of entries stays the same.
          const first = c.entries[0];
          const canMove =
            first && first.atMs < c.nowMs && !c.entries.some((e, i) => i > 0 && e.atMs === first.atMs);
          const entries = c.entries.map((e, i) => (i === 0 && canMove ? { ...e, atMs: e.atMs + jitter } : e));
          const moved = { ...c, entries }; // an entry before now stays before now (now is on the hour)
          const truth = oracleReplay({ ...moved, entries: c.entries }).balance;
          const est = product(moved, { withShape: false }).state.estimate;
          if (!est || truth === null) return;
          const basisDay = Math.floor(est.basis.atMs / DAY) * DAY;
          const { costs } = productInputs(moved);
          const dayCost = costs.find((d) => d.dayStartMs === basisDay)?.micros ?? 0;
          // The reference keeps the moved entry on the hour: that hour's cost is also in doubt.
          const hourCost = c.entries[0] ? (c.hourly[(c.entries[0].atMs - c.startMs) / H] ?? 0) : 0;
          expect(Math.abs(est.estimateMicros - truth)).toBeLessThanOrEqual(dayCost + hourCost);
          // A basis well inside a day with real spend carries a stated uncertainty.
          const isInside = est.basis.atMs - basisDay >= H && basisDay + DAY - est.basis.atMs >= H;
          if (isInside && dayCost >= 1_000_000 && est.basis.atMs < c.nowMs - H)
            expect(est.sdMicros).toBeGreaterThan(0);
          expect(est.lowMicros).toBeLessThanOrEqual(est.estimateMicros);
          expect(est.highMicros).toBeGreaterThanOrEqual(est.estimateMicros);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    },
    LIMIT_MS,
  );
});

describe('ledger invariants', () => {
  const runs = Math.ceil(RUNS / 4);

  it(
    'an observation resets the estimate to itself at its instant',
    () => {
      fc.assert(
        fc.property(
          caseArb(),
          fc.integer({ min: 0, max: DAY - 1 }),
          fc.integer({ min: -1e9, max: 1e9 }),
          (c, off, v) => {
            const atMs = Math.min(c.nowMs, c.startMs + off);
            const obs: LedgerEntry = { id: 'seen', kind: 'observation', atMs, balanceMicros: v, note: '' };
            const est = product({ ...c, entries: [...c.entries, obs] }, { atMs }).state.estimate!;
            expect(est.estimateMicros).toBe(v);
            expect(est.basis.observationId).toBe('seen');
          },
        ),
        { numRuns: runs },
      );
    },
    LIMIT_MS,
  );

  it(
    'a purchase never lowers the balance (net of predicted reloads) nor raises the card charge',
    () => {
      fc.assert(
        fc.property(caseArb(), fc.nat(), fc.integer({ min: 1, max: 1e9 }), (c, pick, micros) => {
          const before = product(c);
          const facts = c.entries.filter((e) => e.kind !== 'card-charge' && e.atMs <= c.nowMs);
          const firstFact = Math.min(c.nowMs, ...facts.map((e) => e.atMs));
          // From the ledger's first fact on (a purchase before it moves the start back: see docs/ledger-and-forecast.md).
          const hours = Math.max(1, (c.nowMs - firstFact) / H);
          const atMs = firstFact + (pick % hours) * H;
          if (atMs > c.nowMs || (c.billing.mode === 'prepaid' && !before.state.estimate)) return;
          const p: LedgerEntry = { id: 'more', kind: 'purchase', atMs, micros, expiresAtMs: null, note: '' };
          const after = product({ ...c, entries: [...c.entries, p] });
          if (before.state.estimate)
            expect(net(after.state.estimate!)).toBeGreaterThanOrEqual(net(before.state.estimate));
          if (before.split) expect(after.split!.cardMicros).toBeLessThanOrEqual(before.split.cardMicros);
        }),
        { numRuns: runs },
      );
    },
    LIMIT_MS,
  );

  it(
    'more spend never raises the balance (net of predicted reloads) nor lowers the card charge',
    () => {
      fc.assert(
        fc.property(caseArb(), fc.nat(), fc.integer({ min: 1, max: 1e8 }), (c, pick, extra) => {
          const hourly = [...c.hourly];
          const i = pick % Math.max(1, (c.nowMs - c.startMs) / H);
          hourly[i] = hourly[i]! + extra;
          const before = product(c);
          const after = product({ ...c, hourly });
          if (before.state.estimate)
            expect(net(after.state.estimate!)).toBeLessThanOrEqual(net(before.state.estimate));
          if (before.split) expect(after.split!.cardMicros).toBeGreaterThanOrEqual(before.split.cardMicros);
        }),
        { numRuns: runs },
      );
    },
    LIMIT_MS,
  );
});
