/**
 * Demo accounts are never restored: the demo lives in its own folder and seeds its own accounts, so a
 * backup's demo accounts would only duplicate them (ten demo accounts after one restore) or put demo money
 * beside real money. Pure.
 *
 * Example: a backup of "Demo organization" (demo) and "Acme" (openai) → restores Acme; leaves out one.
 */
import type { Backup } from './backup-file';

/** The backup without its demo accounts, and the names of those left out. */
export function withoutDemoAccounts(backup: Backup): { backup: Backup; leftOut: string[] } {
  const leftOut = backup.orgs.filter((o) => o.org.kind === 'demo').map((o) => o.org.name);
  if (leftOut.length === 0) return { backup, leftOut };
  const orgs = backup.orgs.filter((o) => o.org.kind !== 'demo');
  const selected = orgs.some((o) => o.org.id === backup.settings.selectedOrgId)
    ? backup.settings.selectedOrgId
    : null;
  return { backup: { ...backup, orgs, settings: { ...backup.settings, selectedOrgId: selected } }, leftOut };
}
