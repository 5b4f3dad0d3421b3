/**
 * What an export asks for — organization (or all), a range of UTC days, the table and the format — and
 * its checking into a plan, with a message a person can act on for every bad input.
 *
 * Example: org "Acme", from "2026-11-01", to "2026-11-18", now 2026-11-18T15:20Z → days
 * [2026-11-01T00:00Z, 2026-11-19T00:00Z), data up to 15:20Z; file name "creditwatch-costs-acme-2026-11-01-2026-11-18.csv".
 */
import { z } from 'zod';
import type { Org } from '../schemas';
import { MIN_INSTANT_MS } from '../sane-values';
import { DAY_MS, startOfUtcDay } from '../time';

/**
 * The longest range one export covers: 5 years of days. Nothing is stored before 2015, so a range that
 * starts earlier (a year typed as "26" reads 0026) is clipped to 2015 first.
 */
export const MAX_EXPORT_DAYS = 5 * 366;

export const EXPORT_KINDS = ['costs', 'usage', 'snapshots', 'ledger', 'hourly'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-01');

/** An export request as the CLI, the HTTP route and the UI send it (org: a name or id; null = all). */
export const ExportRequestSchema = z
  .object({
    org: z.string().max(200).nullable(),
    from: DayText,
    to: DayText,
    what: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export interface ExportPlan {
  orgs: Org[];
  what: ExportKind;
  format: ExportFormat;
  /** First UTC day (inclusive). */
  fromMs: number;
  /** End of the last UTC day (exclusive). */
  toMs: number;
  /** The export's "as of": data after it does not exist yet. */
  nowMs: number;
  fileName: string;
}

/** A request that cannot be served; the message says why and what to do. */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
}

/** Parses "YYYY-MM-DD" as a UTC day start; null when it is not a real date (2026-02-30). */
export function parseUtcDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text ? ms : null;
}

/** Finds an org by exact id, then exact name, then name ignoring case; throws when none or several match. */
export function findOrgByRef(orgs: readonly Org[], ref: string): Org {
  const byId = orgs.find((o) => o.id === ref);
  if (byId) return byId;
  for (const same of [(o: Org) => o.name === ref, (o: Org) => o.name.toLowerCase() === ref.toLowerCase()]) {
    const hits = orgs.filter(same);
    if (hits.length === 1) return hits[0] as Org;
    if (hits.length > 1)
      throw new ExportInputError(
        `Several organizations are named ${JSON.stringify(ref)}: use an id (${hits.map((o) => o.id).join(', ')}).`,
      );
  }
  const known = orgs.map((o) => `${JSON.stringify(o.name)} (${o.id})`).join(', ') || 'none yet';
  throw new ExportInputError(`No organization ${JSON.stringify(ref)}. Known: ${known}.`);
}

/** Checks a request against the orgs and the clock; throws ExportInputError with the reason. */
export function planExport(request: ExportRequest, orgs: readonly Org[], nowMs: number): ExportPlan {
  const from = parseUtcDay(request.from);
  const to = parseUtcDay(request.to);
  if (from === null)
    throw new ExportInputError(`From date "${request.from}" is not a date (use YYYY-MM-DD).`);
  if (to === null) throw new ExportInputError(`To date "${request.to}" is not a date (use YYYY-MM-DD).`);
  if (to < from)
    throw new ExportInputError(
      `The range is reversed: ${request.from} is after ${request.to}. Put the earlier date first.`,
    );
  const today = startOfUtcDay(nowMs);
  if (from > today)
    throw new ExportInputError(
      `${request.from} is in the future (today is ${new Date(today).toISOString().slice(0, 10)} UTC): nothing to export yet.`,
    );
  if (to > today)
    throw new ExportInputError(
      `${request.to} is in the future (today is ${new Date(today).toISOString().slice(0, 10)} UTC): end the range today or earlier.`,
    );
  // Nothing is stored before 2015: an earlier start reads from there.
  const fromMs = Math.max(from, MIN_INSTANT_MS);
  if (to < fromMs)
    throw new ExportInputError(
      `${request.to} is before 2015: Creditwatch holds nothing that old. Check the year of both dates.`,
    );
  if ((to - fromMs) / DAY_MS + 1 > MAX_EXPORT_DAYS)
    throw new ExportInputError(
      `${new Date(fromMs).toISOString().slice(0, 10)} to ${request.to} is more than 5 years: export at most 5 years at a time (check the year if that was not meant).`,
    );
  const chosen = request.org === null ? [...orgs] : [findOrgByRef(orgs, request.org)];
  if (chosen.length === 0) throw new ExportInputError('There is no organization to export yet.');
  if (request.what === 'hourly' && chosen.length !== 1)
    throw new ExportInputError(
      'The hourly spend file feeds one forecast, so it is for one organization: choose one.',
    );
  const orgPart = request.org === null ? 'all' : slug((chosen[0] as Org).name) || (chosen[0] as Org).id;
  return {
    orgs: chosen,
    what: request.what,
    format: request.format,
    fromMs,
    toMs: to + DAY_MS,
    nowMs,
    fileName: `creditwatch-${request.what}-${orgPart}-${request.from}-${request.to}.${request.format}`,
  };
}

/** A file-name-safe form of a name. Example: 'Acme, "Labs"\n=X' → "acme-labs-x". */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
