/**
 * The demo accounts (two OpenAI organizations, and one each on Anthropic, OpenRouter and DeepSeek): created on first use, their ledgers seeded from `demoLedger` at that instant
 * (a company org on prepaid credit with auto-reload, and a "Personal" org that starts taking spend).
 */
import { demoLedger } from '@core/demo-ledger';
import type { DemoSpend } from '@core/demo-reloads';
import type { DemoProfile, Org } from '@core/schemas';
import type { MoneyService } from '../services/money';
import type { SettingsStore } from '../services/stores/settings-store';
import { createSimulatedSpendModel } from '../simulator/index';
import { DEMO_SIMULATORS } from './demo-backend';

/** Each demo account: its name (its provider is its simulator's), in the order they are listed. */
export const DEMO_ORGS: Array<{ profile: DemoProfile; name: string; currency?: string }> = [
  { profile: 'company', name: 'Demo organization' },
  { profile: 'personal', name: 'Personal' },
  { profile: 'anthropic', name: 'Claude team' },
  { profile: 'openrouter', name: 'OpenRouter' },
  { profile: 'deepseek', name: 'DeepSeek', currency: 'CNY' },
];

/** Which demo a demo org shows (orgs saved before there were two are the company demo). */
export function demoProfileOf(org: Org): DemoProfile {
  return org.demoProfile ?? 'company';
}

/** What adding the demo accounts reads and writes. */
export interface DemoOrgDeps {
  settings: SettingsStore;
  /** Each new demo's ledger is seeded through the money service, as if typed. */
  money: Pick<MoneyService, 'addEntry' | 'updateBilling'>;
  nowMs(): number;
  newOrgId(): string;
  /** Gives a new balance demo account its history (see demo-warm-up.ts); absent where none is needed. */
  warmUpDemo?(org: Org): Promise<void>;
}

/**
 * Ensures every demo account exists (seeding a new one's ledger) and selects the company demo; returns it.
 * A demo org the user already has keeps its ledger: what was typed is never replaced.
 */
export async function ensureDemoOrgs(deps: DemoOrgDeps): Promise<Org> {
  const nowMs = deps.nowMs();
  const existing = deps.settings.get().orgs.filter((o) => o.kind === 'demo');
  const created: Org[] = [];
  for (const { profile, name, currency } of DEMO_ORGS) {
    if (existing.some((o) => demoProfileOf(o) === profile)) continue;
    created.push({
      id: deps.newOrgId(),
      name,
      kind: 'demo',
      provider: DEMO_SIMULATORS[profile].provider,
      ...(currency ? { currency } : {}),
      baseUrl: null,
      createdAtMs: nowMs,
      demoProfile: profile,
    });
  }
  const all = [...existing, ...created];
  const company = all.find((o) => demoProfileOf(o) === 'company')!;
  // Listed first: the ledger rules are checked in the account's own currency (the DeepSeek demo's is CNY).
  await deps.settings.update((s) => ({ ...s, orgs: [...s.orgs, ...created], selectedOrgId: company.id }));
  for (const org of created) {
    const ledger = demoLedger(demoProfileOf(org), nowMs, demoSpend(demoProfileOf(org), nowMs));
    await deps.money.updateBilling(org.id, ledger.billing);
    for (const entry of ledger.entries) await deps.money.addEntry(org.id, entry);
    await deps.warmUpDemo?.(org);
  }
  return company;
}

/**
 * The spend a demo's simulator serves when started at `nowMs` (its ground truth, read directly), so the
 * seeded ledger records what that spend really did. The model is dropped once the ledger is written.
 */
export function demoSpend(profile: DemoProfile, nowMs: number): DemoSpend {
  const { seed, historyDays, shape } = DEMO_SIMULATORS[profile];
  const model = createSimulatedSpendModel({ seed, historyDays, shape }, nowMs);
  return (startMs, endMs) => model.costMicros(startMs, endMs);
}
