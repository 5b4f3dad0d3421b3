/**
 * Requests sent one at a time, the newest first: a request asked for while another is on its way waits
 * for it, and a newer one replaces the waiting one, which is then never sent. For input that asks the
 * server on every keystroke: the first keystroke is asked at once (no debounce delay), and fast typing
 * never queues more than one request behind the one running.
 *
 * Example: `run(a)` starts a; `run(b)`, `run(c)` while a runs → when a settles, c starts; b never does.
 */
export interface OneAtATime {
  /** Starts `ask` now if nothing runs, else keeps it as the next one (replacing any kept before). */
  run(ask: () => Promise<unknown>): void;
  /** Forgets the request waiting, if any (the one running goes on). */
  clear(): void;
}

/** Creates an empty line of requests. */
export function createOneAtATime(): OneAtATime {
  let isRunning = false;
  let waiting: (() => Promise<unknown>) | null = null;
  const start = (ask: () => Promise<unknown>) => {
    isRunning = true;
    // A request that throws at once counts as settled, like one that rejects.
    void Promise.resolve()
      .then(ask)
      .catch(() => {})
      .finally(() => {
        isRunning = false;
        const next = waiting;
        waiting = null;
        if (next) start(next);
      });
  };
  return {
    run(ask) {
      if (isRunning) waiting = ask;
      else start(ask);
    },
    clear() {
      waiting = null;
    },
  };
}
