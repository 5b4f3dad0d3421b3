/**
 * Duplicate entry ids in a loaded ledger (a hand edit, an old bug): identical copies are merged into
 * one; differing entries that share an id are all kept, the later ones under a new id, so nothing the
 * user typed is dropped. Each change is described in words.
 *
 * Example: entries `[a, a, a']` (a' differs from a) → `[a, a'(id "a~2")]`, notes:
 * `["1 identical copy of entry a was merged.", "Entry a appeared with different contents; the other version is kept as a~2."]`.
 */
import type { LedgerEntry, LedgerFile } from './ledger-schema';

/** Merges identical duplicates and renames differing ones; `notes` is empty when nothing changed. */
export function dedupeLedgerEntries(ledger: LedgerFile): { data: LedgerFile; notes: string[] } {
  const byId = new Map<string, LedgerEntry[]>();
  const ids = new Set(ledger.entries.map((e) => e.id));
  const out: LedgerEntry[] = [];
  const merged = new Map<string, number>();
  const notes: string[] = [];
  for (const e of ledger.entries) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, [e]);
      out.push(e);
      continue;
    }
    if (seen.some((s) => sameEntry(s, e))) {
      merged.set(e.id, (merged.get(e.id) ?? 0) + 1);
      continue;
    }
    let n = seen.length + 1;
    let id = `${e.id.slice(0, 60)}~${n}`;
    while (ids.has(id)) id = `${e.id.slice(0, 60)}~${++n}`;
    ids.add(id);
    seen.push(e);
    out.push({ ...e, id });
    notes.push(`Entry ${e.id} appeared with different contents; the other version is kept as ${id}.`);
  }
  for (const [id, count] of merged)
    notes.unshift(
      `${count} identical ${count === 1 ? 'copy' : 'copies'} of entry ${id} ${count === 1 ? 'was' : 'were'} merged.`,
    );
  return notes.length ? { data: { ...ledger, entries: out }, notes } : { data: ledger, notes };
}

/** Whether two entries say the same thing (same fields and values). */
export function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return canonical(a) === canonical(b);
}

function canonical(e: LedgerEntry): string {
  const record = e as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
