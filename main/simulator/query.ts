/**
 * Reads query parameters the way the API accepts them: arrays as `group_by[]=a&group_by[]=b` (what the
 * official SDK sends) or `group_by=a&group_by=b`; every bad value answers 400 naming the parameter.
 */
import { invalidType, invalidValue, missingParam } from './api-errors';

/** Typed access to one request's query string. */
export interface QueryReader {
  int(name: string, opts?: { required?: boolean; min?: number }): number | undefined;
  string(name: string): string | undefined;
  bool(name: string): boolean | undefined;
  array(name: string): string[] | undefined;
  enumArray<T extends string>(name: string, allowed: readonly T[]): T[] | undefined;
  enumOne<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
}

const list = (allowed: readonly string[]): string => `[${allowed.map((a) => `'${a}'`).join(', ')}]`;

/** Wraps URLSearchParams with the API's parsing and error rules. */
export function createQueryReader(params: URLSearchParams): QueryReader {
  const one = (name: string): string | undefined => params.get(name) ?? undefined;
  const array = (name: string): string[] | undefined => {
    const values = [...params.getAll(`${name}[]`), ...params.getAll(name)];
    return values.length > 0 ? values : undefined;
  };
  return {
    int(name, opts = {}) {
      const raw = one(name);
      if (raw === undefined || raw === '') {
        if (opts.required) throw missingParam(name);
        return undefined;
      }
      if (!/^-?\d+$/.test(raw)) throw invalidType(name, 'an integer', raw);
      const value = Number(raw);
      if (!Number.isSafeInteger(value))
        throw invalidValue(name, `Invalid value for '${name}': ${raw} is out of range.`);
      if (opts.min !== undefined && value < opts.min) {
        throw invalidValue(
          name,
          `Invalid value for '${name}': expected a value >= ${opts.min}, but got ${raw} instead.`,
        );
      }
      return value;
    },
    string: one,
    bool(name) {
      const raw = one(name);
      if (raw === undefined) return undefined;
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw invalidType(name, 'a boolean (true or false)', raw);
    },
    array,
    enumArray(name, allowed) {
      const values = array(name);
      if (!values) return undefined;
      for (const v of values) {
        if (!(allowed as readonly string[]).includes(v)) {
          throw invalidValue(name, `Invalid value for '${name}': '${v}' is not one of ${list(allowed)}.`);
        }
      }
      return [...new Set(values)] as (typeof allowed)[number][];
    },
    enumOne(name, allowed, fallback) {
      const raw = one(name);
      if (raw === undefined) return fallback;
      if (!(allowed as readonly string[]).includes(raw)) {
        throw invalidValue(name, `Invalid value for '${name}': '${raw}' is not one of ${list(allowed)}.`);
      }
      return raw as (typeof allowed)[number];
    },
  };
}
