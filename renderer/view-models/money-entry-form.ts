/**
 * The "add to the ledger" forms (balance, purchase, grant, reload, card charge): typed fields → a ledger entry
 * (without its id, which the caller picks), or a message per field.
 */
import type { LedgerEntry } from '@core/ledger-schema';
import { parseLocalDateTime, parseUsdInput, type Parsed } from './money-input';

export type EntryFormKind = LedgerEntry['kind'];
export type EntryDraft = LedgerEntry extends infer E
  ? E extends LedgerEntry
    ? Omit<E, 'id'>
    : never
  : never;

export interface EntryFormFields {
  kind: EntryFormKind;
  amount: string;
  /** `datetime-local` value in the user's zone. */
  at: string;
  /** Purchases (optional: blank = a year after purchase) and grants (required). */
  expires: string;
  note: string;
}

/**
 * Parses the fields; the time must not be in the future (what is recorded already happened).
 *
 * Example: `{ kind: 'observation', amount: '-1.20', at: '2026-11-24T10:00', … }` → an observation of −$1.20.
 */
export function parseEntryForm(
  f: EntryFormFields,
  options: { timeZone: string | undefined; nowMs: number },
): Parsed<EntryDraft> {
  const isObservation = f.kind === 'observation';
  const amount = parseUsdInput(f.amount, {
    label: isObservation ? 'Balance' : 'Amount',
    allowNegative: isObservation, // the balance can go briefly negative
    allowZero: isObservation,
  });
  if (!amount.ok) return amount;
  const at = parseLocalDateTime(f.at, options.timeZone, 'When');
  if (!at.ok) return at;
  // A minute of slack: "now" in the form is rounded down to the minute, clocks differ slightly.
  if (at.value > options.nowMs + 60_000) return { ok: false, error: 'When: that time is in the future.' };
  const note = f.note.trim();
  if (note.length > 500) return { ok: false, error: 'Note: keep it under 500 characters.' };
  const atMs = at.value;
  switch (f.kind) {
    case 'observation':
      return { ok: true, value: { kind: 'observation', atMs, balanceMicros: amount.value, note } };
    case 'reload':
    case 'card-charge':
      return { ok: true, value: { kind: f.kind, atMs, micros: amount.value, note } };
    case 'purchase':
    case 'grant': {
      if (f.expires.trim() === '') {
        if (f.kind === 'grant') return { ok: false, error: 'Expires: a grant needs its expiry date.' };
        return { ok: true, value: { kind: 'purchase', atMs, micros: amount.value, expiresAtMs: null, note } };
      }
      const expires = parseLocalDateTime(f.expires, options.timeZone, 'Expires');
      if (!expires.ok) return expires;
      if (expires.value <= atMs) return { ok: false, error: 'Expires: must be after the date it was added.' };
      return f.kind === 'grant'
        ? { ok: true, value: { kind: 'grant', atMs, micros: amount.value, expiresAtMs: expires.value, note } }
        : {
            ok: true,
            value: { kind: 'purchase', atMs, micros: amount.value, expiresAtMs: expires.value, note },
          };
    }
  }
}
