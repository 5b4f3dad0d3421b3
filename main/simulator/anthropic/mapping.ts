/**
 * How the shared spend model's OpenAI-flavoured rows look on Anthropic: projects become workspaces
 * (`wrkspc_…`; the oldest project is the organization's Default workspace, which reports carry as
 * `workspace_id: null`), catalog models become Claude models, and each row becomes one or two cost lines
 * with a `description`, `cost_type`, `token_type` and `service_tier`. Money and tokens are kept exactly.
 */
import { MODEL_CATALOG } from '../catalog';
import type { SpendModel } from '../spend-model';
import type { SimProject, SpendRow } from '../spend-types';

/** Claude models in catalog order (the catalog's model i is billed as CLAUDE_MODELS[i]). */
export const CLAUDE_MODELS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'claude-3-5-haiku-20241022', name: 'Claude Haiku 3.5' },
  { id: 'claude-3-haiku-20240307', name: 'Claude Haiku 3' },
  { id: 'claude-sonnet-4-20250514', name: 'Claude Sonnet 4' },
  { id: 'claude-opus-4-20250514', name: 'Claude Opus 4' },
  { id: 'claude-3-7-sonnet-20250219', name: 'Claude Sonnet 3.7' },
  { id: 'claude-sonnet-4-5-20250929', name: 'Claude Sonnet 4.5' },
  { id: 'claude-haiku-4-5-20251001', name: 'Claude Haiku 4.5' },
  { id: 'claude-opus-4-1-20250805', name: 'Claude Opus 4.1' },
];

const BY_CATALOG = new Map(MODEL_CATALOG.map((m, i) => [m.model, CLAUDE_MODELS[i % CLAUDE_MODELS.length]!]));

/** The Claude model a catalog model is billed as. Example: 'gpt-4o-mini-2024-07-18' → claude-3-5-haiku. */
export function claudeModelOf(catalogModel: string): { id: string; name: string } {
  const hit = BY_CATALOG.get(catalogModel);
  if (hit) return hit;
  let h = 0;
  for (const ch of catalogModel) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return CLAUDE_MODELS[h % CLAUDE_MODELS.length]!;
}

/** `wrkspc_01` + 22 characters of the project id (deterministic, unique per project). */
export function workspaceIdOf(projectId: string): string {
  return `wrkspc_01${projectId.replace(/^proj_/, '').slice(0, 22)}`;
}

/** `apikey_01` + the key id's characters. */
export function apiKeyIdOf(keyId: string): string {
  return `apikey_01${keyId.replace(/^key_/, '')}`;
}

/** The project that plays the Default workspace: the oldest one. */
export function defaultProjectId(model: SpendModel): string | null {
  return model.projects[0]?.id ?? null;
}

/** What reports say for a project's spend: null for the Default workspace. */
export function reportedWorkspaceId(model: SpendModel, projectId: string): string | null {
  return projectId === defaultProjectId(model) ? null : workspaceIdOf(projectId);
}

/** Workspaces the list endpoint serves (the Default workspace is not one of them), oldest first. */
export function listedWorkspaces(model: SpendModel): SimProject[] {
  const def = defaultProjectId(model);
  return [...model.projects.filter((p) => p.id !== def), ...model.archivedProjects].sort(
    (a, b) => a.createdAtSec - b.createdAtSec,
  );
}

export type TokenType =
  | 'uncached_input_tokens'
  | 'output_tokens'
  | 'cache_read_input_tokens'
  | 'cache_creation.ephemeral_5m_input_tokens';

/** One cost line of an hour: what the cost report groups and what the usage report counts. */
export interface AnthropicLine {
  projectId: string;
  apiKeyId: string;
  /** Null for non-token costs, as the cost report shows them. */
  model: string | null;
  /** The model the request ran on (web searches included), as the usage report groups it. */
  usageModel: string;
  description: string;
  costType: 'tokens' | 'web_search';
  tokenType: TokenType | null;
  serviceTier: 'standard' | 'batch';
  costMicros: number;
  tokens: number;
  webSearchRequests: number;
  /** API requests, counted once per request: on its uncached-input (or output, or web search) line. */
  requests: number;
}

const TOKEN_WORDS: Record<TokenType, string> = {
  uncached_input_tokens: 'Input Tokens',
  output_tokens: 'Output Tokens',
  cache_read_input_tokens: 'Cache Read',
  'cache_creation.ephemeral_5m_input_tokens': 'Cache Write (5m)',
};

/**
 * The lines of one spend row. Input rows (not batch) give a fifth of their tokens and cost to cache
 * writes, so every token type appears; image rows become web searches (one per image, no model).
 *
 * Example: a standard input row of 1_000 tokens costing 5_004 µ$ → uncached 800 tokens / 4_004 µ$ and
 * cache write 200 tokens / 1_000 µ$.
 */
export function linesOf(row: SpendRow): AnthropicLine[] {
  const claude = claudeModelOf(row.model);
  const apiKeyId = apiKeyIdOf(row.apiKeyId);
  // Every line is one literal with all its fields: a line built by spreading a shared part and adding
  // fields would get a hidden class of its own (hundreds of bytes each, in the old generation), and this
  // runs for every row of every hour of a report.
  if (row.tokenKind === 'image') {
    return [
      {
        projectId: row.projectId,
        apiKeyId,
        model: null,
        usageModel: claude.id,
        description: 'Web Search',
        costType: 'web_search',
        tokenType: null,
        serviceTier: 'standard',
        costMicros: row.costMicros,
        tokens: 0,
        webSearchRequests: row.images,
        requests: row.requests,
      },
    ];
  }
  const line = (
    tokenType: TokenType,
    costMicros: number,
    tokens: number,
    requests = row.requests,
  ): AnthropicLine => ({
    projectId: row.projectId,
    apiKeyId,
    model: claude.id,
    usageModel: claude.id,
    description: `${claude.name} Usage - ${TOKEN_WORDS[tokenType]}${row.isBatch ? ' (Batch)' : ''}`,
    costType: 'tokens',
    tokenType,
    serviceTier: row.isBatch ? 'batch' : 'standard',
    costMicros,
    tokens,
    webSearchRequests: 0,
    requests,
  });
  if (row.tokenKind === 'output') return [line('output_tokens', row.costMicros, row.outputTokens)];
  if (row.tokenKind === 'cached') return [line('cache_read_input_tokens', row.costMicros, row.inputTokens)];
  if (row.isBatch) return [line('uncached_input_tokens', row.costMicros, row.inputTokens)];
  const writeCost = Math.floor(row.costMicros / 5);
  const writeTokens = Math.floor(row.inputTokens / 5);
  return [
    line('uncached_input_tokens', row.costMicros - writeCost, row.inputTokens - writeTokens),
    line('cache_creation.ephemeral_5m_input_tokens', writeCost, writeTokens, 0),
  ];
}

/**
 * Micro-dollars as the cost report's `amount`: a decimal string in cents, exact to the micro-dollar, with
 * at least two decimals. Example: 1_234_500 → '123.45'; 1_234_567 → '123.4567'; 0 → '0.00'.
 */
export function centsString(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const frac = String(abs % 10_000)
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `${sign}${Math.floor(abs / 10_000)}.${frac}`;
}
