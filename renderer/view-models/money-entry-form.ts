/**
 * The "add to the ledger" forms (balance, purchase, grant, reload, card charge): typed fields → a ledger entry
 * (without its id, which the caller picks), or a message per field.
 */
import { entryProblem, type EntryField } from '@core/ledger-entry-rules';
import type { LedgerEntry } from '@core/ledger-schema';
import { parseMoneyInput } from '@core/money-input';
import { parseLocalDateTime } from './money-input';

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

/** A parsed entry, or the message and the field it belongs to. */
export type ParsedEntry = { ok: true; value: EntryDraft } | { ok: false; error: string; field: EntryField };

/**
 * Parses the fields with the server's own rules (`entryProblem`): the time must not be in the future (what
 * is recorded already happened) and credit must expire after it was added.
 *
 * Example: `{ kind: 'observation', amount: '-1.20', at: '2026-11-24T10:00', … }` → an observation of −$1.20;
 * `{ kind: 'purchase', amount: '12,50', … }` → `{ ok: false, field: 'amount', error: 'Amount: use a point … }`.
 */
export function parseEntryForm(
  f: EntryFormFields,
  options: { timeZone: string | undefined; nowMs: number; currency?: string },
): ParsedEntry {
  const draft = parseFields(f, options.timeZone, options.currency ?? 'USD');
  if (!draft.ok) return draft;
  const problem = entryProblem(draft.value, options.nowMs);
  return problem ? { ok: false, error: problem.message, field: problem.field } : draft;
}

function parseFields(f: EntryFormFields, timeZone: string | undefined, currency: string): ParsedEntry {
  const isObservation = f.kind === 'observation';
  const amount = parseMoneyInput(f.amount, {
    label: isObservation ? 'Balance' : 'Amount',
    allowNegative: isObservation, // the balance can go briefly negative
    allowZero: isObservation,
    currency,
  });
  if (!amount.ok) return { ...amount, field: 'amount' };
  const at = parseLocalDateTime(f.at, timeZone, 'When');
  if (!at.ok) return { ...at, field: 'at' };
  const note = f.note.trim();
  if (note.length > 500) return { ok: false, error: 'Note: keep it under 500 characters.', field: 'note' };
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
        if (f.kind === 'grant')
          return { ok: false, error: 'Expires: a grant needs its expiry date.', field: 'expires' };
        return { ok: true, value: { kind: 'purchase', atMs, micros: amount.value, expiresAtMs: null, note } };
      }
      const expires = parseLocalDateTime(f.expires, timeZone, 'Expires');
      if (!expires.ok) return { ...expires, field: 'expires' };
      return f.kind === 'grant'
        ? { ok: true, value: { kind: 'grant', atMs, micros: amount.value, expiresAtMs: expires.value, note } }
        : {
            ok: true,
            value: { kind: 'purchase', atMs, micros: amount.value, expiresAtMs: expires.value, note },
          };
    }
  }
}
