/**
 * Query parameters as the Admin API reads them: RFC 3339 times, `name[]` arrays, bounded limits and the
 * report page token. Every bad value is a 400 invalid_request_error naming the parameter.
 */
import { badParam } from './errors';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch ms of an RFC 3339 timestamp. Example: '2025-05-14T00:00:00Z' → 1747180800000. */
export function parseRfc3339(param: string, text: string): number {
  const ms = RFC3339.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) throw badParam(param, `'${text.slice(0, 40)}' is not an RFC 3339 timestamp`);
  return ms;
}

/** RFC 3339 in UTC without milliseconds. Example: 1747180800000 → '2025-05-14T00:00:00Z'. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The report page token: `page_` + base64 of the next bucket's start, the form the documentation's example
 * has (`page_MjAyNS0wNS0xNFQwMDowMDowMFo=` is '2025-05-14T00:00:00Z').
 */
export function pageToken(nextBucketMs: number): string {
  return `page_${Buffer.from(toRfc3339(nextBucketMs)).toString('base64')}`;
}

/** The bucket start a page token names; 400 when it is not one of ours. */
export function readPageToken(token: string): number {
  const m = /^page_([A-Za-z0-9+/=]+)$/.exec(token);
  const text = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
  if (!RFC3339.test(text)) throw badParam('page', 'invalid page token');
  return Date.parse(text);
}

/** Typed access to one request's query string. */
export interface Params {
  string(name: string): string | undefined;
  /** Values of `name[]` (and plain repeated `name`), or undefined when absent. */
  array(name: string): string[] | undefined;
  enumArray<T extends string>(name: string, allowed: readonly T[]): T[] | undefined;
  enumOne<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  int(name: string, min: number, max: number, fallback: number): number;
  bool(name: string, fallback: boolean): boolean;
  time(name: string, required: boolean): number | undefined;
}

const list = (allowed: readonly string[]) => allowed.map((a) => `'${a}'`).join(', ');

export function readParams(search: URLSearchParams): Params {
  const string = (name: string) => search.get(name) ?? undefined;
  const array = (name: string) => {
    const v = [...search.getAll(`${name}[]`), ...search.getAll(name)];
    return v.length > 0 ? v : undefined;
  };
  return {
    string,
    array,
    enumArray(name, allowed) {
      const values = array(name);
      for (const v of values ?? []) {
        if (!(allowed as readonly string[]).includes(v))
          throw badParam(`${name}[]`, `'${v}' is not one of ${list(allowed)}`);
      }
      return values ? ([...new Set(values)] as (typeof allowed)[number][]) : undefined;
    },
    enumOne(name, allowed, fallback) {
      const raw = string(name);
      if (raw === undefined) return fallback;
      if (!(allowed as readonly string[]).includes(raw))
        throw badParam(name, `'${raw}' is not one of ${list(allowed)}`);
      return raw as (typeof allowed)[number];
    },
    int(name, min, max, fallback) {
      const raw = string(name);
      if (raw === undefined) return fallback;
      if (!/^-?\d+$/.test(raw)) throw badParam(name, `'${raw.slice(0, 20)}' is not an integer`);
      const n = Number(raw);
      if (n < min || n > max) throw badParam(name, `must be from ${min} to ${max}, got ${raw}`);
      return n;
    },
    bool(name, fallback) {
      const raw = string(name);
      if (raw === undefined) return fallback;
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw badParam(name, `'${raw.slice(0, 20)}' is not a boolean (true or false)`);
    },
    time(name, required) {
      const raw = string(name);
      if (raw === undefined || raw === '') {
        if (required) throw badParam(name, 'is required');
        return undefined;
      }
      return parseRfc3339(name, raw);
    },
  };
}
