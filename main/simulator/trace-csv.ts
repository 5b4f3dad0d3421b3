/**
 * Reads an hourly spend trace CSV (`hour_utc,model,requests,input_tokens,output_tokens,cost_usd`, the
 * format of test/fixtures/traces), with clear errors naming the line at fault.
 */
import Papa from 'papaparse';
import { toMicros } from '@core/money';
import { HOUR_MS } from '@core/time';

export const TRACE_COLUMNS = [
  'hour_utc',
  'model',
  'requests',
  'input_tokens',
  'output_tokens',
  'cost_usd',
] as const;

export interface TraceRow {
  hourStartMs: number;
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
}

export interface Trace {
  name: string;
  firstHourMs: number;
  /** Number of consecutive hours covered (every hour has at least one row). */
  hours: number;
  rows: TraceRow[];
}

function count(value: string, column: string, where: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new Error(`${where}: ${column} must be a whole number >= 0, got '${value}'`);
  }
  return n;
}

/** Parses and checks a trace: header, ISO hours on the hour, no gaps, non-negative numbers. */
export function parseTraceCsv(csvText: string, name: string): Trace {
  const parsed = Papa.parse<Record<string, string>>(csvText.trim(), { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  const missing = TRACE_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `trace ${name}: missing column(s) ${missing.join(', ')}; expected header ${TRACE_COLUMNS.join(',')}`,
    );
  }
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`trace ${name}: line ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  if (parsed.data.length === 0) throw new Error(`trace ${name}: no data rows`);
  const rows = parsed.data.map((r, i): TraceRow => {
    const where = `trace ${name}: line ${i + 2}`;
    const hour = r.hour_utc ?? '';
    const hourStartMs = Date.parse(hour);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(hour) || Number.isNaN(hourStartMs)) {
      throw new Error(`${where}: hour_utc must be an ISO UTC time like 2025-04-01T00:00:00Z, got '${hour}'`);
    }
    if (hourStartMs % HOUR_MS !== 0) throw new Error(`${where}: hour_utc must be on the hour, got '${hour}'`);
    const model = (r.model ?? '').trim();
    if (!model) throw new Error(`${where}: model is empty`);
    const cost = Number(r.cost_usd);
    if ((r.cost_usd ?? '').trim() === '' || !Number.isFinite(cost) || cost < 0) {
      throw new Error(`${where}: cost_usd must be a number >= 0, got '${r.cost_usd ?? ''}'`);
    }
    return {
      hourStartMs,
      model,
      requests: count(r.requests ?? '', 'requests', where),
      inputTokens: count(r.input_tokens ?? '', 'input_tokens', where),
      outputTokens: count(r.output_tokens ?? '', 'output_tokens', where),
      costMicros: toMicros(cost),
    };
  });
  rows.sort((a, b) => a.hourStartMs - b.hourStartMs);
  const firstHourMs = rows[0]!.hourStartMs;
  const hours = (rows[rows.length - 1]!.hourStartMs - firstHourMs) / HOUR_MS + 1;
  const seen = new Set(rows.map((r) => r.hourStartMs));
  for (let h = 0; h < hours; h++) {
    if (!seen.has(firstHourMs + h * HOUR_MS)) {
      throw new Error(
        `trace ${name}: hour ${new Date(firstHourMs + h * HOUR_MS).toISOString()} is missing (every hour needs a row)`,
      );
    }
  }
  return { name, firstHourMs, hours, rows };
}
