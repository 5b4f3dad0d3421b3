/**
 * The two demo organizations: created on first use, their ledgers seeded from `demoLedger` at that instant
 * (a company org on prepaid credit with auto-reload, and a "Personal" org that starts taking spend).
 */
import { demoLedger } from '@core/demo-ledger';
import type { DemoProfile, Org } from '@core/schemas';
import type { HandlerDeps } from './handler-deps';

export const DEMO_ORG_NAMES: Record<DemoProfile, string> = {
  company: 'Demo organization',
  personal: 'Personal',
};
const PROFILES: DemoProfile[] = ['company', 'personal'];

/** Which demo a demo org shows (orgs saved before there were two are the company demo). */
export function demoProfileOf(org: Org): DemoProfile {
  return org.demoProfile ?? 'company';
}

/**
 * Ensures both demo orgs exist (seeding a new one's ledger) and selects the company demo; returns it.
 * A demo org the user already has keeps its ledger: what was typed is never replaced.
 */
export async function ensureDemoOrgs(
  deps: Pick<HandlerDeps, 'settings' | 'nowMs' | 'newOrgId' | 'money'>,
): Promise<Org> {
  const nowMs = deps.nowMs();
  const existing = deps.settings.get().orgs.filter((o) => o.kind === 'demo');
  const created: Org[] = [];
  for (const profile of PROFILES) {
    if (existing.some((o) => demoProfileOf(o) === profile)) continue;
    created.push({
      id: deps.newOrgId(),
      name: DEMO_ORG_NAMES[profile],
      kind: 'demo',
      baseUrl: null,
      createdAtMs: nowMs,
      demoProfile: profile,
    });
  }
  for (const org of created) {
    const ledger = demoLedger(demoProfileOf(org), nowMs);
    await deps.money.updateBilling(org.id, ledger.billing);
    for (const entry of ledger.entries) await deps.money.addEntry(org.id, entry);
  }
  const all = [...existing, ...created];
  const company = all.find((o) => demoProfileOf(o) === 'company')!;
  await deps.settings.update((s) => ({ ...s, orgs: [...s.orgs, ...created], selectedOrgId: company.id }));
  return company;
}
