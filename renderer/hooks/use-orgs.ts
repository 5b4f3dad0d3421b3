/**
 * The organization list and the selection, from the page's server cache (refetched on `orgs:changed`).
 */
import { useCallback, useState } from 'react';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { useServerState, useServerWrite } from '../api/server-state';

export interface OrgsState {
  orgs: OrgSummary[];
  selectedOrgId: string | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
  select: (orgId: string) => Promise<void>;
}

const NO_ORGS: OrgSummary[] = [];

/** `orgs:list`, and the selection (changed here at once, then saved). */
export function useOrgs(): OrgsState {
  const api = useApi();
  const { value, isLoading, error, reload } = useServerState('orgs:list', {});
  const write = useServerWrite();
  const [selectError, setSelectError] = useState<string | null>(null);

  const select = useCallback(
    async (orgId: string) => {
      setSelectError(null);
      write('orgs:list', {}, (list) => list && { ...list, selectedOrgId: orgId }); // the switcher responds at once
      try {
        await api.invoke('orgs:select', { orgId });
      } catch (err) {
        setSelectError(errorText(err));
        reload();
      }
    },
    [api, write, reload],
  );

  const orgs = value?.orgs ?? NO_ORGS;
  return {
    orgs,
    selectedOrgId: value?.selectedOrgId ?? orgs[0]?.id ?? null,
    isLoading,
    error: error ?? selectError,
    reload,
    select,
  };
}

/** The user-facing text of a thrown value (transports throw `Error`s whose message is for the user). */
export function errorText(err: unknown): string {
  if (err instanceof Error && err.message.trim() !== '') return err.message;
  return 'Something went wrong. Try again.';
}
