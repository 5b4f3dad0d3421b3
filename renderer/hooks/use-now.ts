/**
 * The current time, re-read on an interval so relative labels ("2 min ago") stay true.
 */
import { useEffect, useState } from 'react';

/** Returns `Date.now()`, refreshed every `intervalMs` (default 15 s). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
