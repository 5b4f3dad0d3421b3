/**
 * One organization's history on disk, split by how often each part changes so a steady-state poll rewrites
 * only small files: settled costs per month (written when a day settles), a small file of cost days that
 * can still change, hourly usage per day (written when an hour closes) plus a small file of open hours,
 * snapshots per day, project names, and the sync status with its cursor.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectName } from '@core/dashboard';
import { compactSnapshots, isUsageDayExpired, SNAPSHOT_TIERS } from '@core/retention';
import type { SyncStatus } from '@core/schemas';
import type { BalanceLog } from '@core/balance-log';
import type { BalancePoint } from '@core/balance-spend';
import type { CostDay, SpendSnapshot, UsageRow } from '@core/sync-data';
import type { SyncCursor, TimeRange } from '@core/sync-plan';
import {
  DAY_MS,
  startOfUtcDay,
  startOfUtcMonth,
  startOfNextUtcMonth,
  utcDayKey,
  utcMonthKey,
} from '@core/time';
import {
  decodeCostDays,
  decodeSnapshots,
  decodeUsage,
  encodeCostDays,
  encodeSnapshots,
  encodeUsage,
} from './history-codec';
import {
  BALANCE_FILE,
  COST_FILE,
  PROJECTS_FILE,
  SNAPSHOT_FILE,
  SYNC_FILE,
  USAGE_FILE,
  type BalanceFile,
} from './history-files';
import { isRefetchable, markForRefetch, refetchDamaged } from './history-refetch';
import { openVersionedFile, type FileContext, type FileSpec, type VersionedFile } from './versioned-file';

export interface OrgHistory {
  readonly dir: string;
  sync(): { status: SyncStatus; cursor: SyncCursor };
  saveSync(status: SyncStatus, cursor: SyncCursor): Promise<void>;
  projects(): ProjectName[];
  saveProjects(projects: ProjectName[]): Promise<void>;
  /** Stores the fetched buckets of `range` (days absent from `days` are empty); days before `settledThroughMs` are final. */
  putCosts(range: TimeRange, days: readonly CostDay[], settledThroughMs: number): Promise<void>;
  /** Cost days in `[start, end)`, sorted; days never stored are absent. */
  costDays(range: TimeRange): Promise<CostDay[]>;
  /** Stores the fetched hourly usage of `range`; hours before `finalThroughMs` are final. */
  putUsage(range: TimeRange, rows: readonly UsageRow[], finalThroughMs: number): Promise<void>;
  usage(range: TimeRange): Promise<UsageRow[]>;
  addSnapshot(snapshot: SpendSnapshot): Promise<void>;
  snapshots(range: TimeRange): Promise<SpendSnapshot[]>;
  /** Applies retention: thins old snapshots, folds very old ones into the archive, drops expired usage. */
  compact(nowMs: number): Promise<void>;
  /** Readings of the balance the provider reports (OpenRouter, DeepSeek); null before the first. */
  balanceLog(): Promise<BalanceLog | null>;
  saveBalanceLog(log: BalanceLog): Promise<void>;
  /** Deletes every file of this organization. */
  remove(): Promise<void>;
}

const RECENT_COSTS = 'costs-recent.json';
const OPEN_USAGE = 'usage-open.json';
const SNAPSHOT_ARCHIVE = 'snapshots-archive.json';
const BALANCE_FILE_NAME = 'balances.json';

type PointTuple = [number, number, number | null, number | null];
const toTuple = (p: BalancePoint): PointTuple => [p.atMs, p.balanceMicros, p.creditsMicros, p.usageMicros];
const fromTuple = ([atMs, balanceMicros, creditsMicros, usageMicros]: PointTuple): BalancePoint => ({
  atMs,
  balanceMicros,
  creditsMicros,
  usageMicros,
});

function encodeBalanceLog(log: BalanceLog): BalanceFile {
  return {
    version: 1,
    currency: log.currency,
    first: log.first && toTuple(log.first),
    last: log.last && toTuple(log.last),
    daily: log.daily.map(toTuple),
    topUps: log.topUps.map((t) => [t.atMs, t.micros]),
    held: log.held ? toTuple(log.held) : null,
  };
}

