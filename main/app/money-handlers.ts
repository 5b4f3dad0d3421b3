/**
 * The ledger and forecast channels: ledger edits (each announced with `data:changed`), the balance and
 * forecast view, and what-if forecasts that are never saved.
 */
import type { Handlers } from '@core/api-contract';
import type { SpendLimitsView } from '@core/spend-limits';
import { createAnswerService, type AnswerService } from '../services/answers';
import type { MoneyService } from '../services/money';
import type { SettingsStore } from '../services/stores/settings-store';
import type { SyncEngine } from '../services/sync';
import type { EventBus } from './event-bus';
import { findOrg } from './org-lookup';
import { displayZone, systemTimeZone } from '@core/time-zone';

/** The answers of the app's accounts, recomputed after each data change (hosts that supply none). */
function answerServiceOf(deps: MoneyHandlerDeps): AnswerService {
  const answers = createAnswerService({
    orgs: () => deps.settings.get().orgs,
    money: deps.money,
    sync: deps.sync,
    spendLimit: (orgId) => deps.limits.get(orgId).org,
    nowMs: deps.nowMs,
    timeZone: () => displayZone(deps.settings.get().timeZone, systemTimeZone()),
  });
  deps.bus.subscribe((event) => {
    if (event === 'data:changed' || event === 'sync:status' || event === 'orgs:changed') answers.invalidate();
  });
  return answers;
}

type MoneyChannels =
  | 'ledger:get'
  | 'ledger:addEntry'
  | 'ledger:removeEntry'
  | 'ledger:updateBilling'
  | 'money:get'
  | 'money:whatIf'
  | 'answer:get'
  | 'answer:list'
  | 'balance:discardReadings';

/** What the money channels use. */
export interface MoneyHandlerDeps {
  /** Each account's answer (absent: built here from `money`, `sync` and `limits`, and kept fresh by `bus`). */
  answers?: AnswerService;
  bus: EventBus;
  /** Hard spend limits read from the API (for an answer built here). */
  limits: { get(orgId: string): SpendLimitsView };
  money: Pick<
    MoneyService,
    'ledger' | 'addEntry' | 'removeEntry' | 'updateBilling' | 'view' | 'discardReadings' | 'whatIf'
  >;
  nowMs(): number;
  settings: Pick<SettingsStore, 'get'>;
  sync: Pick<SyncEngine, 'dashboard'>;
}

/** Handlers for the money channels. */
export function createMoneyHandlers(deps: MoneyHandlerDeps): Pick<Handlers, MoneyChannels> {
  const known = (orgId: string) => findOrg(deps.settings.get(), orgId).id;
  const answers = deps.answers ?? answerServiceOf(deps);
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
    'answer:get': async ({ orgId }) => answers.get(known(orgId)),
    'answer:list': async () => ({ answers: await answers.all() }),
  };
}
