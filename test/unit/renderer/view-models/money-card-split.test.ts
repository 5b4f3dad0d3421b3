import { describe, expect, it } from 'vitest';
import type { BalanceEstimate } from '@core/ledger-estimate';
import { formatUsd } from '@core/money';
import { buildBalanceView } from '../../../../renderer/view-models/money-balance';
import { buildCardSplitView } from '../../../../renderer/view-models/money-card-split';

const zone = { locale: 'en-US', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 10, 20, 12);
const split = {
  monthStartMs: Date.UTC(2026, 10, 1),
  chargeAtMs: Date.UTC(2026, 11, 1),
  cardMicros: 120_000_000,
  creditDrawnMicros: 110_000_000,
  creditLeftMicros: 390_000_000,
  hasCredit: true,
  creditSince: { atMs: Date.UTC(2026, 10, 13), kind: 'purchase' as const, micros: 500_000_000 },
};

describe('buildCardSplitView', () => {
  it('says what goes on the card and what the purchase covers', () => {
    const v = buildCardSplitView(split, { isInvoiced: false, zone, currency: 'USD', nowMs: NOW });
    expect(v.sentence).toBe(
      '$120.00 accrued before your purchase on Fri 13 Nov, 00:00 will be charged to your card on the 1st; ' +
        'usage since then draws your $500.00 credit ($390.00 left).',
    );
    expect([v.card, v.fromCredit, v.creditLeft, v.chargeAt]).toEqual([
      '$120.00',
      '$110.00',
      '$390.00',
      'Tue 1 Dec, 00:00',
    ]);
  });

  it('says when the credit ran out, and speaks of invoices for invoiced billing', () => {
    const v = buildCardSplitView(
      { ...split, creditLeftMicros: 0 },
      { isInvoiced: true, zone, currency: 'USD', nowMs: NOW },
    );
    expect(v.sentence).toContain('will be invoiced on the 1st');
    expect(v.sentence).toContain('until it ran out; usage after that is added to the charge');
  });

  it('without credit, all usage this month is on the card', () => {
    const v = buildCardSplitView(
      { ...split, creditDrawnMicros: 0, creditLeftMicros: 0, hasCredit: false, creditSince: null },
      { isInvoiced: false, zone, currency: 'USD', nowMs: NOW },
    );
    expect(v.sentence).toBe(
      'No credit recorded: all usage this month ($120.00 so far) will be charged to your card on the 1st.',
    );
  });
});

describe('balance figures near zero', () => {
  it('never shows "−$0.00": a part that rounds to zero carries no sign', () => {
    expect(formatUsd(-4_000)).toBe('$0.00');
    const b: BalanceEstimate = {
      asOfMs: 0,
      basis: { observationId: null, atMs: 0, balanceMicros: 0 },
      estimateMicros: -4_000,
      lowMicros: -4_000,
      highMicros: -4_000,
      sdMicros: 0,
      creditsAddedMicros: 500_000_000,
      settledCostMicros: 4_000,
      provisionalCostMicros: 10_000,
      expiredMicros: 0,
      predictedReloads: [],
      missingDays: [],
    };
    const v = buildBalanceView(b, 0, zone, 'monthly', 'USD');
    expect(v.settled).toBe('$0.00');
    expect(v.provisional).toBe('−$0.01');
    expect(v.start).toBe('$0.00');
    expect(v.title).toBe('How the credit left adds up');
  });
});
