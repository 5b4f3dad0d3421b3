/**
 * The ledger and forecast channels: ledger edits (each announced with `data:changed`), the balance and
 * forecast view, and what-if forecasts that are never saved.
 */
import type { Handlers } from '@core/api-contract';
import type { HandlerDeps } from './handler-deps';
import { findOrg } from './org-lookup';

type MoneyChannels =
  | 'ledger:get'
  | 'ledger:addEntry'
  | 'ledger:removeEntry'
  | 'ledger:updateBilling'
  | 'money:get'
  | 'money:whatIf'
  | 'balance:discardReadings';

/** Handlers for the money channels. */
export function createMoneyHandlers(deps: HandlerDeps): Pick<Handlers, MoneyChannels> {
  const known = (orgId: string) => findOrg(deps.settings.get(), orgId).id;
  const changed = <T>(orgId: string, result: T): T => {
    deps.bus.emit('data:changed', { orgId });
    return result;
  };
  return {
    'ledger:get': async ({ orgId }) => deps.money.ledger(known(orgId)),
    'ledger:addEntry': async ({ orgId, entry }) =>
      changed(orgId, await deps.money.addEntry(known(orgId), entry)),
    'ledger:removeEntry': async ({ orgId, entryId }) =>
      changed(orgId, await deps.money.removeEntry(known(orgId), entryId)),
    'ledger:updateBilling': async ({ orgId, billing }) =>
      changed(orgId, await deps.money.updateBilling(known(orgId), billing)),
    'money:get': async ({ orgId }) => deps.money.view(known(orgId)),
    'balance:discardReadings': async ({ orgId, fromMs, toMs }) =>
      changed(orgId, await deps.money.discardReadings(known(orgId), fromMs, toMs)),
    'money:whatIf': async ({ orgId, balanceMicros, billing }) =>
      deps.money.whatIf(known(orgId), { balanceMicros, billing }),
  };
}
