/**
 * The export form's choices and defaults, pure: this UTC month so far, the selected organization, CSV.
 *
 * Example: now 2026-11-18T15:20Z → from "2026-11-01", to "2026-11-18".
 */
import type { RequestArgs } from '@core/api-contract';
import type { ExportFormat, ExportKind } from '@core/export/request';

export const EXPORT_CHOICES: readonly { value: ExportKind; label: string }[] = [
  { value: 'costs', label: 'Daily costs by project and line item' },
  { value: 'usage', label: 'Hourly usage by model and project (last 14 days)' },
  { value: 'snapshots', label: 'Sync history: spend, balance and forecast at each sync' },
  { value: 'ledger', label: 'Ledger and billing rule' },
  { value: 'hourly', label: 'Hourly spend, to feed creditwatch forecast --history' },
];

export interface ExportFormState {
  org: string; // an org id, or 'all'
  from: string;
  to: string;
  what: ExportKind;
  format: ExportFormat;
}

/** Defaults for the form at `nowMs`. */
export function defaultExportForm(nowMs: number, selectedOrgId: string | null): ExportFormState {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  return {
    org: selectedOrgId ?? 'all',
    from: `${today.slice(0, 8)}01`,
    to: today,
    what: 'costs',
    format: 'csv',
  };
}

/** The request the form sends; the host checks it (dates, range, organization) and explains a refusal. */
export function exportRequestOf(form: ExportFormState): RequestArgs<'export:save'> {
  return {
    org: form.org === 'all' ? null : form.org,
    from: form.from,
    to: form.to,
    what: form.what,
    format: form.format,
  };
}
