/**
 * Restore as a merge, pure: what a backup adds to the current data, and what it disagrees with. Nothing the
 * user typed is replaced: new organizations are added; ledgers are merged by entry id (an entry with the same
 * id but other content is a conflict and the current one stays); a differing billing rule or setting is a
 * conflict too, unless the current value is still the untouched default. Restoring the same file again
 * finds nothing to do.
 *
 * Example: current ledger [a, b], backup [b, c] (b identical) → add c; backup [b′] (b changed) → conflict, keep b.
 * Conversion rates merge by currency the same way: a currency without a rate here takes the backup's.
 */
import type { LedgerEntry, LedgerFile } from '../ledger-schema';
import { LEDGER_VERSION, LedgerFileSchema } from '../ledger-schema';
import { SettingsSchema, type Org, type Settings } from '../schemas';
import { SETTINGS_VERSION } from '../settings-upgrade';
import type { Backup } from './backup-file';

export interface RestoreConflict {
  orgId: string | null;
  orgName: string | null;
  /** Plain words: what differs and what was kept. */
  message: string;
}

export interface LedgerChange {
  org: Org;
  next: LedgerFile;
  addedEntries: number;
  billingTaken: boolean;
}

export interface RestorePlan {
  nextSettings: Settings;
  settingsChanged: boolean;
  orgsAdded: Org[];
  ledgers: LedgerChange[];
  conflicts: RestoreConflict[];
  /** False when the data already holds everything in the backup: a restore then writes nothing. */
  hasChanges: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const EMPTY_LEDGER = (): LedgerFile => LedgerFileSchema.parse({ version: LEDGER_VERSION });

/** Plans the merge of `backup` into the current settings and ledgers (absent ledger = empty). */
export function planRestore(
  current: { settings: Settings; ledgers: ReadonlyMap<string, LedgerFile> },
  backup: Backup,
): RestorePlan {
  const conflicts: RestoreConflict[] = [];
  const defaults = SettingsSchema.parse({ version: SETTINGS_VERSION });
  const s = current.settings;
  const next: Settings = { ...s, orgs: [...s.orgs] };
  for (const key of ['syncCron', 'backfillDays', 'timeZone'] as const) {
    const theirs = backup.settings[key];
    if (same(s[key], theirs)) continue;
    if (same(s[key], defaults[key])) (next as Record<string, unknown>)[key] = theirs;
    else
      conflicts.push({
        orgId: null,
        orgName: null,
        message: `Setting ${key}: this machine has ${JSON.stringify(s[key])}, the backup ${JSON.stringify(theirs)}; kept ${JSON.stringify(s[key])}.`,
      });
  }

  const rates = [...s.conversionRates];
  for (const theirs of backup.settings.conversionRates) {
    const mine = rates.find((r) => r.currency === theirs.currency);
    if (!mine) rates.push(theirs);
    else if (mine.usdPerUnit !== theirs.usdPerUnit)
      conflicts.push({
        orgId: null,
        orgName: null,
        message: `Conversion rate of ${theirs.currency}: this machine has ${mine.usdPerUnit} USD, the backup ${theirs.usdPerUnit} USD; kept ${mine.usdPerUnit} USD.`,
      });
  }
  if (rates.length <= 20) next.conversionRates = rates;
  else
    conflicts.push({
      orgId: null,
      orgName: null,
      message: `The backup's conversion rates would make more than 20; kept this machine's ${s.conversionRates.length}.`,
    });

  const orgsAdded: Org[] = [];
  const ledgers: LedgerChange[] = [];
  for (const { org, ledger } of backup.orgs) {
    const mine = s.orgs.find((o) => o.id === org.id);
    if (!mine) orgsAdded.push(org);
    else if (!same(mine, org))
      conflicts.push({
        orgId: org.id,
        orgName: mine.name,
        message: `Organization ${org.id} is "${mine.name}" here and "${org.name}" in the backup (or its address differs); kept this machine's.`,
      });
    const name = mine?.name ?? org.name;
    const have = current.ledgers.get(org.id) ?? EMPTY_LEDGER();
    const byId = new Map(have.entries.map((e) => [e.id, e]));
    const added: LedgerEntry[] = [];
    for (const entry of ledger.entries) {
      const existing = byId.get(entry.id);
      if (!existing) added.push(entry);
      else if (!same(existing, entry))
        conflicts.push({
          orgId: org.id,
          orgName: name,
          message: `Ledger entry ${entry.id} (${entry.kind}) differs from the backup's; kept this machine's.`,
        });
    }
    // A new organization, or one whose billing rule was never set here, takes the backup's rule.
    const isUntouched = same(have.billing, EMPTY_LEDGER().billing) && have.entries.length === 0;
    let billing = have.billing;
    let billingTaken = false;
    if (!same(have.billing, ledger.billing)) {
      if (!mine || isUntouched) {
        billing = ledger.billing;
        billingTaken = true;
      } else
        conflicts.push({
          orgId: org.id,
          orgName: name,
          message: `The billing rule differs from the backup's; kept this machine's.`,
        });
    }
    if (added.length > 0 || billingTaken)
      ledgers.push({
        org: mine ?? org,
        next: { ...have, billing, entries: [...have.entries, ...added] },
        addedEntries: added.length,
        billingTaken,
      });
  }
  next.orgs = [...s.orgs, ...orgsAdded];
  const selected = backup.settings.selectedOrgId;
  if (next.selectedOrgId === null && selected !== null && next.orgs.some((o) => o.id === selected))
    next.selectedOrgId = selected;
  const settingsChanged = !same(next, s);
  return {
    nextSettings: next,
    settingsChanged,
    orgsAdded,
    ledgers,
    conflicts,
    hasChanges: settingsChanged || ledgers.length > 0,
  };
}
