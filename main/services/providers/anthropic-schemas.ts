/**
 * Zod schemas of the Anthropic Admin API answers Creditwatch reads (cost report, messages usage report,
 * workspaces). Loose objects: unknown extra fields are fine, missing or mistyped needed ones are not, so a
 * changed answer fails as "malformed" instead of showing wrong figures.
 */
import { z } from 'zod';

/** A decimal string as `decimalToMicros` accepts it (no exponent, no thousands separator). */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

export const AnthropicCostResultSchema = z.looseObject({
  /** Cents as a decimal string: "123.45" is $1.23. */
  amount: z.string().trim().regex(DECIMAL, 'amount is not a decimal number'),
  /** Only USD is documented ("currently always USD"); anything else would be summed wrongly, so it fails. */
  currency: z.literal('USD', { error: (i) => `currency ${JSON.stringify(i.input)} is not USD` }),
  workspace_id: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  token_type: z.string().nullable().optional(),
  cost_type: z.string().nullable().optional(),
});

/** A page of time buckets whose results follow `result` (both reports share it). */
export function reportPageSchema<R extends z.ZodType>(result: R) {
  return z.looseObject({
    data: z.array(
      z.looseObject({
        starting_at: z.iso.datetime({ offset: true }),
        ending_at: z.iso.datetime({ offset: true }),
        results: z.array(result),
      }),
    ),
    has_more: z.boolean(),
    next_page: z.string().nullable().optional(),
  });
}

const Count = z.number().int().nonnegative();

export const AnthropicUsageResultSchema = z.looseObject({
  uncached_input_tokens: Count,
  cache_read_input_tokens: Count.optional().default(0),
  cache_creation: z
    .looseObject({
      ephemeral_1h_input_tokens: Count.optional().default(0),
      ephemeral_5m_input_tokens: Count.optional().default(0),
    })
    .nullable()
    .optional(),
  output_tokens: Count,
  workspace_id: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
});

export const AnthropicCostPageSchema = reportPageSchema(AnthropicCostResultSchema);
export const AnthropicUsagePageSchema = reportPageSchema(AnthropicUsageResultSchema);

export const AnthropicWorkspaceSchema = z.looseObject({
  id: z.string().min(1),
  type: z.literal('workspace'),
  name: z.string(),
  archived_at: z.string().nullable().optional(),
});

export const AnthropicWorkspacePageSchema = z.looseObject({
  data: z.array(AnthropicWorkspaceSchema),
  has_more: z.boolean(),
  first_id: z.string().nullable().optional(),
  last_id: z.string().nullable().optional(),
});

/** An analytics page (`ReportPageCursor` of SDK 1.17.0): flat rows, not buckets. */
function analyticsPageSchema<R extends z.ZodType>(row: R) {
  return z.looseObject({
    data: z.array(row),
    has_more: z.boolean(),
    next_page: z.string().nullable().optional(),
  });
}

const AnalyticsGroupSchema = z.looseObject({
  workspace_id: z.string().nullable().optional(),
  api_key_id: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  cost_type: z.string().nullable().optional(),
  token_type: z.string().nullable().optional(),
});

const AnalyticsRowBase = {
  starting_at: z.iso.datetime({ offset: true }),
  ending_at: z.iso.datetime({ offset: true }),
  group: AnalyticsGroupSchema,
};

/** GET /v1/organizations/analytics/cost: `cost.amount` in fractional cents, `requests` null when split by component. */
export const AnalyticsCostPageSchema = analyticsPageSchema(
  z.looseObject({
    ...AnalyticsRowBase,
    cost: z.looseObject({
      amount: z.string().trim().regex(DECIMAL, 'amount is not a decimal number'),
      currency: z.literal('USD', { error: (i) => `currency ${JSON.stringify(i.input)} is not USD` }),
      requests: Count.nullable().optional(),
    }),
  }),
);

/** GET /v1/organizations/analytics/usage: tokens and request counts per row. */
export const AnalyticsUsagePageSchema = analyticsPageSchema(
  z.looseObject({
    ...AnalyticsRowBase,
    usage: AnthropicUsageResultSchema.extend({ requests: Count.nullable().optional() }),
  }),
);

/** GET /v1/organizations/spend_limits (beta): amounts are integer decimal strings in cents, or null. */
export const AnthropicSpendLimitPageSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      amount: z.string().regex(/^\d+$/, 'amount is not a whole number of cents').nullable(),
      currency: z.string(),
      is_enabled: z.boolean().optional().default(true),
      period: z.string(),
      scope: z.looseObject({ type: z.string(), workspace_id: z.string().optional() }),
    }),
  ),
  next_page: z.string().nullable().optional(),
});
