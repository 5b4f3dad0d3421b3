/**
 * The organization list and the selection, kept fresh by the `orgs:changed` event.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';

export interface OrgsState {
  orgs: OrgSummary[];
  selectedOrgId: string | null;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
  select: (orgId: string) => Promise<void>;
}

/** Loads `orgs:list` and reloads it whenever main says the list changed. */
export function useOrgs(): OrgsState {
  const api = useApi();
  const [orgs, setOrgs] = useState<OrgSummary[]>([]);
  const [selectedOrgId, setSelectedOrgId] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++sequence.current;
    api.invoke('orgs:list', {}).then(
      (result) => {
        if (ticket !== sequence.current) return; // a newer request superseded this one
        setOrgs(result.orgs);
        setSelectedOrgId(result.selectedOrgId ?? result.orgs[0]?.id ?? null);
        setError(null);
        setIsLoading(false);
      },
      (err: unknown) => {
        if (ticket !== sequence.current) return;
        setError(errorText(err));
        setIsLoading(false);
      },
    );
  }, [api]);

  useEffect(() => {
    reload();
    return api.on('orgs:changed', () => reload());
  }, [api, reload]);

  const select = useCallback(
    async (orgId: string) => {
      setSelectedOrgId(orgId); // optimistic: the switcher responds at once
      try {
        await api.invoke('orgs:select', { orgId });
      } catch (err) {
        setError(errorText(err));
        reload();
      }
    },
    [api, reload],
  );

  return { orgs, selectedOrgId, isLoading, error, reload, select };
}

/** The user-facing text of a thrown value (transports throw `Error`s whose message is for the user). */
export function errorText(err: unknown): string {
  if (err instanceof Error && err.message.trim() !== '') return err.message;
  return 'Something went wrong. Try again.';
}
