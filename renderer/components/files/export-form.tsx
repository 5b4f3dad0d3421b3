/**
 * Export a table for an organization (or all) and a range of UTC days, as CSV or JSON. The host checks the
 * request and says why it refuses one; in a browser the file downloads, in the desktop app a save dialog asks where.
 */
import { useId, useState, type FormEvent } from 'react';
import type { FileDelivery, RequestArgs } from '@core/api-contract';
import type { ExportFormat, ExportKind } from '@core/export/request';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../../api/api-context';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { defaultExportForm, EXPORT_CHOICES, exportRequestOf } from '../../view-models/export-form';
import { DownloadLink } from './download-link';
import { SubmitButton } from '../submit-button';

type ExportRequest = RequestArgs<'export:save'>;

export interface ExportFormProps {
  orgs: OrgSummary[];
  selectedOrgId: string | null;
  nowMs: number;
}

/** The export form. */
export function ExportForm({ orgs, selectedOrgId, nowMs }: ExportFormProps) {
  const api = useApi();
  const id = useId();
  const [form, setForm] = useState(() => defaultExportForm(nowMs, selectedOrgId));
  const [result, setResult] = useState<FileDelivery | null>(null);
  const save = useFormSubmit(async (request: ExportRequest) => {
    setResult(await api.invoke('export:save', request));
  });
  const set = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    save.clear();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    save.submit(exportRequestOf(form));
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="export-form"
      {...save.formProps}
    >
      <h3 id={`${id}-title`}>Export history</h3>
      <div className="field">
        <label htmlFor={`${id}-org`}>Organization</label>
        <select id={`${id}-org`} value={form.org} onChange={(e) => set({ org: e.currentTarget.value })}>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value="all">All organizations</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-what`}>What</label>
        <select
          id={`${id}-what`}
          value={form.what}
          onChange={(e) => set({ what: e.currentTarget.value as ExportKind })}
        >
          {EXPORT_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From (UTC day)</label>
        <input
          id={`${id}-from`}
          type="date"
          value={form.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To (UTC day, included)</label>
        <input
          id={`${id}-to`}
          type="date"
          value={form.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      </div>
      <fieldset className="field">
        <legend>Format</legend>
        {(['csv', 'json'] as ExportFormat[]).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name={`${id}-format`}
              value={f}
              checked={form.format === f}
              onChange={() => set({ format: f })}
            />{' '}
            {f === 'csv' ? 'CSV (spreadsheets)' : 'JSON (scripts)'}
          </label>
        ))}
      </fieldset>
      <p className="help">
        Times are in UTC, with a column in your time zone where it helps. Data is as of the last sync. Text
        that a spreadsheet could run as a formula starts with an apostrophe.
      </p>
      <SubmitButton label="Export" isPending={save.isPending} pendingLabel="Exporting…" />
      {save.error && (
        <p className="banner" role="alert" data-testid="export-error">
          {save.error}
        </p>
      )}
      {result?.delivery === 'download' && <DownloadLink href={result.href} fileName={result.fileName} />}
      {result?.delivery === 'saved' && <p role="status">Saved to {result.path}.</p>}
    </form>
  );
}
