/**
 * How often to sync, as a choice a person makes (every 5, 15 or 60 minutes) over the schedule stored in
 * settings. A schedule set another way (an older version, a hand-edited file) is kept and offered as
 * "as set before", never silently replaced.
 */

export interface FrequencyChoice {
  /** The stored schedule. */
  cron: string;
  label: string;
}

/** The choices offered, most frequent first. */
export const SYNC_FREQUENCIES: readonly FrequencyChoice[] = [
  { cron: '*/5 * * * *', label: 'Every 5 minutes' },
  { cron: '*/15 * * * *', label: 'Every 15 minutes' },
  { cron: '0 * * * *', label: 'Every hour' },
];

/**
 * The choices for a stored schedule: the three, plus the stored one when it is none of them.
 *
 * @example frequencyChoices('*\/10 * * * *') → the three and { cron: '*\/10 * * * *', label: 'As set before (a custom schedule)' }
 */
export function frequencyChoices(stored: string): FrequencyChoice[] {
  const known = SYNC_FREQUENCIES.some((c) => c.cron === stored.trim());
  return known
    ? [...SYNC_FREQUENCIES]
    : [...SYNC_FREQUENCIES, { cron: stored, label: 'As set before (a custom schedule)' }];
}
