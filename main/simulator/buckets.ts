/**
 * Time buckets and their paging, as the usage and costs endpoints return them: UTC-aligned widths, the
 * first bucket starting exactly at `start_time`, `limit` buckets per page and an opaque `next_page` cursor.
 */
import { invalidValue } from './api-errors';

export type BucketWidth = '1m' | '1h' | '1d';

export const BUCKET_SECONDS: Record<BucketWidth, number> = { '1m': 60, '1h': 3600, '1d': 86_400 };

export interface Bucket {
  startSec: number;
  /** The next UTC boundary after the start (what the response reports as `end_time`). */
  endSec: number;
}

/**
 * The page of buckets from `fromSec` (the query start or a cursor), `limit` long, not past `endSec` and not
 * starting after `nowSec`.
 *
 * Example: start 10:30Z, width 1h, end 13:00Z → buckets [10:30, 11:00), [11:00, 12:00), [12:00, 13:00).
 */
export function pageOfBuckets(
  fromSec: number,
  endSec: number,
  nowSec: number,
  width: BucketWidth,
  limit: number,
): { buckets: Bucket[]; nextStartSec: number | null } {
  const w = BUCKET_SECONDS[width];
  const buckets: Bucket[] = [];
  let s = fromSec;
  const isOpen = (t: number): boolean => t < endSec && t <= nowSec;
  while (buckets.length < limit && isOpen(s)) {
    const e = Math.floor(s / w) * w + w;
    buckets.push({ startSec: s, endSec: e });
    s = e;
  }
  return { buckets, nextStartSec: isOpen(s) ? s : null };
}

/** Encodes the start of the next page's first bucket as an opaque cursor (`page_…`, base64url). */
export function encodeCursor(nextStartSec: number): string {
  return `page_${Buffer.from(`v1:${nextStartSec}`).toString('base64url')}`;
}

/** Decodes a cursor from `encodeCursor`, checking it belongs to this query's range and width. */
export function decodeCursor(page: string, startSec: number, endSec: number, width: BucketWidth): number {
  const bad = (): never => {
    throw invalidValue(
      'page',
      `Invalid value for 'page': '${page}' is not a valid page cursor for this query.`,
    );
  };
  if (!page.startsWith('page_')) return bad();
  const text = Buffer.from(page.slice(5), 'base64url').toString('utf8');
  const match = /^v1:(\d+)$/.exec(text);
  if (!match) return bad();
  const t = Number(match[1]);
  const isAligned = t % BUCKET_SECONDS[width] === 0;
  if (t <= startSec || t >= endSec || !isAligned) return bad();
  return t;
}
