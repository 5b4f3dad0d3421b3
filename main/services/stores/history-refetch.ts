/**
 * At open, every stored cost month and usage day is loaded once; one that cannot be read is set aside
 * (reported by the versioned file) and the sync cursor is moved back, so the next sync fetches that range
 * again. Until it has, the user is told that figures which include it are incomplete.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { rewindCursor, type LostRanges } from '@core/refetch-plan';
import type { SyncStatus } from '@core/schemas';
import type { SyncCursor } from '@core/sync-plan';
import { DAY_MS, startOfNextUtcMonth } from '@core/time';
import type { FileContext, VersionedFile } from './versioned-file';

type SyncFile = VersionedFile<{ version: 1; status: SyncStatus; cursor: SyncCursor }>;

/** Loads each cost/usage file; rewinds and saves the cursor when any was damaged. */
export async function refetchDamaged(
  dir: string,
  ctx: FileContext,
  syncFile: SyncFile,
  open: (name: string) => Promise<VersionedFile<unknown>>,
): Promise<void> {
  const lost: LostRanges = { costs: [], usage: [] };
  const words: string[] = [];
  for (const name of await names(dir)) {
    const month = /^costs-(\d{4}-\d{2})\.json$/.exec(name)?.[1];
    const day = /^usage-(\d{4}-\d{2}-\d{2})\.json$/.exec(name)?.[1];
    if (!month && !day) continue;
    if ((await open(name)).origin !== 'defaults') continue;
    if (month) {
      const startMs = Date.parse(`${month}-01T00:00:00Z`);
      lost.costs.push({ startMs, endMs: startOfNextUtcMonth(startMs) });
      words.push(`settled costs of ${month}`);
    } else {
      const startMs = Date.parse(`${day}T00:00:00Z`);
      lost.usage.push({ startMs, endMs: startMs + DAY_MS });
      words.push(`hourly usage of ${day}`);
    }
  }
  if (!words.length) return;
  const { status, cursor } = syncFile.data();
  await syncFile.write({ version: 1, status, cursor: rewindCursor(cursor, lost) });
  ctx.problems?.report({
    file: join(dir, 'sync.json'),
    quarantinedAs: null,
    atMs: ctx.nowMs(),
    message: `The ${words.join(', ')} could not be read and will be fetched again at the next sync; until then, figures that include ${words.length === 1 ? 'it' : 'them'} (month to date, the forecast) are incomplete.`,
  });
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
