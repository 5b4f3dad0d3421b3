/**
 * The bucketed endpoints (`/organization/costs` and `/organization/usage/{completions,embeddings,images}`)
 * described as data: their parameters, limits, group-by fields and result shape.
 */
import type { UsageKind } from './catalog';
import type { BucketWidth } from './buckets';
import type { SpendRow } from './spend-types';
import { MICROS_PER_UNIT } from '@core/money';

export interface Totals {
  micros: number;
  quantity: number;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  requests: number;
  images: number;
}

export interface BucketEndpoint {
  name: 'costs' | 'completions' | 'embeddings' | 'images';
  /** Which spend rows it reports (costs: all). */
  kind: UsageKind | null;
  widths: readonly BucketWidth[];
  /** Per width: default and maximum `limit` (from the spec's parameter descriptions). */
  limits: Partial<Record<BucketWidth, { default: number; max: number }>>;
  groupBy: readonly string[];
  /** Array filters: query name → the row field they match. */
  filters: Record<string, (r: SpendRow) => string>;
  /** Whether usage shows before the hour's cost lag (usage: up to now; costs: after the lag). */
  isCost: boolean;
  result(t: Totals, group: Record<string, string | boolean | null>): Record<string, unknown>;
}

const USAGE_LIMITS = {
  '1m': { default: 60, max: 1440 },
  '1h': { default: 24, max: 168 },
  '1d': { default: 7, max: 31 },
};
const COMMON_FILTERS: Record<string, (r: SpendRow) => string> = {
  project_ids: (r) => r.projectId,
  user_ids: (r) => r.userId,
  api_key_ids: (r) => r.apiKeyId,
  models: (r) => r.model,
};

/** The value of a group-by field for a row. */
export function groupValue(field: string, r: SpendRow): string | boolean | null {
  switch (field) {
    case 'project_id':
      return r.projectId;
    case 'user_id':
      return r.userId;
    case 'api_key_id':
      return r.apiKeyId;
    case 'model':
      return r.model;
    case 'line_item':
      return r.lineItem;
    case 'batch':
      return r.isBatch;
    case 'service_tier':
      return 'default';
    case 'size':
      return r.size;
    case 'source':
      return r.kind === 'images' ? 'image.generation' : null;
    case 'api_source':
      // Simulated traffic is not Agents API activity: `unlabeled` (SDK 7.57: "all other activity").
      return 'unlabeled';
    default:
      return null;
  }
}

const pick = (group: Record<string, string | boolean | null>, fields: string[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, group[f] ?? null]));

export const COSTS: BucketEndpoint = {
  name: 'costs',
  kind: null,
  widths: ['1d'],
  limits: { '1d': { default: 7, max: 180 } },
  // SDK 7.57 (UsageCostsParams): group_by project_id, user_id, line_item, api_key_id, api_source; filters
  // project_ids, api_key_ids and line_items (the complete `line_item` value).
  groupBy: ['project_id', 'user_id', 'line_item', 'api_key_id', 'api_source'],
  filters: {
    project_ids: (r) => r.projectId,
    api_key_ids: (r) => r.apiKeyId,
    line_items: (r) => r.lineItem,
  },
  isCost: true,
  result(t, group) {
    const byLineItem = typeof group.line_item === 'string';
    return {
      object: 'organization.costs.result',
      amount: { value: t.micros / MICROS_PER_UNIT, currency: 'usd' },
      ...pick(group, ['line_item', 'project_id', 'api_key_id']),
      // Newer than the spec snapshot (SDK 7.57): sent only when asked for, so older queries stay spec-exact.
      ...('user_id' in group ? { user_id: group.user_id } : {}),
      ...('api_source' in group ? { api_source: group.api_source } : {}),
      // Quantity only has one unit when the line item is fixed (spec: "When group_by=line_item…").
      quantity: byLineItem ? t.quantity : null,
      quantity_unit: byLineItem ? (t.images > 0 ? 'images' : 'tokens') : null,
    };
  },
};

export const COMPLETIONS: BucketEndpoint = {
  name: 'completions',
  kind: 'completions',
  widths: ['1m', '1h', '1d'],
  limits: USAGE_LIMITS,
  groupBy: ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
  filters: COMMON_FILTERS,
  isCost: false,
  result(t, group) {
    const uncached = t.inputTokens - t.cachedTokens;
    return {
      object: 'organization.usage.completions.result',
      input_tokens: t.inputTokens,
      input_cached_tokens: t.cachedTokens,
      input_cache_write_tokens: 0,
      input_uncached_tokens: uncached,
      output_tokens: t.outputTokens,
      // All simulated traffic is text.
      input_text_tokens: uncached,
      output_text_tokens: t.outputTokens,
      input_cached_text_tokens: t.cachedTokens,
      input_audio_tokens: 0,
      input_cached_audio_tokens: 0,
      output_audio_tokens: 0,
      input_image_tokens: 0,
      input_cached_image_tokens: 0,
      output_image_tokens: 0,
      num_model_requests: t.requests,
      ...pick(group, ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier']),
    };
  },
};

export const EMBEDDINGS: BucketEndpoint = {
  name: 'embeddings',
  kind: 'embeddings',
  widths: ['1m', '1h', '1d'],
  limits: USAGE_LIMITS,
  groupBy: ['project_id', 'user_id', 'api_key_id', 'model'],
  filters: COMMON_FILTERS,
  isCost: false,
  result(t, group) {
    return {
      object: 'organization.usage.embeddings.result',
      input_tokens: t.inputTokens,
      num_model_requests: t.requests,
      ...pick(group, ['project_id', 'user_id', 'api_key_id', 'model']),
    };
  },
};

export const IMAGES: BucketEndpoint = {
  name: 'images',
  kind: 'images',
  widths: ['1m', '1h', '1d'],
  limits: USAGE_LIMITS,
  groupBy: ['project_id', 'user_id', 'api_key_id', 'model', 'size', 'source'],
  filters: { ...COMMON_FILTERS, sizes: (r) => r.size ?? '', sources: () => 'image.generation' },
  isCost: false,
  result(t, group) {
    return {
      object: 'organization.usage.images.result',
      images: t.images,
      num_model_requests: t.requests,
      ...pick(group, ['size', 'source', 'project_id', 'user_id', 'api_key_id', 'model']),
    };
  },
};

/** Enumerated filter values the spec fixes (others are free strings). */
export const FILTER_ENUMS: Record<string, readonly string[]> = {
  sources: ['image.generation', 'image.edit', 'image.variation'],
  sizes: ['256x256', '512x512', '1024x1024', '1792x1792', '1024x1792'],
};
