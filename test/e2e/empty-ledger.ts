// The demo's company org starts with a seeded ledger and rule; specs about a new organization's ledger
// start from an empty one, as a newly added organization does.
import type { ServedApp } from './serve';

/** Removes every ledger entry and the billing rule of `orgId` (prepaid, no rule, UTC months). */
export async function emptyLedger(app: ServedApp, orgId: string): Promise<void> {
  for (const entry of (await app.call('ledger:get', { orgId })).entries)
    await app.call('ledger:removeEntry', { orgId, entryId: entry.id });
  await app.call('ledger:updateBilling', {
    orgId,
    billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
  });
}
