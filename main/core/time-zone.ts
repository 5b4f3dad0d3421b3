/**
 * Whether a time zone name is one `Intl` knows, and a safe stand-in when it is not. Kept apart from the
 * schemas so the page can use it without the schema library.
 *
 * Example: `isKnownTimeZone('Europe/Berlin')` → true; `saneZone('Mars/Olympus')` → "UTC".
 */

/** Whether `Intl` knows the zone (e.g. "UTC", "Europe/Berlin"; not "Mars/Olympus"). */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  // Asked for every date said: the answer for each zone is kept (building a formatter is slow).
  const known = KNOWN_ZONES.get(zone);
  if (known !== undefined) return known;
  let isKnown: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    isKnown = true;
  } catch {
    isKnown = false;
  }
  if (KNOWN_ZONES.size < 256) KNOWN_ZONES.set(zone, isKnown);
  return isKnown;
}

const KNOWN_ZONES = new Map<string, boolean>();

/**
 * `zone` when `Intl` knows it, else `fallback`: a value that slipped past the checks (a hand-edited file)
 * then counts months in the fallback zone instead of making every computation throw.
 */
export function saneZone(zone: string | null | undefined, fallback = 'UTC'): string {
  return isKnownTimeZone(zone) ? zone : fallback;
}

/**
 * The machine's own zone as `Intl` reports it, or undefined where it reports none. The one place that
 * reads it: core functions take a zone as an argument, callers at the edges pass this.
 */
export function systemTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The zone dates and months are shown in: the zone set in settings when `Intl` knows it, else the
 * machine's, else UTC. The one home of this fallback, for main, commands and the page.
 *
 * Example: `displayZone(null, 'Europe/Berlin')` → "Europe/Berlin"; `displayZone('Mars/Olympus', undefined)` → "UTC".
 */
export function displayZone(
  setting: string | null | undefined,
  systemZone: string | null | undefined,
): string {
  return saneZone(setting, saneZone(systemZone));
}
