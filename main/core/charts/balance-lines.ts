/**
 * The forecast lines of the balance chart: one line falling at a spend rate and reloading by the rule, and
 * the likely-range band over many such lines. Amounts are micro-units of the account's currency (fractional
 * while a line is drawn; the chart rounds its points).
 */
import type { BillingConfig } from '../billing';
import { HOUR_MS } from '../time';

/** One chart point: an instant and an amount in micro-units. */
export interface Point {
  x: number;
  y: number;
}

/** A forecast line's time step. */
export const LINE_STEP_MS = 3 * HOUR_MS;
/** The band's time step: fine enough that reloads at different times blend into one area. */
const BAND_STEP_MS = HOUR_MS;

/** Credit expiring unused at one instant (the answer's amount), drawn as a step down. */
export interface ExpiryDrop {
  atMs: number;
  micros: number;
}

/**
 * One forecast line falling at `ratePerMs` (micro-units a millisecond) from `start`, reloading by the rule
 * when it crosses the threshold, and stepping down by `drop` when credit expires unused.
 *
 * Example: $100 now, $10 threshold, restore to $50, $30 a day → $10 in 3 days, then $50, falling again.
 */
export function fallingLine(
  start: number,
  nowMs: number,
  endMs: number,
  ratePerMs: number,
  billing: BillingConfig,
  onReload?: (p: Point) => void,
  drop: ExpiryDrop | null = null,
): Point[] {
  const rule = billing.reload?.enabled ? billing.reload : null;
  const threshold = rule ? rule.thresholdMicros : 0;
  const points: Point[] = [{ x: nowMs, y: start }];
  let balance = start;
  let isDropped = drop === null;
  for (let t = nowMs + LINE_STEP_MS; t <= endMs; t += LINE_STEP_MS) {
    if (!isDropped && drop && drop.atMs <= t) {
      // Credit expiring unused leaves the balance at once: a step down, and a reload if it falls below.
      isDropped = true;
      const before = balance - ratePerMs * (drop.atMs - (t - LINE_STEP_MS));
      let after = before - drop.micros;
      points.push({ x: drop.atMs, y: before });
      if (rule && after < threshold) {
        points.push({ x: drop.atMs, y: after });
        after =
          rule.action.kind === 'restore-to' ? rule.action.targetMicros : after + rule.action.amountMicros;
        onReload?.({ x: drop.atMs, y: after });
      }
      points.push({ x: drop.atMs, y: after });
      balance = after + ratePerMs * (drop.atMs - (t - LINE_STEP_MS));
    }
    const next = balance - ratePerMs * LINE_STEP_MS;
    if (rule && next < threshold && balance >= threshold && ratePerMs > 0) {
      // The crossing instant inside this step, then the reload.
      const tc = t - LINE_STEP_MS + (balance - threshold) / ratePerMs;
      const after =
        rule.action.kind === 'restore-to' ? rule.action.targetMicros : threshold + rule.action.amountMicros;
      points.push({ x: tc, y: threshold }, { x: tc, y: after });
      onReload?.({ x: tc, y: after });
      balance = after - ratePerMs * (t - tc);
    } else balance = next;
    points.push({ x: t, y: balance });
  }
  return points;
}

/**
 * A line's lowest and highest value at `t`: both sides of a jump there, else linear between its points. `from`
 * is a search hint for times asked in order.
 */
function valuesAt(line: readonly Point[], t: number, from: { i: number }): [number, number] {
  while (from.i + 1 < line.length && line[from.i + 1]!.x < t) from.i++;
  const a = line[from.i]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = from.i; j < line.length && line[j]!.x <= t; j++)
    if (line[j]!.x === t) {
      lo = Math.min(lo, line[j]!.y);
      hi = Math.max(hi, line[j]!.y);
    }
  if (lo <= hi) return [lo, hi];
  const b = line[from.i + 1];
  const y = !b || a.x >= t || b.x === a.x ? a.y : a.y + ((b.y - a.y) * (t - a.x)) / (b.x - a.x);
  return [y, y];
}

/**
 * The band over a set of forecast lines: at each hour from `nowMs` to `endMs` and at each of `extraTimes`
 * (where a line jumps), the lowest and highest of the lines, floored at zero (a prepaid balance cannot go below
 * it). Example: lines at $40 and $50 (one just reloaded) at some hour give low $40, high $50 there, whichever
 * line is which.
 */
export function rangeBand(
  lines: readonly Point[][],
  nowMs: number,
  endMs: number,
  extraTimes: readonly number[] = [],
): { low: Point[]; high: Point[] } {
  const times = new Set<number>(extraTimes.filter((t) => t >= nowMs && t <= endMs));
  for (let t = nowMs; t < endMs; t += BAND_STEP_MS) times.add(t);
  times.add(endMs);
  const low: Point[] = [];
  const high: Point[] = [];
  const hints = lines.map(() => ({ i: 0 }));
  for (const t of [...times].sort((a, b) => a - b)) {
    let lo = Infinity;
    let hi = -Infinity;
    lines.forEach((line, i) => {
      const [a, b] = valuesAt(line, t, hints[i]!);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    });
    low.push({ x: t, y: Math.max(0, lo) });
    high.push({ x: t, y: Math.max(0, hi) });
  }
  return { low, high };
}
