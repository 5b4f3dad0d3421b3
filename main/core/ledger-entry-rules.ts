/**
 * What makes a new ledger entry acceptable beyond its shape: it already happened, and credit expires after
 * it was added. The server refuses a breaking entry with the message; the form shows it at the field.
 * Messages start with the field's label ("When:", "Expires:") so a form can place a server refusal too.
 *
 * Example: a grant added 2026-11-24 that expires 2026-11-01 → `{ field: 'expires', message: 'Expires: must be
 * after the date the credit was added.' }`.
 */
import type { LedgerEntry } from './ledger-schema';
import { MINUTE_MS } from './time';

export type EntryField = 'amount' | 'at' | 'expires' | 'note';
export interface EntryProblem {
  field: EntryField;
  message: string;
}
type NewEntry = LedgerEntry extends infer E ? (E extends LedgerEntry ? Omit<E, 'id'> : never) : never;

/** Clock difference allowed between the machine that typed "now" and the one that checks it. */
export const FUTURE_SLACK_MS = 5 * MINUTE_MS;

/** The first problem with a new entry at `nowMs`, or null. */
export function entryProblem(entry: NewEntry, nowMs: number): EntryProblem | null {
  if (entry.atMs > nowMs + FUTURE_SLACK_MS) {
    return { field: 'at', message: 'When: that time is in the future — record what already happened.' };
  }
  if ((entry.kind === 'purchase' || entry.kind === 'grant') && entry.expiresAtMs !== null) {
    if (entry.expiresAtMs <= entry.atMs)
      return { field: 'expires', message: 'Expires: must be after the date the credit was added.' };
  }
  return null;
}

/** Which field a message from `entryProblem` (or the form's own parser) belongs to, by its label. */
export function fieldOfMessage(message: string): EntryField | null {
  if (message.startsWith('When:')) return 'at';
  if (message.startsWith('Expires:')) return 'expires';
  if (message.startsWith('Amount') || message.startsWith('Balance')) return 'amount';
  if (message.startsWith('Note:')) return 'note';
  return null;
}
