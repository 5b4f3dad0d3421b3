/**
 * The balance-and-forecast view of one org, live: `data:changed` refetches it; ledger edits go through here
 * and resolve with the server's answer (or reject with its message, for the form to show).
 */
import { useCallback } from 'react';
import type { CreditwatchApi } from '@core/api-contract';
import type { BillingConfig } from '@core/billing';
import type { Reconciliation } from '@core/ledger-reconcile';
import type { LedgerEntry } from '@core/ledger-schema';
import type { MoneyView } from '@core/money-view';
import { useApi } from '../api/api-context';
import type { EntryDraft } from '../view-models/money-entry-form';
import { useOrgResource } from './use-org-resource';

export interface MoneyState {
  money: MoneyView | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
  /** Adds an entry (the id is picked here); resolves with the reconciliation of an observation. */
  addEntry: (draft: EntryDraft) => Promise<Reconciliation | null>;
  removeEntry: (entryId: string) => Promise<void>;
  updateBilling: (billing: BillingConfig) => Promise<void>;
}

const loadMoney = (api: CreditwatchApi, orgId: string) => api.invoke('money:get', { orgId });

/** Loads `money:get` for `orgId` and follows the org's `data:changed` events. */
export function useMoney(orgId: string): MoneyState {
  const api = useApi();
  const { value: money, isLoading, error, reload } = useOrgResource(orgId, loadMoney);

  const addEntry = useCallback(
    async (draft: EntryDraft) => {
      const entry: LedgerEntry = { ...draft, id: crypto.randomUUID() };
      const result = await api.invoke('ledger:addEntry', { orgId, entry });
      reload(); // the event would do it too; do not wait for it
      return result.reconciliation;
    },
    [api, orgId, reload],
  );
  const removeEntry = useCallback(
    async (entryId: string) => {
      await api.invoke('ledger:removeEntry', { orgId, entryId });
      reload();
    },
    [api, orgId, reload],
  );
  const updateBilling = useCallback(
    async (billing: BillingConfig) => {
      await api.invoke('ledger:updateBilling', { orgId, billing });
      reload();
    },
    [api, orgId, reload],
  );

  return { money, isLoading, error, reload, addEntry, removeEntry, updateBilling };
}
