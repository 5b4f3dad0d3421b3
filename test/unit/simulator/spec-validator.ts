/**
 * Validates response bodies against the OpenAI Admin API spec subset (test/fixtures/openapi), with a real
 * JSON Schema validator (Ajv, draft 2020-12, the dialect of OpenAPI 3.1), and reads parameter limits from
 * the spec so tests do not keep their own copies. Shared by every test that talks to an Admin API.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const SPEC_URL = new URL('../../fixtures/openapi/openai-admin-api.subset.yaml', import.meta.url);
const SPEC_ID = 'openai-admin-api';

type Json = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json & { enum?: string[]; items?: Json & { enum?: string[] }; default?: unknown };
}

let cachedSpec: Json | null = null;

/** The parsed spec (cached). */
export function loadOpenApiSpec(): Json {
  cachedSpec ??= parse(readFileSync(SPEC_URL, 'utf8')) as Json;
  return cachedSpec;
}

export interface SpecValidator {
  /** Validation errors of `value` against `#/components/schemas/<name>` (empty when valid). */
  errors(schemaName: string, value: unknown): string[];
  /** Properties of `value` the named object schema does not define (the spec allows extras; a faithful server adds none). */
  unknownProperties(schemaName: string, value: Json): string[];
}

let cachedValidator: SpecValidator | null = null;

/**
 * Creates (once) the validator. The spec's `discriminator` on UsageTimeBucket.results is left as an
 * annotation (Ajv's `discriminator: false`): every result schema pins `object` to its own single enum value,
 * so the plain `oneOf` already admits exactly one branch per result, and tests additionally validate each
 * result against the concrete schema its endpoint must return (CostsResult, UsageCompletionsResult, …).
 */
export function createSpecValidator(): SpecValidator {
  if (cachedValidator) return cachedValidator;
  const spec = loadOpenApiSpec();
  const ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: false });
  const addFormats =
    (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // OpenAPI's own format for Unix seconds; the type (integer) is what can be checked.
  ajv.addFormat('unixtime', true);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const compiled = new Map<string, ValidateFunction>();
  const schemas = (spec.components as Json).schemas as Record<string, Json>;
  cachedValidator = {
    errors(schemaName, value) {
      if (!schemas[schemaName]) throw new Error(`the spec has no schema '${schemaName}'`);
      let validate = compiled.get(schemaName);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
        compiled.set(schemaName, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
    unknownProperties(schemaName, value) {
      const props = schemas[schemaName]?.properties as Json | undefined;
      if (!props) throw new Error(`schema '${schemaName}' has no properties`);
      return Object.keys(value).filter((k) => !(k in props));
    },
  };
  return cachedValidator;
}

/** The GET parameters of a spec path such as '/organization/costs'. */
export function specParameters(path: string): OpenApiParameter[] {
  const paths = loadOpenApiSpec().paths as Record<string, { get?: { parameters?: OpenApiParameter[] } }>;
  const op = paths[path]?.get;
  if (!op) throw new Error(`the spec has no GET ${path}`);
  return op.parameters ?? [];
}

/** One named GET parameter of a spec path. */
export function specParameter(path: string, name: string): OpenApiParameter {
  const p = specParameters(path).find((x) => x.name === name);
  if (!p) throw new Error(`GET ${path} has no parameter '${name}'`);
  return p;
}

export interface LimitRange {
  min: number;
  max: number;
  default: number;
}

/**
 * The `limit` range of a path, read from the spec's own words: "Limit can range between 1 and 180, and the
 * default is 7" (costs, projects) or, per bucket width, "`bucket_width=1d`: default: 7, max: 31" (usage).
 */
export function specLimits(path: string): Record<string, LimitRange> {
  const text = specParameter(path, 'limit').description ?? '';
  const single = /between (\d+) and (\d+), and the default is (\d+)/.exec(text);
  if (single) return { any: { min: Number(single[1]), max: Number(single[2]), default: Number(single[3]) } };
  const out: Record<string, LimitRange> = {};
  for (const m of text.matchAll(/`bucket_width=(\w+)`: default: (\d+), max: (\d+)/g)) {
    out[m[1]!] = { min: 1, default: Number(m[2]), max: Number(m[3]) };
  }
  if (Object.keys(out).length === 0) throw new Error(`cannot read the limit range of ${path} from: ${text}`);
  return out;
}

/** The enum of an array parameter's items (e.g. group_by) or of a scalar parameter (e.g. bucket_width). */
export function specEnum(path: string, name: string): string[] {
  const schema = specParameter(path, name).schema ?? {};
  const values = schema.items?.enum ?? schema.enum;
  if (!values) throw new Error(`GET ${path} parameter '${name}' has no enum`);
  return values;
}
