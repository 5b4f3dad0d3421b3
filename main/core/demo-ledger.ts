/**
 * The ledgers the two demo organizations start with, relative to the instant they are created, so a demo
 * started at any instant (`serve --demo --now ISO`) tells the same story:
 *
 * * company — prepaid credit: $1,000 bought 60 days ago, auto-reload "when the balance falls below $100,
 *   restore it to $500" with the reloads it made over the simulated spend recorded, the billing page read 3
 *   days ago (the balance the simulated spend left then, to the cent), a $50 promotional grant yesterday.
 * * personal — billed monthly to the card, no credit: it normally spends nothing (its spend starts two days
 *   before the demo's start, see the simulator's `spendStartsDaysAgo`).
 * * anthropic — prepaid credit bought 40 days ago with auto-reload; openrouter and deepseek — their balance
 *   comes from the API; OpenRouter's auto top-up rule is set as its simulator applies it.
 *
 * `spend` is the demo's simulated spend (the simulator's ground truth), so what the ledger says happened did.
 *
 * Example: created at 2026-11-18T15:20Z → the purchase is dated 2026-09-19T15:20Z, and the recorded balance
 * of 2026-11-15T13:20Z is $1,000 plus the reloads before it less the simulated spend since the purchase.
 */
import type { LedgerEntry, LedgerFile } from './ledger-schema';
import type { DemoProfile } from './schemas';
import { type DemoSpend, simulatedReloads } from './demo-reloads';
import { DAY_MS, HOUR_MS } from './time';
import { MICROS_PER_UNIT } from './money';

const USD = MICROS_PER_UNIT;

/** The ledger a demo org of `profile` starts with when created at `nowMs`. */
export function demoLedger(profile: DemoProfile, nowMs: number, spend: DemoSpend): LedgerFile {
  if (profile === 'anthropic') return anthropicDemoLedger(nowMs, spend);
  if (profile === 'openrouter') {
    // The balance comes from the API; OpenRouter's auto top-up is on, as the demo's simulator does it:
    // $120 added whenever the balance falls below $30 (five and twenty days of its $6 a day).
    return {
      version: 1,
      billing: {
        mode: 'prepaid',
        reload: {
          enabled: true,
          thresholdMicros: 30 * USD,
          action: { kind: 'add-fixed', amountMicros: 120 * USD },
          monthlyLimit: null,
        },
        hardLimitMicros: null,
        timeZone: 'UTC',
      },
      entries: [],
    };
  }
  if (profile === 'deepseek') {
    // The balance comes from the API: nothing typed, prepaid (DeepSeek has no auto top-up).
    return {
      version: 1,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [],
    };
  }
  if (profile === 'personal') {
    return {
      version: 1,
      billing: { mode: 'monthly', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [],
    };
  }
  return companyDemoLedger(nowMs, spend);
}

/** The company demo's rule: below $100, restore the balance to $500 (about every 16 days at $25 a day). */
const COMPANY_BILLING: LedgerFile['billing'] = {
  mode: 'prepaid',
  reload: {
    enabled: true,
    thresholdMicros: 100 * USD,
    action: { kind: 'restore-to', targetMicros: 500 * USD },
    monthlyLimit: null,
  },
  hardLimitMicros: null,
  timeZone: 'UTC',
};

/**
 * The company demo: $1,000 bought 60 days ago, the reloads its rule made over the simulated spend since
 * (recorded from the card receipts), the billing page read 3 days ago (what it really showed then) and a
 * $50 promotional grant yesterday.
 */
function companyDemoLedger(nowMs: number, spend: DemoSpend): LedgerFile {
  const credit: LedgerEntry[] = [
    {
      id: 'demo-purchase-1000',
      kind: 'purchase',
      atMs: nowMs - 60 * DAY_MS,
      micros: 1000 * USD,
      expiresAtMs: null,
      note: 'Prepaid credit (card on file)',
    },
    {
      id: 'demo-promo-grant',
      kind: 'grant',
      atMs: nowMs - 30 * HOUR_MS,
      micros: 50 * USD,
      expiresAtMs: nowMs - 30 * HOUR_MS + 90 * DAY_MS,
      note: 'Promotional credit',
    },
  ];
  const observedAtMs = nowMs - 3 * DAY_MS - 2 * HOUR_MS;
  const { reloads, observedMicros } = simulatedReloads({
    entries: credit,
    billing: COMPANY_BILLING,
    spend,
    nowMs,
    observedAtMs,
  });
  const observation: LedgerEntry = {
    id: 'demo-observed-balance',
    kind: 'observation',
    atMs: observedAtMs,
    balanceMicros: observedMicros,
    note: 'Billing page',
  };
  const entries = [...credit, ...reloads, observation].sort((a, b) => a.atMs - b.atMs);
  return { version: 1, billing: COMPANY_BILLING, entries };
}

/**
 * The Anthropic demo: $1,000 of credit bought 40 days ago (nothing observed since: the estimate is the
 * purchase minus the cost report's spend), auto-reload "below $100, restore to $500".
 */
function anthropicDemoLedger(nowMs: number, spend: DemoSpend): LedgerFile {
  const purchase: LedgerEntry = {
    id: 'demo-anthropic-purchase',
    kind: 'purchase',
    atMs: nowMs - 40 * DAY_MS,
    micros: 1000 * USD,
    expiresAtMs: null,
    note: 'Prepaid credit (Claude Console)',
  };
  const billing: LedgerFile['billing'] = COMPANY_BILLING;
  // At its $14 a day the purchase has not yet fallen below $100; should it have, the reload is recorded.
  const { reloads } = simulatedReloads({ entries: [purchase], billing, spend, nowMs, observedAtMs: nowMs });
  return { version: 1, billing, entries: [purchase, ...reloads] };
}
