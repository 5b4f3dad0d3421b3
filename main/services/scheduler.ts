/**
 * The poll schedule: runs `run` on the user's cron expression (read in UTC), never two runs at once.
 */
import cron from 'node-cron';
import { DEFAULT_SYNC_CRON } from '@core/schemas';
import { createCronTimes } from './cron-next-run';

const FIELD_NAMES = 'minute hour day month weekday';

/**
 * Checks a cron expression: null when node-cron accepts it and it fires at most once a minute, else a
 * message saying what is wrong.
 *
 * Example: `validateCron('*\/5 * *')` → "'*\/5 * *' needs 5 or 6 fields: minute hour day month weekday (an optional seconds field first)".
 */
export function validateCron(expr: string): string | null {
  const trimmed = expr.trim();
  if (!trimmed)
    return `The schedule is empty: enter a cron expression such as "${DEFAULT_SYNC_CRON}" (every 5 minutes, the default).`;
  const fields = trimmed.split(/\s+/);
  if (fields.length < 5 || fields.length > 6) {
    return `'${trimmed}' needs 5 or 6 fields: ${FIELD_NAMES} (an optional seconds field first); it has ${fields.length}.`;
  }
  // A seconds field other than one fixed second fires several times a minute: each org would be polled
  // up to once a second (thousands of requests an hour against OpenAI's API).
  if (fields.length === 6 && !/^\d{1,2}$/.test(fields[0]!)) {
    return `'${trimmed}' runs more often than once a minute (its first field is seconds: '${fields[0]}'). Creditwatch syncs at most once a minute; the default is every 5 minutes ("${DEFAULT_SYNC_CRON}").`;
  }
  const detail = cron.validateDetailed(trimmed);
  if (!detail.valid || !cron.validate(trimmed)) {
    const fieldProblems = detail.errors
      .map((e) => `${e.field}: '${e.value ?? ''}' is not allowed there`)
      .join('; ');
    const why = fieldProblems ? ` (${fieldProblems})` : '';
    return `'${trimmed}' is not a valid cron expression${why}. Fields: ${FIELD_NAMES}; e.g. "*/5 * * * *" is every 5 minutes.`;
  }
  return null;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Switches to a new expression (validated first); keeps running if it was running. */
  reschedule(cron: string): void;
}

// The longest single wait before the wall clock is read again: a machine that slept, or whose clock was
// set, polls within a minute of waking instead of when a stale timer ends.
const MAX_WAIT_MS = 60_000;

/**
 * Creates a scheduler; nothing runs until `start()`.
 *
 * Runs `run` at each instant the expression names, read in UTC (see `cron-next-run.ts`). A run that is due
 * while the previous one is still going is left out (a slow backfill must not stack up syncs); a run that
 * comes late (a busy or sleeping machine) still happens, once. It reads the real clock: polls happen in real
 * time even when the app's clock is pinned for a demo (tests pin it with fake timers).
 */
export function createScheduler(opts: {
  cron: string;
  run: () => Promise<void>;
  onError?(err: Error): void;
  /** The check applied to every expression (default `validateCron`; tests may allow seconds). */
  validate?(expr: string): string | null;
}): Scheduler {
  const validate = opts.validate ?? validateCron;
  let expr = opts.cron.trim();
  const problem = validate(expr);
  if (problem) throw new Error(problem);
  let times = createCronTimes(expr);
  let isRunning = false;
  let handle: ReturnType<typeof setTimeout> | null = null;
  let dueMs: number | null = null;

  const tick = async () => {
    isRunning = true;
    try {
      await opts.run();
    } catch (err) {
      opts.onError?.(err as Error);
    } finally {
      isRunning = false;
    }
  };
  const arm = () => {
    if (dueMs === null) return;
    const wait = Math.min(Math.max(0, dueMs - Date.now()), MAX_WAIT_MS);
    handle = setTimeout(wake, wait);
  };
  const wake = () => {
    handle = null;
    const now = Date.now();
    if (dueMs !== null && now >= dueMs) {
      if (!isRunning) void tick();
      dueMs = times.next(now);
    }
    arm();
  };
  const halt = () => {
    if (handle !== null) clearTimeout(handle);
    handle = null;
    dueMs = null;
  };
  const begin = () => {
    dueMs = times.next(Date.now());
    arm();
  };
  return {
    start() {
      if (dueMs === null) begin();
    },
    stop: halt,
    reschedule(next) {
      const why = validate(next);
      if (why) throw new Error(why);
      expr = next.trim();
      times = createCronTimes(expr);
      if (dueMs !== null) {
        halt();
        begin();
      }
    },
  };
}
