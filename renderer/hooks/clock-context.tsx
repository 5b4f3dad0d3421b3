/**
 * The page's clock: the host's clock, not the browser's. A host started at a chosen instant
 * (`creditwatch serve --now`) is then "now" on the page too, and relative times ("3 min ago") agree with it.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';

/** Reads "now" in epoch milliseconds. */
export interface PageClock {
  nowMs(): number;
}

const BROWSER_CLOCK: PageClock = { nowMs: () => Date.now() };
const ClockContext = createContext<PageClock>(BROWSER_CLOCK);

/** The server cache's entry for the host clock's offset from the browser's, in milliseconds. */
const PAGE_CLOCK_KEY = ['app:info', {}, 'clock-offset'];

/**
 * Asks the host for its time once (through the page's server cache) and keeps the offset to the browser's
 * clock; renders its children when known (or, if the host cannot answer, on the browser's clock — the page
 * then shows its own error).
 */
export function ClockProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const offset = useQuery({
    queryKey: PAGE_CLOCK_KEY,
    queryFn: async () => {
      const askedAt = Date.now();
      const info = await api.invoke('app:info', {});
      // The host answered somewhere between askedAt and now: take the midpoint.
      return Math.round(info.nowMs - (askedAt + Date.now()) / 2);
    },
    // Asked once: the offset does not drift, and every relative time on the page depends on it.
    refetchInterval: false,
  });
  const offsetMs = offset.data;
  const clock = useMemo(
    () => (offsetMs === undefined || Math.abs(offsetMs) < 2_000 ? BROWSER_CLOCK : offsetClock(offsetMs)),
    [offsetMs],
  );
  if (offset.isPending) return null;
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

/** The page clock (the browser's outside a provider, as in isolated component tests). */
export function useClock(): PageClock {
  return useContext(ClockContext);
}

function offsetClock(offsetMs: number): PageClock {
  return { nowMs: () => Date.now() + offsetMs };
}
