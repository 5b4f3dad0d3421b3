/**
 * The current time on the page clock, re-read on an interval so relative labels ("2 min ago") stay true.
 */
import { useEffect, useState } from 'react';
import { useClock } from './clock-context';

/** Returns the page clock's now, refreshed every `intervalMs` (default 15 s). */
export function useNow(intervalMs = 15_000): number {
  const clock = useClock();
  const [now, setNow] = useState(() => clock.nowMs());
  // Another clock (the host's pinned one arriving) is read at once, while rendering.
  const [shownClock, setShownClock] = useState(clock);
  if (clock !== shownClock) {
    setShownClock(clock);
    setNow(clock.nowMs());
  }
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.nowMs()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}
