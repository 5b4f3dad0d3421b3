// A ledger entry whose dates no `Date` can hold (the stores bring such dates into range when they load a
// file, but the page must not depend on that) is listed with its dates said to be unreadable, never a throw.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@core/ledger-schema';
import { buildLedgerRows } from '../../../../renderer/view-models/money-ledger';

const ZONE = { locale: 'en-US', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 10, 18, 15, 20);
const BEYOND = 9e15; // past the largest instant a Date holds (8.64e15 ms)

const ENTRIES: LedgerEntry[] = [
  { id: 'far', kind: 'purchase', atMs: NOW - 86_400_000, micros: 5_000_000, expiresAtMs: BEYOND, note: '' },
  { id: 'farther', kind: 'grant', atMs: BEYOND, micros: 1_000_000, expiresAtMs: 9.1e15, note: '' },
];

describe('ledger rows of dates beyond what a Date can hold', () => {
  for (const nowMs of [NOW, undefined]) {
    it(`say the date is unreadable and keep the entry (${nowMs === undefined ? 'short' : 'word'} dates)`, () => {
      const rows = buildLedgerRows(ENTRIES, ZONE, 'USD', nowMs);
      expect(rows.map((r) => r.id)).toEqual(['far', 'farther']);
      expect(rows[0]!.time).not.toContain('unreadable');
      expect(rows[0]!.detail).toBe('expires an unreadable date');
      expect(rows[1]!.time).toBe('an unreadable date');
      expect(rows[1]!.iso).toBe('');
      expect(rows[1]!.detail).toBe('expires an unreadable date');
      expect(rows[1]!.amount).toBe('+$1.00');
    });
  }
});
