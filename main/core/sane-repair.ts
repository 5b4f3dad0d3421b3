/**
 * Load-time repair of values out of range (see sane-values.ts), before a file is validated: a bad value is
 * replaced by the nearest safe one and each replacement is said in words, so one bad value neither sets the
 * whole file aside nor stays to break the page. Nothing is dropped: an instant is brought into range, an
 * unknown zone falls back to the default, a name loses its control characters, an address that is not
 * http(s) is cleared (the provider's own API), a reload rule that would charge again and again is turned
 * off. The file on disk keeps the original until the next save, which backs it up first.
 *
 * Example: an entry with `expiresAtMs: 9e15` → `expiresAtMs: 7258118400000` (2200-01-01), note "Entry p1:
 * its expiry (9000000000000000) was outside 2015–2200; it now reads 2200-01-01.".
 */
import type { BillingConfig } from './billing';
import type { LedgerFile } from './ledger-schema';
import { reloadRuleProblem } from './reload-rule-check';
import {
  hasControlChars,
  isHttpUrl,
  isKnownTimeZone,
  MAX_INSTANT_MS,
  MIN_INSTANT_MS,
  withoutControlChars,
} from './sane-values';

type Raw = Record<string, unknown>;
/** What a repair returns: the data (the same object when nothing changed) and one note per change. */
export interface Repaired<T> {
  data: T;
  notes: string[];
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An instant brought into 2015–2200 (null when it is not a finite number: the schema reports it). */
function clampInstant(v: unknown): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const ms = Math.round(v);
  return Math.min(MAX_INSTANT_MS, Math.max(MIN_INSTANT_MS, ms));
}

/** Brings `obj[key]` into range; returns a note when it changed. */
function fixInstant(obj: Raw, key: string, what: string): string | null {
  const v = obj[key];
  const fixed = clampInstant(v);
  if (fixed === null || fixed === v) return null;
  obj[key] = fixed;
  return `${what} (${String(v)}) was outside 2015–2200; it now reads ${day(fixed)}.`;
}

/** Repairs raw settings (after upgrades, before validation). */
export function repairSettingsRaw(raw: Raw): Repaired<Raw> {
  const data = JSON.parse(JSON.stringify(raw)) as Raw;
  const notes: string[] = [];
  const zone = data.timeZone;
  if (zone !== null && zone !== undefined && !isKnownTimeZone(zone)) {
    data.timeZone = null;
    notes.push(
      `The time zone ${JSON.stringify(zone)} is not one this system knows; the system's zone is used until you choose another in Settings.`,
    );
  }
  if (Array.isArray(data.orgs))
    for (const org of data.orgs) {
      if (!isObject(org)) continue;
      const label = typeof org.id === 'string' ? org.id : 'an organization';
      if (typeof org.name === 'string' && hasControlChars(org.name)) {
        const name = withoutControlChars(org.name).trim() || `Organization ${label}`;
        notes.push(`The name of ${label} held control characters; it now reads ${JSON.stringify(name)}.`);
        org.name = name;
      }
      if (typeof org.baseUrl === 'string' && !isHttpUrl(org.baseUrl)) {
        notes.push(
          `The address of ${label} (${JSON.stringify(org.baseUrl.slice(0, 80))}) is not an http(s) address; it was cleared, so the provider's own API is used. Set a proxy address again if you use one.`,
        );
        org.baseUrl = null;
      }
      const note = fixInstant(org, 'createdAtMs', `The creation time of ${label}`);
      if (note) notes.push(note);
    }
  if (Array.isArray(data.conversionRates))
    for (const rate of data.conversionRates) {
      if (!isObject(rate)) continue;
      const note = fixInstant(rate, 'setAtMs', `The time the ${String(rate.currency)} rate was set`);
      if (note) notes.push(note);
    }
  return notes.length ? { data, notes } : { data: raw, notes };
}

/** Repairs a raw ledger file (after upgrades, before validation): instants and the billing zone. */
export function repairLedgerRaw(raw: Raw): Repaired<Raw> {
  const data = JSON.parse(JSON.stringify(raw)) as Raw;
  const notes: string[] = [];
  if (isObject(data.billing)) {
    const zone = data.billing.timeZone;
    if (zone !== undefined && !isKnownTimeZone(zone)) {
      data.billing.timeZone = 'UTC';
      notes.push(
        `The billing time zone ${JSON.stringify(zone)} is not one this system knows; months are counted in UTC until you choose another.`,
      );
    }
  }
  if (Array.isArray(data.entries))
    for (const e of data.entries) {
      if (!isObject(e)) continue;
      const label = `Entry ${typeof e.id === 'string' ? e.id : '?'}`;
      for (const [key, what] of [
        ['atMs', 'its date'],
        ['expiresAtMs', 'its expiry'],
      ] as const) {
        const note = fixInstant(e, key, `${label}: ${what}`);
        if (note) notes.push(note);
      }
    }
  return notes.length ? { data, notes } : { data: raw, notes };
}

/**
 * Turns off a stored reload rule that the "charged again and again" check refuses (checked with no usage:
 * the smallest amounts only); the rule stays, so the user sees it and can correct it.
 */
export function repairReloadRule(ledger: LedgerFile): Repaired<LedgerFile> {
  const problem = reloadRuleProblem(ledger.billing, 0);
  if (!problem || !ledger.billing.reload) return { data: ledger, notes: [] };
  const billing: BillingConfig = { ...ledger.billing, reload: { ...ledger.billing.reload, enabled: false } };
  return {
    data: { ...ledger, billing },
    notes: [`The auto-reload rule was turned off: ${problem}`],
  };
}
