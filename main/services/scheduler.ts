/**
 * The poll schedule: node-cron runs `run` on the user's cron expression, never two runs at once.
 */
import cron from 'node-cron';
import { DEFAULT_SYNC_CRON } from '@core/schemas';

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

/** Creates a scheduler; nothing runs until `start()`. */
export function createScheduler(opts: {
  cron: string;
  run: () => Promise<void>;
  onError?(err: Error): void;
  /** The check applied to every expression (default `validateCron`; tests may allow seconds). */
  validate?(expr: string): string | null;
}): Scheduler {
  const validate = opts.validate ?? validateCron;
  let expr = opts.cron;
  const problem = validate(expr);
  if (problem) throw new Error(problem);
  let task: ReturnType<typeof cron.schedule> | null = null;
  const tick = async () => {
    try {
      await opts.run();
    } catch (err) {
      opts.onError?.(err as Error);
    }
  };
  const begin = () => {
    // noOverlap: a slow sync (backfill, a hanging API) must not stack up runs.
    task = cron.schedule(expr, tick, { noOverlap: true });
  };
  return {
    start() {
      if (!task) begin();
    },
    stop() {
      void task?.destroy();
      task = null;
    },
    reschedule(next) {
      const why = validate(next);
      if (why) throw new Error(why);
      expr = next.trim();
      if (task) {
        void task.destroy();
        begin();
      }
    },
  };
}
