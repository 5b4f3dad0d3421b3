/**
 * Provides the injected `CreditwatchApi` to components (IPC in Electron, HTTP in a browser, a fake in tests).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { CreditwatchApi } from '@core/api-contract';

const ApiContext = createContext<CreditwatchApi | null>(null);

/** Makes `api` available to every `useApi()` below it. */
export function ApiProvider({ api, children }: { api: CreditwatchApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The injected API; throws if a component is rendered outside `ApiProvider` (a wiring bug). */
export function useApi(): CreditwatchApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
