/**
 * The balance ledger file (`ledger-<org>.json`): facts the user typed that the API cannot give —
 * observed balances, purchases, grants, confirmed reloads and card charges — plus the billing config.
 * Precious data: versioned, validated on load, upgraded by pure steps.
 *
 * Example entry: `{ id: 'obs-1', kind: 'observation', atMs: 1743465600000, balanceMicros: 42_500_000, note: 'billing page' }`.
 */
import { z } from 'zod';
import { BillingConfigSchema } from './billing';
import { SaneInstantSchema } from './sane-values';

const Id = z.string().min(1).max(64);
const At = SaneInstantSchema;
const Amount = z.number().int('amounts are whole micro-dollars').positive();
const Note = z.string().max(500).default('');

export const LedgerEntrySchema = z.discriminatedUnion('kind', [
  /** The balance shown on the billing page at a time (may be negative). */
  z.object({ id: Id, kind: z.literal('observation'), atMs: At, balanceMicros: z.number().int(), note: Note }),
  /** Credit bought by hand; expires one year after purchase unless stated. */
  z.object({
    id: Id,
    kind: z.literal('purchase'),
    atMs: At,
    micros: Amount,
    expiresAtMs: At.nullable().default(null),
    note: Note,
  }),
  /** Promotional / free credit with its own expiry; used before purchased credit. */
  z.object({ id: Id, kind: z.literal('grant'), atMs: At, micros: Amount, expiresAtMs: At, note: Note }),
  /** An auto-reload the user confirmed (a purchase made by the rule). */
  z.object({ id: Id, kind: z.literal('reload'), atMs: At, micros: Amount, note: Note }),
  /** A card charge or invoice for monthly billing (does not change the prepaid balance). */
  z.object({ id: Id, kind: z.literal('card-charge'), atMs: At, micros: Amount, note: Note }),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LEDGER_VERSION = 1;

export const LedgerFileSchema = z.object({
  version: z.literal(LEDGER_VERSION),
  billing: BillingConfigSchema.default({
    mode: 'prepaid',
    reload: null,
    hardLimitMicros: null,
    timeZone: 'UTC',
  }),
  entries: z.array(LedgerEntrySchema).default([]),
});
export type LedgerFile = z.infer<typeof LedgerFileSchema>;

/** Pure upgrade steps, `from version n` → n+1. Version 0 (unversioned) files held only `entries`. */
const UPGRADES: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: (raw) => ({ ...raw, version: 1 }),
};

/** Upgrades and validates a ledger file read from disk; throws with a clear message when it cannot. */
export function upgradeLedger(raw: unknown): LedgerFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('ledger file is not a JSON object');
  let data = raw as Record<string, unknown>;
  let version = data.version === undefined ? 0 : data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new Error(`ledger file has an invalid version: ${String(version)}`);
  }
  if (version > LEDGER_VERSION)
    throw new Error(`ledger file version ${version} is newer than this app understands (${LEDGER_VERSION})`);
  while (version < LEDGER_VERSION) {
    const step = UPGRADES[version];
    if (!step) throw new Error(`no upgrade from ledger version ${version}`);
    data = step(data);
    version += 1;
  }
  const parsed = LedgerFileSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `ledger file is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const ids = new Set<string>();
  for (const e of parsed.data.entries) {
    if (ids.has(e.id)) throw new Error(`ledger file has a duplicate entry id: ${e.id}`);
    ids.add(e.id);
  }
  return parsed.data;
}
