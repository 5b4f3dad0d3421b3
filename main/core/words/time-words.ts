/**
 * Durations and relative times in plain words. A past instant is never said in the future tense: a sync a
 * moment ago (or a few seconds "ahead" from clock skew) is "just now", never "in 6 s".
 *
 * Example: `agoWords(now - 5 * 60_000, now)` → "5 minutes ago"; `untilWords(now + 3 * DAY_MS, now)` → "in about 3 days".
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';

const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A length of time rounded as a person says it. Example: 90 min → "2 hours"; 36 h → "36 hours"; 3 d → "3 days".
 */
export function durationWords(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE_MS) return 'less than a minute';
  if (abs < 90 * MINUTE_MS) return unit(Math.round(abs / MINUTE_MS), 'minute');
  if (abs < 2 * DAY_MS) return unit(Math.round(abs / HOUR_MS), 'hour');
  return unit(Math.round(abs / DAY_MS), 'day');
}

/** How long ago something happened: "just now" under a minute (and for instants a moment ahead). */
export function agoWords(ms: number, nowMs: number): string {
  const delta = nowMs - ms;
  if (delta < MINUTE_MS) return 'just now';
  return `${durationWords(delta)} ago`;
}

/** How long until something expected: "in about 3 days"; "now" once it is due. */
export function untilWords(ms: number, nowMs: number): string {
  const delta = ms - nowMs;
  if (delta < MINUTE_MS) return 'now';
  return `in about ${durationWords(delta)}`;
}
