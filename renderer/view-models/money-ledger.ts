/**
 * Ledger entries as list rows: kind in words, time in the user's zone, signed amount, note.
 */
import type { LedgerEntry } from '@core/ledger-schema';
import { formatMoney } from '@core/money';
import { formatDateTime as formatOnPage, isoOf, type DisplayZone } from './format';

export type EntryKind = LedgerEntry['kind'];

/** What each entry kind is called in the UI. */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  observation: 'Balance recorded',
  purchase: 'Purchase',
  grant: 'Grant',
  reload: 'Auto-reload',
  'card-charge': 'Card charge',
};

export interface LedgerRow {
  id: string;
  kind: EntryKind;
  kindLabel: string;
  time: string;
  iso: string;
  amount: string;
  /** Expiry of a purchase or grant, or null. */
  detail: string | null;
  note: string;
}

/**
 * One row per entry, in the given order (the API sends newest first).
 *
 * Example: a $25 purchase → `{ kindLabel: 'Purchase', amount: '+$25.00', detail: 'expires in a year' }`.
 */
export function buildLedgerRows(
  entries: readonly LedgerEntry[],
  zone: DisplayZone,
  currency: string,
  /** With it, dates say their year when it is not the current one ("Fri 19 Dec 2025, 09:23"). */
  nowMs?: number,
): LedgerRow[] {
  const money = (micros: number) => formatMoney(micros, currency);
  // Without `nowMs` every date is taken as this year's (no year said); a date no Date can hold reads "an
  // unreadable date", never a throw.
  const formatDateTime = (ms: number, z: DisplayZone) => formatOnPage(ms, nowMs ?? ms, z);
  return entries.map((e) => {
    let amount: string;
    let detail: string | null = null;
    switch (e.kind) {
      case 'observation':
        amount = money(e.balanceMicros);
        break;
      case 'purchase':
        amount = `+${money(e.micros)}`;
        detail =
          e.expiresAtMs === null
            ? 'expires a year after purchase'
            : `expires ${formatDateTime(e.expiresAtMs, zone)}`;
        break;
      case 'grant':
        amount = `+${money(e.micros)}`;
        detail = `expires ${formatDateTime(e.expiresAtMs, zone)}`;
        break;
      case 'reload':
        amount = `+${money(e.micros)}`;
        break;
      case 'card-charge':
        amount = money(e.micros);
        detail = 'charged to the card';
        break;
    }
    return {
      id: e.id,
      kind: e.kind,
      kindLabel: ENTRY_KIND_LABELS[e.kind],
      time: formatDateTime(e.atMs, zone),
      iso: isoOf(e.atMs),
      amount,
      detail,
      note: e.note,
    };
  });
}
