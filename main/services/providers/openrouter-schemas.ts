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
export type OpenRouterCredits = z.infer<typeof OpenRouterCreditsSchema>;
