/**
 * The spend dimensions' names on the page, and the note on days without a per-key split. The figures
 * themselves (series, totals, top spenders and shares) come computed from core (`@core/charts/spend-by`).
 */
import type { DailyProjectSpend } from '@core/dashboard';
import { SPEND_WORDS, type SpendDimension } from '@core/charts/spend-by';

export const DIMENSIONS: ReadonlyArray<{ key: SpendDimension; label: string }> = [
  { key: 'project', label: 'Project' },
  { key: 'model', label: 'Model' },
  { key: 'line-item', label: 'Line item' },
  { key: 'api-key', label: 'API key' },
];

/**
 * What the API-key view must say when some shown days have no per-key split (the provider refused it for
 * them): those days' spend sits under "Key not recorded", which is not the same as no key spending.
 * Null when every shown day has the split or another dimension is shown.
 *
 * Example: split from 2026-11-20 on, the chart starting 2026-11-08 → "Per-key figures not available before
 * Nov 20, 2026: OpenAI did not split the days before it by key; their spend shows as “Key not recorded”."
 */
export function perKeyNote(
  daily: readonly DailyProjectSpend[],
  perKeyFromMs: number | null | undefined,
  dim: SpendDimension,
): string | null {
  if (dim !== 'api-key' || perKeyFromMs == null || daily.length === 0) return null;
  if (daily[0]!.dayStartMs >= perKeyFromMs) return null;
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(perKeyFromMs);
  return `Per-key figures not available before ${day}: OpenAI did not split the days before it by key; their spend shows as “${SPEND_WORDS['api-key'].none}”.`;
}
