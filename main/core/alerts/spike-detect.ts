/**
 * Intraday spike: this hour's usage compared with the usual for the same hour of the week, naming the
 * project and model that grew most. Usage is measured in tokens (the API gives hourly tokens, not money).
 *
 * Example: Tuesdays 14:00 usually see ~20k tokens; at 14:30 this Tuesday 14:00 has 200k, 175k of them from
 * project "batch" on gpt-4o → 400k at that rate for the hour → ratio 20, top project "batch", model "gpt-4o".
 */
import type { UsageRow } from '../sync-data';
import { DAY_MS, HOUR_MS, startOfUtcHour } from '../time';

export interface SpikeFacts {
  hourStartMs: number;
  /** Tokens so far in that hour. */
  tokens: number;
  /** Tokens the whole hour would see at this rate (equals `tokens` for a closed hour). */
  projectedTokens: number;
  /** The usual tokens for this hour of the week (mean of earlier weeks, else of earlier days at this hour). */
  usualTokens: number;
  ratio: number;
  projectId: string | null;
  /** The project's name when known, else its id ("Default project" for spend without one). */
  projectName: string;
  model: string | null;
}

const tokensOf = (r: UsageRow) => r.inputTokens + r.outputTokens;

/** Before this much of an hour has passed, the open hour is too short a sample: the last closed hour is used. */
const MIN_OPEN_SAMPLE_MS = 15 * 60_000;

/**
 * Compares the current hour (scaled to a whole hour at its rate so far) — or, in its first 15 minutes or
 * when it has no usage yet, the last closed hour — with the usual for that hour. Returns null without
 * usage in that hour or without any earlier history to compare with.
 */
export function detectSpike(
  usage: readonly UsageRow[],
  nowMs: number,
  names: ReadonlyMap<string, string> = new Map(),
): SpikeFacts | null {
  const byHour = new Map<number, number>();
  for (const r of usage) byHour.set(r.hourStartMs, (byHour.get(r.hourStartMs) ?? 0) + tokensOf(r));
  const current = startOfUtcHour(nowMs);
  const elapsed = nowMs - current;
  const isOpenUsable = elapsed >= MIN_OPEN_SAMPLE_MS && (byHour.get(current) ?? 0) > 0;
  const hour = isOpenUsable ? current : current - HOUR_MS;
  if ((byHour.get(hour) ?? 0) <= 0) return null;
  const scale = hour === current ? HOUR_MS / elapsed : 1;
  const earliest = Math.min(...byHour.keys());
  const sameHourOfWeek: number[] = [];
  for (let t = hour - 7 * DAY_MS; t >= earliest; t -= 7 * DAY_MS) sameHourOfWeek.push(byHour.get(t) ?? 0);
  const sameHourOfDay: number[] = [];
  for (let t = hour - DAY_MS; t >= earliest; t -= DAY_MS) sameHourOfDay.push(byHour.get(t) ?? 0);
  const pool = sameHourOfWeek.length >= 1 ? sameHourOfWeek : sameHourOfDay;
  if (pool.length === 0) return null;
  const usual = pool.reduce((a, b) => a + b, 0) / pool.length;
  const tokens = byHour.get(hour) ?? 0;
  const projectedTokens = Math.round(tokens * scale);
  const top = (key: (r: UsageRow) => string | null) => {
    const totals = new Map<string | null, number>();
    for (const r of usage)
      if (r.hourStartMs === hour) totals.set(key(r), (totals.get(key(r)) ?? 0) + tokensOf(r));
    return [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  const projectId = top((r) => r.projectId);
  return {
    hourStartMs: hour,
    tokens,
    projectedTokens,
    usualTokens: usual,
    // With nothing usual at this hour, any real usage is "infinitely" above it.
    ratio: usual > 0 ? projectedTokens / usual : Number.POSITIVE_INFINITY,
    projectId,
    projectName: projectId === null ? 'Default project' : (names.get(projectId) ?? projectId),
    model: top((r) => r.model),
  };
}
