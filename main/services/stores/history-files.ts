/**
 * File formats of an organization's history (compact: string tables + number tuples, since these files
 * are rewritten whole and their size is the disk-write budget). Each has a version and a zod schema.
 */
import { z } from 'zod';
import { INITIAL_SYNC_STATUS, SyncErrorKindSchema, SyncStatusSchema } from '@core/schemas';
import { EMPTY_CURSOR } from '@core/sync-plan';
import type { FileSpec } from './versioned-file';

const Int = z.number().int();
/** A string table; index -1 in a row means null. */
const Table = z.array(z.string());
const Ref = Int.min(-1);

/** Cost days: `rows` are `[projectRef, lineItemRef, micros, apiKeyRef?]` (files before keys have three). */
export const CostFileSchema = z.object({
  version: z.literal(1),
  projects: Table,
  lineItems: Table,
  apiKeys: Table.default([]),
  days: z.array(z.object({ day: Int, rows: z.array(z.tuple([Ref, Ref, Int]).rest(Ref)) })),
});
export type CostFile = z.infer<typeof CostFileSchema>;

/** Hourly usage: `rows` are `[projectRef, modelRef, requests, inputTokens, outputTokens]`; `hour` is epoch ms. */
export const UsageFileSchema = z.object({
  version: z.literal(1),
  projects: Table,
  models: Table,
  hours: z.array(z.object({ hour: Int, rows: z.array(z.tuple([Ref, Ref, Int, Int, Int])) })),
});
export type UsageFile = z.infer<typeof UsageFileSchema>;

const StateCode = z.enum(['ok', 'error']);
const Num = z.number();
/**
 * A snapshot's forecast: `[crossingP10Ms, crossingP50Ms, crossingP90Ms, probabilityWithinHorizon, reloadsP50,
 * cardChargesP50Micros, monthEndChargeP50Micros, confidence]`, each nullable.
 */
const ForecastTuple = z.tuple([
  Int.nullable(),
  Int.nullable(),
  Int.nullable(),
  Num.nullable(),
  Num.nullable(),
  Int.nullable(),
  Int.nullable(),
  z.enum(['low', 'medium', 'high']).nullable(),
]);
/** Snapshots: `[atMs, monthToDateMicros, todayMicros, state, errorKind, balanceMicros, forecast]`. */
export const SnapshotFileSchema = z.object({
  version: z.literal(2),
  points: z.array(
    z.tuple([
      Int,
      Int,
      Int,
      StateCode,
      SyncErrorKindSchema.nullable(),
      Int.nullable(),
      ForecastTuple.nullable(),
    ]),
  ),
});
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;

/** Version 1 kept only the crossing P50 as a number; version 2 keeps the forecast tuple. */
export function upgradeSnapshotsV1ToV2(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.points !== undefined && !Array.isArray(raw.points)) throw new Error('"points" is not a list');
  const points = Array.isArray(raw.points) ? (raw.points as unknown[][]) : [];
  return {
    ...raw,
    version: 2,
    points: points.map((p) => {
      const p50 = p[6];
      const forecast = typeof p50 === 'number' ? [null, p50, null, null, null, null, null, null] : null;
      return [...p.slice(0, 6), forecast];
    }),
  };
}

export const SyncFileSchema = z.object({
  version: z.literal(1),
  status: SyncStatusSchema,
  cursor: z.object({
    costsSettledThroughMs: Int.nullable(),
    backfillStartMs: Int.nullable(),
    usageFinalThroughMs: Int.nullable(),
    projectsFetchedAtMs: Int.nullable(),
    // Added later: files written before it have none (no refusal known).
    keylessBeforeMs: Int.nullable().optional(),
  }),
});

export const ProjectsFileSchema = z.object({
  version: z.literal(1),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
});

const spec = <T extends { version: 1 }>(
  label: string,
  schema: z.ZodType<T>,
  defaults: () => T,
): FileSpec<T> => ({
  label,
  version: 1,
  schema,
  migrations: {},
  defaults,
});

export const COST_FILE = spec('cost history', CostFileSchema, () => ({
  version: 1,
  projects: [],
  lineItems: [],
  apiKeys: [],
  days: [],
}));
export const USAGE_FILE = spec('usage history', UsageFileSchema, () => ({
  version: 1,
  projects: [],
  models: [],
  hours: [],
}));
export const SNAPSHOT_FILE: FileSpec<SnapshotFile> = {
  label: 'snapshots',
  version: 2,
  schema: SnapshotFileSchema,
  migrations: { 1: upgradeSnapshotsV1ToV2 },
  defaults: () => ({ version: 2, points: [] }),
};
export const SYNC_FILE = spec('sync status', SyncFileSchema, () => ({
  version: 1,
  status: INITIAL_SYNC_STATUS,
  cursor: EMPTY_CURSOR,
}));
export const PROJECTS_FILE = spec('project names', ProjectsFileSchema, () => ({ version: 1, projects: [] }));

/** A balance reading: `[atMs, balanceMicros, creditsMicros, usageMicros]` (the last two nullable). */
const PointTuple = z.tuple([Int, Int, Int.nullable(), Int.nullable()]);
/** Readings of a balance the provider reports (see `BalanceLog` in core); null currency = none read yet. */
export const BalanceFileSchema = z.object({
  version: z.literal(1),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  first: PointTuple.nullable(),
  last: PointTuple.nullable(),
  daily: z.array(PointTuple),
  topUps: z.array(z.tuple([Int, Int])),
  /** A suspect reading held until the next confirms it (absent in older files). */
  held: PointTuple.nullable().optional(),
});
export type BalanceFile = z.infer<typeof BalanceFileSchema>;
export const BALANCE_FILE = spec('balance readings', BalanceFileSchema, () => ({
  version: 1,
  currency: null,
  first: null,
  last: null,
  daily: [],
  topUps: [],
}));
