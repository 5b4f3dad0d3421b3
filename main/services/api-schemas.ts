/**
 * Zod schemas of the Admin API responses Creditwatch reads (spec: organization costs, usage, projects).
 * Loose objects: unknown extra fields are fine, missing or mistyped needed ones are not.
 */
import { z } from 'zod';

// `amount.value` is USD and has arrived as a JSON string as well as a number: accept both, reject the rest.
const UsdValue = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'amount.value is not a number'),
]);

export const CostResultSchema = z.looseObject({
  amount: z.looseObject({ value: UsdValue, currency: z.string().optional() }),
  line_item: z.string().nullable().optional(),
  project_id: z.string().nullable().optional(),
  api_key_id: z.string().nullable().optional(),
});

export const CompletionsResultSchema = z.looseObject({
  num_model_requests: z.number().int().nonnegative(),
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  project_id: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
});

/** A page of time buckets whose results follow `result`. */
export function usagePageSchema<R extends z.ZodType>(result: R) {
  return z.looseObject({
    object: z.literal('page'),
    data: z.array(
      z.looseObject({
        start_time: z.number().int(),
        end_time: z.number().int(),
        results: z.array(result),
      }),
    ),
    has_more: z.boolean(),
    next_page: z.string().nullable().optional(),
  });
}

export const CostsPageSchema = usagePageSchema(CostResultSchema);
export const CompletionsPageSchema = usagePageSchema(CompletionsResultSchema);

// `name` may be null or absent (spec: Project.name; SDK 7.57 types it `string | null`).
export const ProjectSchema = z.looseObject({ id: z.string().min(1), name: z.string().nullish() });

export const SpendLimitSchema = z.looseObject({
  threshold_amount: z.number(),
  currency: z.string(),
  interval: z.string(),
  enforcement: z.looseObject({ status: z.string() }),
});

/** A spend alert (organization or project): `threshold_amount` in cents. */
export const SpendAlertSchema = z.looseObject({
  id: z.string(),
  threshold_amount: z.number().nonnegative(),
  currency: z.string(),
  interval: z.string(),
});

/** An Admin API key as the key list shows it: redacted, with its expiry (Unix seconds, or null = never). */
export const AdminKeySchema = z.looseObject({
  id: z.string(),
  redacted_value: z.string(),
  expires_at: z.number().int().nullable().optional(),
});
