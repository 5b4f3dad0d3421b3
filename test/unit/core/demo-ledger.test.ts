import { describe, expect, it } from 'vitest';
import { demoLedger } from '@core/demo-ledger';
import { LedgerFileSchema } from '@core/ledger-schema';
import { purchaseExpiryMs } from '@core/lot-order';
import { DAY_MS } from '@core/time';

describe('demo ledgers', () => {
  it('tell the same story relative to any instant: a purchase about to expire, a grant, a balance, a rule', () => {
    for (const now of [
      Date.UTC(2026, 10, 18, 15, 20),
      Date.UTC(2028, 1, 29, 12),
      Date.UTC(2026, 11, 31, 23, 50),
    ]) {
      const l = LedgerFileSchema.parse(demoLedger('company', now));
      const purchase = l.entries.find((e) => e.kind === 'purchase')!;
      expect(purchase.micros).toBe(1_000_000_000);
      const expiresIn = (purchaseExpiryMs(purchase.atMs) - now) / DAY_MS;
      expect(expiresIn).toBeGreaterThan(10);
      expect(expiresIn).toBeLessThan(14);
      expect(l.entries.map((e) => e.kind).sort()).toEqual(['grant', 'observation', 'purchase']);
      expect(l.entries.every((e) => e.atMs < now)).toBe(true);
      expect(l.billing.reload).toMatchObject({
        enabled: true,
        thresholdMicros: 10_000_000,
        action: { kind: 'restore-to', targetMicros: 50_000_000 },
      });
      const personal = LedgerFileSchema.parse(demoLedger('personal', now));
      expect([personal.billing.mode, personal.entries]).toEqual(['monthly', []]);
    }
  });
});
