import { describe, expect, it } from 'vitest';
import { demoLedger } from '@core/demo-ledger';
import { LedgerFileSchema } from '@core/ledger-schema';
import { DAY_MS } from '@core/time';

// $25 a day, spread evenly: $1,000 bought 60 days ago falls below $100 on day 36 and is restored to $500.
const evenSpend = (a: number, b: number) => Math.round(((b - a) / DAY_MS) * 25_000_000);

describe('demo ledgers', () => {
  it('tell the same story relative to any instant: a purchase, the reloads it led to, a balance, a grant, a rule', () => {
    for (const now of [
      Date.UTC(2026, 10, 18, 15, 20),
      Date.UTC(2028, 1, 29, 12),
      Date.UTC(2026, 11, 31, 23, 50),
    ]) {
      const l = LedgerFileSchema.parse(demoLedger('company', now, evenSpend));
      const purchase = l.entries.find((e) => e.kind === 'purchase')!;
      expect(purchase.micros).toBe(1_000_000_000);
      expect((now - purchase.atMs) / DAY_MS).toBe(60);
      const reloads = l.entries.filter((e) => e.kind === 'reload');
      // 60 days × $25 = $1,500 spent: $1,000 → below $100 after 36 days (+$400), again 16 days later (+$400).
      expect(reloads.map((r) => Math.round((r.atMs - purchase.atMs) / DAY_MS))).toEqual([36, 52]);
      for (const r of reloads)
        expect(r.kind === 'reload' && Math.abs(r.micros - 400_000_000)).toBeLessThan(1_100_000);
      const observed = l.entries.find((e) => e.kind === 'observation')!;
      // Observed 3 days 2 hours ago: $1,000 plus the reloads before it less the spend since, to the cent.
      const spent = evenSpend(purchase.atMs, observed.atMs);
      const added = reloads.reduce((s, r) => s + (r.kind === 'reload' ? r.micros : 0), 0);
      expect(observed.kind === 'observation' && observed.balanceMicros).toBe(
        Math.round((1_000_000_000 + added - spent) / 10_000) * 10_000,
      );
      expect(l.entries.every((e) => e.atMs < now)).toBe(true);
      expect(l.billing.reload).toMatchObject({
        enabled: true,
        thresholdMicros: 100_000_000,
        action: { kind: 'restore-to', targetMicros: 500_000_000 },
      });
      const personal = LedgerFileSchema.parse(demoLedger('personal', now, evenSpend));
      expect([personal.billing.mode, personal.entries]).toEqual(['monthly', []]);
    }
  });
});
