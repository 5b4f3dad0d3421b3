/**
 * What a restore may never bring in: organizations under the ids the app reserves for itself, and
 * addresses nobody typed on this machine. A backup's checksum only detects accidents (anyone can write a
 * file with a matching checksum), so a backup is treated as untrusted input for where keys are sent.
 *
 * Example: a backup holding `org_environmentkey` with `baseUrl: "https://evil.example"` → that
 * organization is left out (its ledger merges into this machine's own one, if there is one); a backup
 * holding a new account at `https://proxy.example/v1` → it is added with `addressToConfirm: true`.
 */
import type { LedgerFile } from '../ledger-schema';
import type { Org } from '../schemas';
import type { Backup } from './backup-file';
import type { RestoreConflict, RestorePlan } from './restore-plan';

/** Id of the org whose key comes from the OPENAI_ADMIN_KEY environment variable (Node host). */
export const ENV_ORG_ID = 'org_environmentkey';

/** Ids the app gives out itself: a backup can never create or reshape these organizations. */
export const RESERVED_ORG_IDS: readonly string[] = [ENV_ORG_ID];

/** Whether `orgId` is one the app reserves. */
export function isReservedOrgId(orgId: string): boolean {
  return RESERVED_ORG_IDS.includes(orgId);
}

/**
 * The backup without reserved organizations. A reserved org that exists here keeps this machine's own
 * record (address, provider, name) and only its ledger is merged; one that does not exist here is left
 * out, with a line saying so.
 */
export function withoutReservedOrgs(
  backup: Backup,
  currentOrgs: readonly Org[],
): { backup: Backup; conflicts: RestoreConflict[] } {
  const conflicts: RestoreConflict[] = [];
  const orgs: { org: Org; ledger: LedgerFile }[] = [];
  for (const item of backup.orgs) {
    if (!isReservedOrgId(item.org.id)) {
      orgs.push(item);
      continue;
    }
    const mine = currentOrgs.find((o) => o.id === item.org.id);
    if (mine) orgs.push({ org: mine, ledger: item.ledger });
    else
      conflicts.push({
        orgId: item.org.id,
        orgName: item.org.name,
        message:
          'This account uses the key given in OPENAI_ADMIN_KEY, which this machine has not been started with; it was not restored. Start Creditwatch with OPENAI_ADMIN_KEY set, then restore again to bring back its ledger.',
      });
  }
  return { backup: { ...backup, orgs }, conflicts };
}

/**
 * The plan with every organization it adds that carries its own address marked `addressToConfirm`:
 * no key is paired with an address from a file until the user confirms it.
 */
export function holdRestoredAddresses(plan: RestorePlan): RestorePlan {
  const hold = (org: Org): Org =>
    org.baseUrl !== null && org.kind !== 'demo' ? { ...org, addressToConfirm: true } : org;
  const added = new Set(plan.orgsAdded.map((o) => o.id));
  return {
    ...plan,
    orgsAdded: plan.orgsAdded.map(hold),
    nextSettings: {
      ...plan.nextSettings,
      orgs: plan.nextSettings.orgs.map((o) => (added.has(o.id) ? hold(o) : o)),
    },
    ledgers: plan.ledgers.map((l) => (added.has(l.org.id) ? { ...l, org: hold(l.org) } : l)),
  };
}
