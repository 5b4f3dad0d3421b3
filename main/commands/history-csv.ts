/**
 * Reads an hourly spend CSV (`hour_utc,model,requests,input_tokens,output_tokens,cost_usd`, the traces'
 * format, with an optional `currency` column as Creditwatch's hourly export writes it; `cost_usd` is then
 * in that currency) into an hourly series: several models in one hour are summed, rows at or after `beforeMs` are
 * ignored, and gaps, duplicates, negative or non-numeric costs are errors naming the line.
 *
 * Example: rows 00:00 gpt-4o 1.5, 00:00 gpt-4o-mini 0.5, 01:00 gpt-4o 0 → [2.0, 0] from 00:00Z.
 */
import Papa from 'papaparse';
import { type HourlySeries, createHourlySeries } from '@core/hourly-series';
import { HOUR_MS } from '@core/time';

export class HistoryCsvError extends Error {
  override name = 'HistoryCsvError';
}

export interface ParsedHistory {
  series: HourlySeries;
  /** Rows skipped because they are at or after `beforeMs`. */
  ignoredRows: number;
  models: string[];
  /** The `currency` column's code (one for the whole file), or null when the file has no such column. */
  currency: string | null;
}

const ISO_HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00(:00(\.0+)?)?(Z|\+00:00)$/;

/** Parses the CSV text; throws HistoryCsvError with a line number for any bad row. */
export function parseHistoryCsv(text: string, options: { beforeMs?: number } = {}): ParsedHistory {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  if (text.trim() === '') throw new HistoryCsvError('the history file is empty');
  for (const need of ['hour_utc', 'cost_usd']) {
    if (!fields.includes(need))
      throw new HistoryCsvError(`the history file has no "${need}" column (header: ${fields.join(',')})`);
  }
  const badRow = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code === 'TooFewFields');
  if (badRow) throw new HistoryCsvError(`line ${(badRow.row ?? 0) + 2}: ${badRow.message}`);

  const byHour = new Map<number, number>();
  const seen = new Set<string>();
  const models = new Set<string>();
  let ignoredRows = 0;
  let currency: string | null = null;
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    if (fields.includes('currency')) {
      const code = (row.currency ?? '').trim();
      if (!/^[A-Z]{3}$/.test(code))
        throw new HistoryCsvError(`line ${line}: currency "${code}" is not a currency code (e.g. USD, CNY)`);
      if (currency !== null && code !== currency)
        throw new HistoryCsvError(
          `line ${line}: currency ${code} differs from ${currency} above (a history is one account's spend, in one currency)`,
        );
      currency = code;
    }
    const hourText = (row.hour_utc ?? '').trim();
    if (!ISO_HOUR.test(hourText))
      throw new HistoryCsvError(
        `line ${line}: hour_utc "${hourText}" is not a whole UTC hour (e.g. 2025-04-01T13:00:00Z)`,
      );
    const hourMs = Date.parse(hourText);
    if (!Number.isFinite(hourMs))
      throw new HistoryCsvError(`line ${line}: hour_utc "${hourText}" is not a valid date`);
    const costText = (row.cost_usd ?? '').trim();
    const cost = costText === '' ? Number.NaN : Number(costText);
    if (!Number.isFinite(cost))
      throw new HistoryCsvError(`line ${line}: cost_usd "${costText}" is not a number`);
    if (cost < 0) throw new HistoryCsvError(`line ${line}: cost_usd ${costText} is negative`);
    const model = (row.model ?? '').trim();
    const key = `${hourMs}|${model}`;
    if (seen.has(key))
      throw new HistoryCsvError(
        `line ${line}: duplicate row for ${hourText}${model ? ` and model ${model}` : ''}`,
      );
    seen.add(key);
    if (options.beforeMs !== undefined && hourMs >= options.beforeMs) {
      ignoredRows++;
      return;
    }
    if (model) models.add(model);
    byHour.set(hourMs, (byHour.get(hourMs) ?? 0) + cost);
  });
  if (byHour.size === 0) {
    throw new HistoryCsvError(
      ignoredRows > 0 ? 'no history rows before --now' : 'the history file has no data rows',
    );
  }
  const hours = [...byHour.keys()].sort((a, b) => a - b);
  const first = hours[0] as number;
  const last = hours[hours.length - 1] as number;
  const count = (last - first) / HOUR_MS + 1;
  if (count !== hours.length) {
    const gapAt = hours.findIndex((h, i) => h !== first + i * HOUR_MS);
    const missing = new Date(first + gapAt * HOUR_MS).toISOString();
    throw new HistoryCsvError(
      `the history has a gap: no row for ${missing} (${count - hours.length} hour(s) missing in all)`,
    );
  }
  const usd = new Float64Array(count);
  hours.forEach((h, i) => (usd[i] = byHour.get(h) as number));
  return { series: createHourlySeries(first, usd), ignoredRows, models: [...models].sort(), currency };
}
