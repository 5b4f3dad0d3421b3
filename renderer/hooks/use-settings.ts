/**
 * App settings: loaded once, updated through `settings:update` (whose validation message the caller shows).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '@core/schemas';
import type { RequestArgs } from '@core/api-contract';
import { useApi } from '../api/api-context';
import { errorText } from './use-orgs';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  /** Saves a patch; resolves with the stored settings or rejects with the server's message. */
  update: (patch: RequestArgs<'settings:update'>) => Promise<Settings>;
}

/** Loads `settings:get` and exposes `settings:update`. */
export function useSettings(): SettingsState {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    api.invoke('settings:get', {}).then(
      (result) => isCurrent && setSettings(result),
      (err: unknown) => isCurrent && setError(errorText(err)),
    );
    return () => {
      isCurrent = false;
    };
  }, [api]);

  const update = useCallback(
    async (patch: RequestArgs<'settings:update'>) => {
      const result = await api.invoke('settings:update', patch);
      setSettings(result);
      return result;
    },
    [api],
  );

  return { settings, error, update };
}
