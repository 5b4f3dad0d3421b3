/**
 * What a restore refuses beyond the backup's shape, by the same rules the app's own forms and API apply:
 * a built-in demo is not an account to restore, every ledger entry must pass the entry rules (it already
 * happened, credit expires after it was added), and every reload rule the "charged again and again" check.
 * Ranges (dates 2015–2200, zones, names, http(s) addresses) are in the schemas the backup is parsed with.
 *
 * Example: a backup whose grant was added 2026-11-24 and expires 2026-11-01 → "… "Acme", entry g1: Expires:
 * must be after the date the credit was added. Nothing was changed."
 */
import { entryProblem } from '../ledger-entry-rules';
import { accountCurrency } from '../providers';
import { reloadRuleProblem } from '../reload-rule-check';
import { BackupInputError, type Backup } from './backup-file';

/** Throws BackupInputError (nothing changed) when the backup holds a value the app itself would refuse. */
export function assertRestorable(backup: Backup, nowMs: number): void {
  const refuse = (what: string) => {
    throw new BackupInputError(`The backup cannot be restored: ${what} Nothing was changed.`);
  };
  for (const { org, ledger } of backup.orgs) {
    const name = JSON.stringify(org.name);
    if (org.kind === 'demo')
      refuse(`${name} is one of the built-in demos, not an account (start the demo from the welcome page).`);
    for (const entry of ledger.entries) {
      const problem = entryProblem(entry, nowMs);
      if (problem) refuse(`${name}, entry ${entry.id}: ${problem.message}`);
    }
    const ruleProblem = reloadRuleProblem(ledger.billing, 0, accountCurrency(org, null));
    if (ruleProblem) refuse(`${name}, auto-reload rule: ${ruleProblem}`);
  }
}
