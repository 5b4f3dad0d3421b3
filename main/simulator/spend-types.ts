/** The shapes the spend model deals in: the org's projects and keys, and one hour's spend rows. */
import type { TokenKind, UsageKind } from './catalog';

export interface SimProject {
  id: string;
  name: string;
  createdAtSec: number;
  /** Unix seconds the project was archived, or null while active. */
  archivedAtSec: number | null;
}

export interface SimApiKey {
  id: string;
  projectId: string;
  /** The user who owns the key (usage `user_id`). */
  userId: string;
}

/**
 * One hour of one line item for one project and key. Money in integer micro-dollars.
 *
 * Token fields carry the line item's own tokens: an "input" row counts uncached input tokens, a
 * "cached input" row counts cached input tokens in `inputTokens`, an "output" row counts output tokens.
 * Requests are counted once, on the request's uncached-input row (or the image row).
 */
export interface SpendRow {
  projectId: string;
  apiKeyId: string;
  userId: string;
  model: string;
  lineItem: string;
  kind: UsageKind;
  tokenKind: TokenKind;
  isBatch: boolean;
  /** Image size for image rows, else null. */
  size: string | null;
  costMicros: number;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  images: number;
}

/** Produces the spend rows of the UTC hour starting at `hourStartMs`; must be deterministic. */
export type HourSource = (hourStartMs: number) => SpendRow[];

/** The org's structure: what /projects lists and what spend rows refer to. */
export interface SimOrg {
  projects: SimProject[];
  archivedProjects: SimProject[];
  apiKeys: SimApiKey[];
}