function decodeBalanceLog(file: BalanceFile & { currency: string }): BalanceLog {
  return {
    currency: file.currency,
    first: file.first && fromTuple(file.first),
    last: file.last && fromTuple(file.last),
    daily: file.daily.map(fromTuple),
    topUps: file.topUps.map(([atMs, micros]) => ({ atMs, micros })),
    held: file.held ? fromTuple(file.held) : null,
  };
}
const dayFromKey = (key: string) => Date.parse(`${key}T00:00:00Z`);

/**
 * Opens (creating lazily) the history folder of one organization. The sync engine's open checks every
 * cost and usage file and rewinds the cursor past damaged ones (`rewindDamaged`, the default); a reader
 * that only reads a range (the export command) skips that, so it loads only the files it reads, and
 * leaves a refetch marker beside a damaged one it found, which the next sync's open turns into a rewind.
 */
export async function openOrgHistory(
  dir: string,
  ctx: FileContext,
  opts: { rewindDamaged?: boolean } = {},
): Promise<OrgHistory> {
  const files = new Map<string, Promise<VersionedFile<unknown>>>();
  const open = <T extends { version: number }>(
    name: string,
    spec: FileSpec<T>,
  ): Promise<VersionedFile<T>> => {
    let f = files.get(name);
    if (!f) {
      f = openVersionedFile(join(dir, name), spec, ctx) as Promise<VersionedFile<unknown>>;
      if (opts.rewindDamaged === false && isRefetchable(name))
        f = f.then(async (file) => {
          if (file.origin === 'defaults') await markForRefetch(dir, name);
          return file;
        });
      files.set(name, f);
    }
    return f as Promise<VersionedFile<T>>;
  };
  const drop = async (name: string) => {
    files.delete(name);
    await rm(join(dir, name), { force: true });
  };
  const syncFile = await open('sync.json', SYNC_FILE);
  const projectsFile = await open('projects.json', PROJECTS_FILE);
  // Cost and usage files that cannot be read are set aside; the range they held is fetched again.
  if (opts.rewindDamaged !== false)
    await refetchDamaged(dir, ctx, syncFile, async (name) =>
      name.startsWith('costs-') ? open(name, COST_FILE) : open(name, USAGE_FILE),
    );

  return {
    dir,
    sync: () => syncFile.data(),
    saveSync: (status, cursor) => syncFile.write({ version: 1, status, cursor }),
    projects: () => projectsFile.data().projects,
    saveProjects: (projects) =>
      projectsFile.write({ version: 1, projects: [...projects].sort((a, b) => a.id.localeCompare(b.id)) }),

    async putCosts(range, days, settledThroughMs) {
      const fetched = new Map(days.map((d) => [d.dayStartMs, d]));
      const settledByMonth = new Map<string, CostDay[]>();
      const recent: CostDay[] = [];
      for (let day = startOfUtcDay(range.startMs); day < range.endMs; day += DAY_MS) {
        const data = fetched.get(day) ?? { dayStartMs: day, rows: [] };
        if (day < settledThroughMs) {
          const key = utcMonthKey(day);
          settledByMonth.set(key, [...(settledByMonth.get(key) ?? []), data]);
        } else recent.push(data);
      }
      for (const [month, monthDays] of settledByMonth) {
        const file = await open(`costs-${month}.json`, COST_FILE);
        const replaced = new Set(monthDays.map((d) => d.dayStartMs));
        const kept = decodeCostDays(file.data()).filter((d) => !replaced.has(d.dayStartMs));
        // Empty settled days are not stored: a missing day reads as zero.
        await file.write(encodeCostDays([...kept, ...monthDays.filter((d) => d.rows.length > 0)]));
      }
      const recentFile = await open(RECENT_COSTS, COST_FILE);
      await recentFile.write(encodeCostDays(recent));
    },

    async costDays(range) {
      const byDay = new Map<number, CostDay>();
      for (let m = startOfUtcMonth(range.startMs); m < range.endMs; m = startOfNextUtcMonth(m)) {
        const file = await open(`costs-${utcMonthKey(m)}.json`, COST_FILE);
        for (const d of decodeCostDays(file.data())) byDay.set(d.dayStartMs, d);
      }
      // The recent file is newer than any month file for the days it holds.
      for (const d of decodeCostDays((await open(RECENT_COSTS, COST_FILE)).data()))
        byDay.set(d.dayStartMs, d);
      return [...byDay.values()]
        .filter((d) => d.dayStartMs >= range.startMs && d.dayStartMs < range.endMs)
        .sort((a, b) => a.dayStartMs - b.dayStartMs);
    },

    async putUsage(range, rows, finalThroughMs) {
      const closedEnd = Math.min(finalThroughMs, range.endMs);
      for (let day = startOfUtcDay(range.startMs); day < closedEnd; day += DAY_MS) {
        const from = Math.max(day, range.startMs);
        const to = Math.min(day + DAY_MS, closedEnd);
        const file = await open(`usage-${utcDayKey(day)}.json`, USAGE_FILE);
        const kept = decodeUsage(file.data()).filter((r) => r.hourStartMs < from || r.hourStartMs >= to);
        const fresh = rows.filter((r) => r.hourStartMs >= from && r.hourStartMs < to);
        await file.write(encodeUsage([...kept, ...fresh]));
      }
      const openFile = await open(OPEN_USAGE, USAGE_FILE);
      await openFile.write(encodeUsage(rows.filter((r) => r.hourStartMs >= finalThroughMs)));
    },

    async usage(range) {
      const openRows = decodeUsage((await open(OPEN_USAGE, USAGE_FILE)).data());
      const openHours = new Set(openRows.map((r) => r.hourStartMs));
      const out: UsageRow[] = [];
      for (let day = startOfUtcDay(range.startMs); day < range.endMs; day += DAY_MS) {
        const file = await open(`usage-${utcDayKey(day)}.json`, USAGE_FILE);
        out.push(...decodeUsage(file.data()).filter((r) => !openHours.has(r.hourStartMs)));
      }
      out.push(...openRows);
      return out
        .filter((r) => r.hourStartMs >= range.startMs && r.hourStartMs < range.endMs)
        .sort((a, b) => a.hourStartMs - b.hourStartMs);
    },

    async addSnapshot(snapshot) {
      const file = await open(`snapshots-${utcDayKey(snapshot.atMs)}.json`, SNAPSHOT_FILE);
      await file.write(encodeSnapshots([...decodeSnapshots(file.data()), snapshot]));
    },

    async snapshots(range) {
      const out = decodeSnapshots((await open(SNAPSHOT_ARCHIVE, SNAPSHOT_FILE)).data());
      for (const name of await listFiles(dir)) {
        const m = /^snapshots-(\d{4}-\d{2}-\d{2})\.json$/.exec(name);
        if (!m?.[1]) continue;
        const day = dayFromKey(m[1]);
        if (day + DAY_MS <= range.startMs || day >= range.endMs) continue;
        out.push(...decodeSnapshots((await open(name, SNAPSHOT_FILE)).data()));
      }
      return out
        .filter((s) => s.atMs >= range.startMs && s.atMs < range.endMs)
        .sort((a, b) => a.atMs - b.atMs);
    },

    async compact(nowMs) {
      const archiveAge = SNAPSHOT_TIERS[SNAPSHOT_TIERS.length - 1]?.ageMs ?? Infinity;
      const firstThinAge = SNAPSHOT_TIERS[1]?.ageMs ?? Infinity;
      for (const name of await listFiles(dir)) {
        const usage = /^usage-(\d{4}-\d{2}-\d{2})\.json$/.exec(name);
        if (usage?.[1] && isUsageDayExpired(dayFromKey(usage[1]), nowMs)) await drop(name);
        const snap = /^snapshots-(\d{4}-\d{2}-\d{2})\.json$/.exec(name);
        if (!snap?.[1]) continue;
        const dayEnd = dayFromKey(snap[1]) + DAY_MS;
        if (nowMs - dayEnd < firstThinAge) continue;
        const file = await open(name, SNAPSHOT_FILE);
        const points = compactSnapshots(decodeSnapshots(file.data()), nowMs);
        if (nowMs - dayEnd >= archiveAge) {
          const archive = await open(SNAPSHOT_ARCHIVE, SNAPSHOT_FILE);
          const merged = compactSnapshots([...decodeSnapshots(archive.data()), ...points], nowMs);
          await archive.write(encodeSnapshots(merged));
          await drop(name);
        } else {
          await file.write(encodeSnapshots(points));
        }
      }
    },

    async balanceLog() {
      const data = (await open(BALANCE_FILE_NAME, BALANCE_FILE)).data();
      return data.currency === null ? null : decodeBalanceLog({ ...data, currency: data.currency });
    },

    async saveBalanceLog(log) {
      await (await open(BALANCE_FILE_NAME, BALANCE_FILE)).write(encodeBalanceLog(log));
    },

    async remove() {
      files.clear();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
