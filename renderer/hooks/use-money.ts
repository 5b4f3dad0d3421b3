/**
 * The balance-and-forecast view of one org, live: `data:changed` refetches it; ledger edits go through here
 * and resolve with the server's answer (or reject with its message, for the form to show).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BillingConfig } from '@core/billing';
import type { Reconciliation } from '@core/ledger-reconcile';
import type { LedgerEntry } from '@core/ledger-schema';
import type { MoneyView } from '@core/money-view';
import { useApi } from '../api/api-context';
import type { EntryDraft } from '../view-models/money-entry-form';
import { DASHBOARD_REFRESH_MS } from './use-dashboard';
import { errorText } from './use-orgs';

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

/** Loads `money:get` for `orgId` and follows the org's `data:changed` events. */
export function useMoney(orgId: string): MoneyState {
  const api = useApi();
  const [money, setMoney] = useState<MoneyView | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++sequence.current;
    api.invoke('money:get', { orgId }).then(
      (result) => {
        if (ticket !== sequence.current) return; // a newer load was started
        setMoney(result);
        setError(null);
        setIsLoading(false);
      },
      (err: unknown) => {
        if (ticket !== sequence.current) return;
        setError(errorText(err));
        setIsLoading(false);
      },
    );
  }, [api, orgId]);

  useEffect(() => {
    setMoney(null);
    setIsLoading(true);
    reload();
    const off = api.on('data:changed', (payload) => {
      if (payload.orgId === orgId) reload();
    });
    const timer = setInterval(reload, DASHBOARD_REFRESH_MS);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, orgId, reload]);

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
