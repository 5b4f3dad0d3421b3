import { describe, expect, it } from 'vitest';
import { ApiHttpError } from '../../../main/simulator/api-errors';
import { decodeCursor, encodeCursor, pageOfBuckets } from '../../../main/simulator/buckets';

const T = (iso: string): number => Date.parse(iso) / 1000;

describe('pageOfBuckets', () => {
  it('starts the first bucket at start_time and aligns the rest to UTC boundaries', () => {
    const { buckets, nextStartSec } = pageOfBuckets(
      T('2026-11-20T10:30:00Z'),
      T('2026-11-20T13:00:00Z'),
      T('2026-12-01T00:00:00Z'),
      '1h',
      24,
    );
    expect(buckets).toEqual([
      { startSec: T('2026-11-20T10:30:00Z'), endSec: T('2026-11-20T11:00:00Z') },
      { startSec: T('2026-11-20T11:00:00Z'), endSec: T('2026-11-20T12:00:00Z') },
      { startSec: T('2026-11-20T12:00:00Z'), endSec: T('2026-11-20T13:00:00Z') },
    ]);
    expect(nextStartSec).toBeNull();
  });

  it('stops at the limit with a next start, and never starts a bucket after now', () => {
    const page = pageOfBuckets(
      T('2026-11-01T05:00:00Z'),
      T('2026-12-01T00:00:00Z'),
      T('2026-11-24T15:00:00Z'),
      '1d',
      7,
    );
    expect(page.buckets).toHaveLength(7);
    expect(page.buckets[1]!.startSec).toBe(T('2026-11-02T00:00:00Z'));
    expect(page.nextStartSec).toBe(T('2026-11-08T00:00:00Z'));
    const last = pageOfBuckets(
      T('2026-11-22T00:00:00Z'),
      T('2026-12-01T00:00:00Z'),
      T('2026-11-24T15:00:00Z'),
      '1d',
      31,
    );
    expect(last.buckets.map((b) => b.startSec)).toEqual([
      T('2026-11-22T00:00:00Z'),
      T('2026-11-23T00:00:00Z'),
      T('2026-11-24T00:00:00Z'),
    ]);
    expect(last.nextStartSec).toBeNull();
  });

  it('handles minute buckets', () => {
    const page = pageOfBuckets(
      T('2026-11-20T10:00:30Z'),
      T('2026-11-20T10:03:00Z'),
      T('2026-11-21T00:00:00Z'),
      '1m',
      60,
    );
    expect(page.buckets.map((b) => b.endSec - b.startSec)).toEqual([30, 60, 60]);
  });
});

describe('page cursors', () => {
  const start = T('2026-11-01T05:00:00Z');
  const end = T('2026-12-01T00:00:00Z');
  it('round-trips and looks opaque', () => {
    const cursor = encodeCursor(T('2026-11-08T00:00:00Z'));
    expect(cursor).toMatch(/^page_[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, start, end, '1d')).toBe(T('2026-11-08T00:00:00Z'));
  });

  it.each([
    'nonsense',
    'page_!!!',
    encodeCursor(T('2026-11-08T03:00:00Z')),
    encodeCursor(T('2026-12-05T00:00:00Z')),
  ])('rejects %s as a 400 on page', (cursor) => {
    try {
      decodeCursor(cursor, start, end, '1d');
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiHttpError);
      expect((e as ApiHttpError).status).toBe(400);
      expect((e as ApiHttpError).body.error.param).toBe('page');
    }
  });
});
