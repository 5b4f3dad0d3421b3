/**
 * One org's server-side view, kept fresh: loaded on mount and per org, refetched on the org's
 * `data:changed` event and every minute (events missed while the stream reconnected are caught up),
 * and stale replies — from an older load or another org — ignored.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { CreditwatchApi } from '@core/api-contract';
import { useApi } from '../api/api-context';
import { errorText } from './use-orgs';

/** Safety-net refresh interval. */
export const ORG_REFRESH_MS = 60_000;

export interface OrgResource<T> {
  value: T | null;
  setValue: Dispatch<SetStateAction<T | null>>;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
}

/** Follows `load(api, orgId)` for `orgId`; `load` must be stable (a module-level function). */
export function useOrgResource<T>(
  orgId: string,
  load: (api: CreditwatchApi, orgId: string) => Promise<T>,
): OrgResource<T> {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++sequence.current;
    load(api, orgId).then(
      (result) => {
        if (ticket !== sequence.current) return; // superseded by a newer load (or another org)
        setValue(result);
        setError(null);
        setIsLoading(false);
      },
      (err: unknown) => {
        if (ticket !== sequence.current) return;
        setError(errorText(err));
        setIsLoading(false);
      },
    );
  }, [api, orgId, load]);

  useEffect(() => {
    setValue(null);
    setIsLoading(true);
    reload();
    const off = api.on('data:changed', (payload) => {
      if (payload.orgId === orgId) reload();
    });
    const timer = setInterval(reload, ORG_REFRESH_MS);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, orgId, reload]);

  return { value, setValue, isLoading, error, reload };
}
