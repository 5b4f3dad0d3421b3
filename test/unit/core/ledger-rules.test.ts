// The ledger rules written in docs/ledger-and-forecast.md, one worked example each.
import { describe, expect, it } from 'vitest';
import { cardSplit } from '@core/card-split';
import { estimateBalance, ledgerState } from '@core/ledger-estimate';
import type { LedgerEntry, LedgerFile } from '@core/ledger-schema';

const D = (iso: string): number => Date.parse(iso);
const usd = (x: number): number => Math.round(x * 1e6);
/** $`perDay` on every UTC day from `from` (inclusive) to `to` (exclusive). */
const daily = (from: string, to: string, perDay: number) => {
  const out = [];
  for (let t = D(`${from}T00:00:00Z`); t < D(`${to}T00:00:00Z`); t += 86_400_000)
    out.push({ dayStartMs: t, micros: usd(perDay) });
  return out;
};
const file = (entries: LedgerEntry[], mode: LedgerFile['billing']['mode'] = 'prepaid'): LedgerFile => ({
  version: 1,
  billing: { mode, reload: null, hardLimitMicros: null, timeZone: 'UTC' },
  entries,
});
const purchase = (id: string, iso: string, dollars: number): LedgerEntry => ({
  id,
  kind: 'purchase',
  atMs: D(iso),
  micros: usd(dollars),
  expiresAtMs: null,
  note: '',
});
const obs = (id: string, iso: string, dollars: number): LedgerEntry => ({
  id,
  kind: 'observation',
  atMs: D(iso),
  balanceMicros: usd(dollars),
  note: '',
});

describe('credit counts from its own instant', () => {
  it('a $1,000 purchase 12 days ago with no recorded balance: $1,000 minus the spend since', () => {
    const costs = daily('2026-11-01', '2026-11-25', 20); // today's partial bucket included
    const now = D('2026-11-24T12:00:00Z');
    const e = estimateBalance(file([purchase('p', '2026-11-12T00:00:00Z', 1000)]), costs, now);
    // 12 finished days of $20, and today's $20 bucket spread over the 12 hours that have passed.
    expect(e.estimateMicros).toBe(usd(1000 - 12 * 20 - 20));
    expect(e.creditsAddedMicros).toBe(usd(1000));
    expect(e.basis).toEqual({ observationId: null, atMs: D('2026-11-12T00:00:00Z'), balanceMicros: 0 });
  });

  it('spend before the first credit is not the ledger’s; a later credit adds to what is left', () => {
    const costs = daily('2026-11-01', '2026-11-25', 20);
    const e = estimateBalance(
      file([purchase('a', '2026-11-10T00:00:00Z', 100), purchase('b', '2026-11-20T00:00:00Z', 50)]),
      costs,
      D('2026-11-24T00:00:00Z'),
    );
    // $100 − 10 days × $20 = −$100 by 20 Nov (briefly negative), + $50, − 4 × $20 = −$130.
    expect(e.estimateMicros).toBe(usd(-130));
  });
});

describe('a recorded balance', () => {
  it('fills the lots from the back of the drawing order: what is left is what is drawn last', () => {
    const grant: LedgerEntry = {
      id: 'g',
      kind: 'grant',
      atMs: D('2026-11-01T00:00:00Z'),
      micros: usd(10),
      expiresAtMs: D('2026-12-31T00:00:00Z'),
      note: '',
    };
    const ledger = file([
      grant,
      purchase('p', '2026-11-01T00:00:00Z', 50),
      obs('o', '2026-11-05T00:00:00Z', 55),
    ]);
    const state = ledgerState(ledger, [], D('2026-11-05T00:00:00Z'));
    expect(state.estimate!.estimateMicros).toBe(usd(55));
    expect(state.lots.map((l) => [l.id, l.remainingMicros])).toEqual([
      ['g', usd(5)],
      ['p', usd(50)],
    ]);
    const more = ledgerState(
      { ...ledger, entries: [...ledger.entries, obs('o2', '2026-11-06T00:00:00Z', 70)] },
      [],
      D('2026-11-06T00:00:00Z'),
    );
    expect(more.lots.map((l) => [l.id, l.remainingMicros])).toEqual([
      ['g', usd(10)],
      ['p', usd(50)],
      ['o2:unrecorded', usd(10)],
    ]);
  });
});

describe('monthly billing with credit', () => {
  const now = D('2026-11-24T00:00:00Z');
  const costs = daily('2026-10-20', '2026-11-24', 10);

  it('usage before a mid-month purchase stays on the card; usage after draws the credit', () => {
    const ledger = file([purchase('p', '2026-11-13T00:00:00Z', 500)], 'monthly');
    const state = ledgerState(ledger, costs, now);
    const split = cardSplit(ledger, state, now)!;
    expect(split.cardMicros).toBe(usd(120)); // 1–12 Nov
    expect(split.creditDrawnMicros).toBe(usd(110)); // 13–23 Nov
    expect(split.creditLeftMicros).toBe(usd(390));
    expect(split.creditSince).toEqual({
      atMs: D('2026-11-13T00:00:00Z'),
      kind: 'purchase',
      micros: usd(500),
    });
    expect(split.chargeAtMs).toBe(D('2026-12-01T00:00:00Z'));
    expect(state.estimate!.estimateMicros).toBe(usd(390));
  });

  it('a recorded balance is credit from its instant: the month before it is on the card', () => {
    const ledger = file([obs('o', '2026-11-10T00:00:00Z', 300)], 'monthly');
    const state = ledgerState(ledger, costs, now);
    const split = cardSplit(ledger, state, now)!;
    expect(split.cardMicros).toBe(usd(90));
    expect(split.creditLeftMicros).toBe(usd(300 - 140));
    expect(split.creditSince?.kind).toBe('observation');
  });

  it('usage after the credit runs out goes on the card too; the credit never goes below zero', () => {
    const ledger = file([purchase('p', '2026-11-05T00:00:00Z', 50)], 'monthly');
    const state = ledgerState(ledger, costs, now);
    const split = cardSplit(ledger, state, now)!;
    expect(split.cardMicros).toBe(usd(40 + 140)); // 1–4 Nov, then 10–23 Nov
    expect(split.creditDrawnMicros).toBe(usd(50));
    expect(state.estimate!.estimateMicros).toBe(0);
  });

  it('a lone purchase just made: all of the month so far on the card, the credit untouched', () => {
    const ledger = file([purchase('p', '2026-11-24T00:00:00Z', 500)], 'monthly');
    const state = ledgerState(ledger, costs, now);
    expect(state.estimate!.estimateMicros).toBe(usd(500));
    expect(cardSplit(ledger, state, now)!.cardMicros).toBe(usd(230));
  });

  it('no credit at all: the whole month so far is on the card', () => {
    const ledger = file([], 'invoiced');
    const state = ledgerState(ledger, costs, now);
    expect(state.estimate).toBeNull();
    expect(cardSplit(ledger, state, now)).toMatchObject({ cardMicros: usd(230), creditSince: null });
  });
});
