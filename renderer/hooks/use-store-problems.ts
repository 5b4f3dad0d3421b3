/**
 * Store files main had to set aside (unreadable or corrupt), from the page's server cache (refetched when main
 * announces a change of the accounts, `orgs:changed`).
 */
import type { StoreProblemView } from '@core/api-contract';
import { useServerState } from '../api/server-state';

const NONE: StoreProblemView[] = [];

/** The current list; empty when all is well or before it is known (the last list stays if a refresh fails). */
export function useStoreProblems(): StoreProblemView[] {
  return useServerState('app:problems', {}).value?.problems ?? NONE;
}
