/**
 * Wording the page adds around core's figures: "in about 2 days" times and counted nouns.
 */
import { agoWords, untilWords } from '@core/words/time-words';

/**
 * Says roughly how far away `ms` is, with core's one wording: "in about 2 days", "3 hours ago", "now".
 */
export function formatAbout(ms: number, nowMs: number): string {
  return ms > nowMs
    ? untilWords(ms, nowMs)
    : agoWords(ms, nowMs) === 'just now'
      ? 'now'
      : agoWords(ms, nowMs);
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
