/**
 * Zod schemas of the OpenRouter answers Creditwatch reads (https://openrouter.ai/docs/api/api-reference/credits/get-credits).
 * Loose objects: unknown extra fields are fine, missing or mistyped needed ones are not.
 */
import { z } from 'zod';

/** A USD amount: OpenRouter sends JSON numbers (a string, null or NaN is a malformed answer). */
const UsdNumber = z.number().finite();

/** GET /api/v1/credits: everything bought and everything used, in USD. */
export const OpenRouterCreditsSchema = z.looseObject({
  data: z.looseObject({ total_credits: UsdNumber, total_usage: UsdNumber }),
});

/** GET /api/v1/activity: spend per UTC day, model and endpoint over the last 30 completed days. */
export const OpenRouterActivitySchema = z.looseObject({
  data: z.array(
    z.looseObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'date is not YYYY-MM-DD'),
      model: z.string(),
      usage: UsdNumber,
      requests: z.number().int().nonnegative().optional(),
    }),
  ),
});

/**
 * GET /api/v1/key: the calling key's limit and spend, in USD (https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key).
 * Only the fields Creditwatch shows; `limit`, `limit_remaining` and `limit_reset` are null when no limit is set.
 */
export const OpenRouterKeySchema = z.looseObject({
  data: z.looseObject({
    limit: UsdNumber.nullable(),
    limit_remaining: UsdNumber.nullable().optional(),
    limit_reset: z.enum(['daily', 'weekly', 'monthly']).nullable().optional(),
    usage: UsdNumber,
    is_free_tier: z.boolean().optional(),
  }),
});
