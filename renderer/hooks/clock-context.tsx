/**
 * The page's clock: the host's clock, not the browser's. A host started at a chosen instant
 * (`creditwatch serve --now`) is then "now" on the page too, and relative times ("3 min ago") agree with it.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../api/api-context';

/** Reads "now" in epoch milliseconds. */
export interface PageClock {
  nowMs(): number;
}

const BROWSER_CLOCK: PageClock = { nowMs: () => Date.now() };
const ClockContext = createContext<PageClock>(BROWSER_CLOCK);

/**
 * Asks the host for its time once and keeps the offset to the browser's clock; renders its children when
 * known (or, if the host cannot answer, on the browser's clock — the page then shows its own error).
 */
export function ClockProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [clock, setClock] = useState<PageClock | null>(null);
  useEffect(() => {
    let isLive = true;
    const askedAt = Date.now();
    api.invoke('app:info', {}).then(
      (info) => {
        // The host answered somewhere between askedAt and now: take the midpoint.
        const offsetMs = Math.round(info.nowMs - (askedAt + Date.now()) / 2);
        if (isLive) setClock(Math.abs(offsetMs) < 2_000 ? BROWSER_CLOCK : offsetClock(offsetMs));
      },
      () => isLive && setClock(BROWSER_CLOCK),
    );
    return () => {
      isLive = false;
    };
  }, [api]);
  if (!clock) return null;
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

/** The page clock (the browser's outside a provider, as in isolated component tests). */
export function useClock(): PageClock {
  return useContext(ClockContext);
}

function offsetClock(offsetMs: number): PageClock {
  return { nowMs: () => Date.now() + offsetMs };
}
