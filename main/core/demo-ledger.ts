/**
 * The ledgers the two demo organizations start with, relative to the instant they are created, so a demo
 * started at any instant (`serve --demo --now ISO`) tells the same story:
 *
 * * company — prepaid credit: $1,000 bought 353 days ago (it expires in 12 days with much of it unused), the
 *   billing page read 3 days ago ($702.35), a $50 promotional grant yesterday, auto-reload "when the balance
 *   falls below $10, restore it to $50".
 * * personal — billed monthly to the card, no credit: it normally spends nothing (its spend starts two days
 *   before the demo's start, see the simulator's `spendStartsDaysAgo`).
 * * anthropic — prepaid credit bought 40 days ago with auto-reload; openrouter and deepseek — their balance
 *   comes from the API; OpenRouter's auto top-up rule is set as its simulator applies it.
 *
 * Example: created at 2026-11-18T15:20Z → the purchase is dated 2025-11-30T15:20Z and expires 2026-11-30T15:20Z.
 */
import type { LedgerEntry, LedgerFile } from './ledger-schema';
import type { DemoProfile } from './schemas';
import { DAY_MS, HOUR_MS } from './time';
import { MICROS_PER_USD } from './money';

const USD = MICROS_PER_USD;

/** The ledger a demo org of `profile` starts with when created at `nowMs`. */
export function demoLedger(profile: DemoProfile, nowMs: number): LedgerFile {
  if (profile === 'anthropic') return anthropicDemoLedger(nowMs);
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
  const entries: LedgerEntry[] = [
    {
      id: 'demo-purchase-1000',
      kind: 'purchase',
      atMs: nowMs - 353 * DAY_MS,
      micros: 1000 * USD,
      expiresAtMs: null,
      note: 'Prepaid credit (card on file)',
    },
    {
      id: 'demo-observed-balance',
      kind: 'observation',
      atMs: nowMs - 3 * DAY_MS - 2 * HOUR_MS,
      balanceMicros: 702_350_000,
      note: 'Billing page',
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
  return {
    version: 1,
    billing: {
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: 10 * USD,
        action: { kind: 'restore-to', targetMicros: 50 * USD },
        monthlyLimit: null,
      },
      hardLimitMicros: null,
      timeZone: 'UTC',
    },
    entries,
  };
}

/**
 * The Anthropic demo: $1,000 of credit bought 40 days ago (nothing observed since: the estimate is the
 * purchase minus the cost report's spend), auto-reload "below $100, restore to $500".
 */
function anthropicDemoLedger(nowMs: number): LedgerFile {
  return {
    version: 1,
    billing: {
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: 100 * USD,
        action: { kind: 'restore-to', targetMicros: 500 * USD },
        monthlyLimit: null,
      },
      hardLimitMicros: null,
      timeZone: 'UTC',
    },
    entries: [
      {
        id: 'demo-anthropic-purchase',
        kind: 'purchase',
        atMs: nowMs - 40 * DAY_MS,
        micros: 1000 * USD,
        expiresAtMs: null,
        note: 'Prepaid credit (Claude Console)',
      },
    ],
  };
}
