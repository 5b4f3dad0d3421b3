/**
 * When a cron expression next fires, read in UTC: node-cron parses the expression and decides which days
 * match (its rules for `L`, `#`, names and ranges); this module only walks forward in UTC epoch ms.
 *
 * Why not node-cron's own timer: it truncates "now" with `Date#setMilliseconds`, which works in the
 * machine's zone and, in the hour repeated when daylight saving ends, lands an hour early. node-cron then
 * re-arms a zero-delay timer again and again: no poll for that hour and a busy CPU (seen in Europe/Berlin
 * and America/New_York). Working in epoch ms and UTC parts leaves the machine's zone out entirely.
 */
import cron from 'node-cron';
import { DAY_MS, SECOND_MS, startOfUtcDay } from '@core/time';

/** The zone cron expressions are read in: the one the app stores every time in. */
export const CRON_TIME_ZONE = 'Etc/UTC';

// A rule such as "0 0 29 2 1" (Feb 29 on a Monday) can be decades away; any real schedule repeats within
// a year. Eight years covers every leap-day rule without a weekday.
const SEARCH_DAYS = 8 * 366;

/** Finds the instants a cron expression names. */
export interface CronTimes {
  /**
   * The first instant strictly after `afterMs` that the expression names, or null if none within 8 years.
   *
   * Example: for "*\/5 * * * *", `next(Date.parse('2026-10-25T00:57:12Z'))` → 2026-10-25T01:00:00Z.
   */
  next(afterMs: number): number | null;
}

/** Builds the finder for an expression node-cron accepts (throws what node-cron throws otherwise). */
export function createCronTimes(expr: string): CronTimes {
  const fields = cron.parse(expr);
  const secondsOfDay: number[] = [];
  for (const h of fields.hour)
    for (const m of fields.minute) for (const s of fields.second) secondsOfDay.push(h * 3600 + m * 60 + s);
  secondsOfDay.sort((a, b) => a - b);
  // Only its day rules are consulted: every time of day tried below is one the expression allows.
  const matcher = cron.createTask(expr, () => undefined, { timezone: CRON_TIME_ZONE });
  void matcher.destroy();
  const firstOfDay = secondsOfDay[0]!;
  return {
    next(afterMs) {
      let day = startOfUtcDay(afterMs);
      for (let i = 0; i <= SEARCH_DAYS; i++, day += DAY_MS) {
        if (!matcher.match(new Date(day + firstOfDay * SECOND_MS))) continue;
        for (const s of secondsOfDay) {
          const at = day + s * SECOND_MS;
          if (at > afterMs) return at;
        }
      }
      return null;
    },
  };
}
