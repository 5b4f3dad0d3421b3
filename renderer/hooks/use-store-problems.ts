/**
 * Store files main had to set aside (unreadable or corrupt), refreshed when main announces a change.
 */
import { useEffect, useState } from 'react';
import type { StoreProblemView } from '@core/api-contract';
import { useApi } from '../api/api-context';

/** The current list; empty when all is well or when it cannot be fetched. */
export function useStoreProblems(): StoreProblemView[] {
  const api = useApi();
  const [problems, setProblems] = useState<StoreProblemView[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      api.invoke('app:problems', {}).then(
        (r) => isCurrent && setProblems(r.problems),
        () => {},
      );
    void load();
    const off = api.on('orgs:changed', () => void load());
    return () => {
      isCurrent = false;
      off();
    };
  }, [api]);
  return problems;
}
