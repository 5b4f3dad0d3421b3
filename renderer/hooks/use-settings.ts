/**
 * App settings, from the page's server cache; updated through `settings:update` (whose validation message the
 * caller shows).
 */
import { useCallback } from 'react';
import type { Settings } from '@core/schemas';
import type { RequestArgs } from '@core/api-contract';
import { useApi } from '../api/api-context';
import { useServerState, useServerWrite } from '../api/server-state';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  /** Saves a patch; resolves with the stored settings or rejects with the server's message. */
  update: (patch: RequestArgs<'settings:update'>) => Promise<Settings>;
}

/** `settings:get`, and `settings:update` whose reply every view shows at once. */
export function useSettings(): SettingsState {
  const api = useApi();
  const { value, error } = useServerState('settings:get', {});
  const write = useServerWrite();

  const update = useCallback(
    async (patch: RequestArgs<'settings:update'>) => {
      const result = await api.invoke('settings:update', patch);
      write('settings:get', {}, result);
      return result;
    },
    [api, write],
  );

  return { settings: value, error, update };
}
