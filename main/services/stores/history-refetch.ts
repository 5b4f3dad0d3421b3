/**
 * Lost cost and usage data comes back by itself. At the sync engine's open, every stored cost month and
 * usage day is loaded once; one that cannot be read is set aside (reported by the versioned file), and so
 * is the range named by a refetch marker a read-only command left (`<file>.refetch`, see
 * `markForRefetch`), and a settled cost month whose file is missing (deleted by hand). The sync cursor is
 * then moved back, so the next sync fetches those ranges again. Until it has, the user is told that
 * figures which include them are incomplete.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { rewindCursor, type LostRanges } from '@core/refetch-plan';
import type { SyncStatus } from '@core/schemas';
import type { SyncCursor } from '@core/sync-plan';
import { DAY_MS, startOfNextUtcMonth, startOfUtcMonth, utcMonthKey } from '@core/time';
import { writePrivateFile } from './private-file';
import type { FileContext, VersionedFile } from './versioned-file';

type SyncFile = VersionedFile<{ version: 1; status: SyncStatus; cursor: SyncCursor }>;

/** Suffix of the marker a read-only reader leaves beside a cost or usage file it found damaged. */
export const REFETCH_MARKER = '.refetch';
const COSTS = /^costs-(\d{4}-\d{2})\.json$/;
const USAGE = /^usage-(\d{4}-\d{2}-\d{2})\.json$/;

/** Whether `name` is a cost month or usage day file (the re-fetchable ones). */
export const isRefetchable = (name: string): boolean => COSTS.test(name) || USAGE.test(name);

/**
 * Leaves a marker beside `name` in `dir` so that the next sync fetches its range again. For readers that
 * must not move the cursor themselves (a host running on the folder would write its own cursor over it).
 */
export async function markForRefetch(dir: string, name: string): Promise<void> {
  await writePrivateFile(join(dir, `${name}${REFETCH_MARKER}`), '');
}

/** Loads each cost/usage file, reads the markers, finds missing months; rewinds and saves the cursor. */
export async function refetchDamaged(
  dir: string,
  ctx: FileContext,
  syncFile: SyncFile,
  open: (name: string) => Promise<VersionedFile<unknown>>,
): Promise<void> {
  const lost: LostRanges = { costs: [], usage: [] };
  const words: string[] = [];
  const lose = (name: string) => {
    const month = COSTS.exec(name)?.[1];
    const day = USAGE.exec(name)?.[1];
    if (month) {
      const startMs = Date.parse(`${month}-01T00:00:00Z`);
      lost.costs.push({ startMs, endMs: startOfNextUtcMonth(startMs) });
      words.push(`settled costs of ${month}`);
    } else if (day) {
      const startMs = Date.parse(`${day}T00:00:00Z`);
      lost.usage.push({ startMs, endMs: startMs + DAY_MS });
      words.push(`hourly usage of ${day}`);
    }
  };
  const all = await names(dir);
  const markers = all.filter((n) => n.endsWith(REFETCH_MARKER));
  const marked = new Set(markers.map((n) => n.slice(0, -REFETCH_MARKER.length)).filter(isRefetchable));
  for (const name of all) {
    if (!isRefetchable(name) || marked.has(name)) continue;
    if ((await open(name)).origin === 'defaults') lose(name);
  }
  for (const name of [...marked].sort()) lose(name);
  const { status, cursor } = syncFile.data();
  for (const name of missingMonths(cursor, new Set(all), all.includes('balances.json'))) lose(name);
  if (words.length) {
    await syncFile.write({ version: 1, status, cursor: rewindCursor(cursor, lost) });
    ctx.problems?.report({
      file: join(dir, 'sync.json'),
      quarantinedAs: null,
      atMs: ctx.nowMs(),
      message: `The ${words.join(', ')} could not be read and will be fetched again at the next sync; until then, figures that include ${words.length === 1 ? 'it' : 'them'} (month to date, the forecast) are incomplete.`,
    });
  }
  // The cursor now covers them: the markers have done their work.
  for (const m of markers) await rm(join(dir, m), { force: true });
}

/**
 * Cost month files that every sync writes but are not there: each month from the backfill start up to
 * the settled end. Costs made from balance readings (`balances.json`) cannot be fetched again, so none.
 */
function missingMonths(cursor: SyncCursor, present: ReadonlySet<string>, isBalance: boolean): string[] {
  const { backfillStartMs: from, costsSettledThroughMs: to } = cursor;
  if (isBalance || from === null || to === null) return [];
  const out: string[] = [];
  for (let m = startOfUtcMonth(from); m < to; m = startOfNextUtcMonth(m)) {
    const name = `costs-${utcMonthKey(m)}.json`;
    if (!present.has(name)) out.push(name);
  }
  return out;
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
