/**
 * The balance-and-forecast view of one org, from the page's server cache (`data:changed` refetches it);
 * ledger edits go through here and resolve with the server's answer (or reject with its message, for the
 * form to show).
 */
import { useCallback } from 'react';
import type { BillingConfig } from '@core/billing';
import type { Reconciliation } from '@core/ledger-reconcile';
import type { LedgerEntry } from '@core/ledger-schema';
import type { MoneyView } from '@core/money-view';
import { useApi } from '../api/api-context';
import type { EntryDraft } from '../view-models/money-entry-form';
import { useOrgRefetch, useServerState } from '../api/server-state';

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

/** `money:get` for `orgId`, shared with every other view of the same org. */
export function useMoney(orgId: string): MoneyState {
  const api = useApi();
  const { value: money, isLoading, error, reload } = useServerState('money:get', { orgId });
  const refetchOrg = useOrgRefetch();

  const addEntry = useCallback(
    async (draft: EntryDraft) => {
      const entry: LedgerEntry = { ...draft, id: crypto.randomUUID() };
      const result = await api.invoke('ledger:addEntry', { orgId, entry });
      refetchOrg(orgId); // every figure of the org (the event would do it too; do not wait for it)
      return result.reconciliation;
    },
    [api, orgId, refetchOrg],
  );
  const removeEntry = useCallback(
    async (entryId: string) => {
      await api.invoke('ledger:removeEntry', { orgId, entryId });
      refetchOrg(orgId);
    },
    [api, orgId, refetchOrg],
  );
  const updateBilling = useCallback(
    async (billing: BillingConfig) => {
      await api.invoke('ledger:updateBilling', { orgId, billing });
      refetchOrg(orgId);
    },
    [api, orgId, refetchOrg],
  );

  return { money, isLoading, error, reload, addEntry, removeEntry, updateBilling };
}
