import { describe, expect, it } from 'vitest';
import { parseArgs } from '@core/api-contract';
import { EXPORT_KINDS } from '@core/export/request';
import {
  defaultExportForm,
  EXPORT_CHOICES,
  exportRequestOf,
} from '../../../../renderer/view-models/export-form';

describe('export form', () => {
  it('defaults to this UTC month so far, the selected organization, daily costs as CSV', () => {
    // 23:30 on Nov 30 in UTC is already Dec 1 in Tokyo: the form speaks UTC days, as the export does.
    expect(defaultExportForm(Date.UTC(2026, 10, 30, 23, 30), 'org_abcdefgh')).toEqual({
      org: 'org_abcdefgh',
      from: '2026-11-01',
      to: '2026-11-30',
      what: 'costs',
      format: 'csv',
    });
    expect(defaultExportForm(Date.UTC(2027, 0, 1, 0, 5), null)).toMatchObject({
      org: 'all',
      from: '2027-01-01',
      to: '2027-01-01',
    });
  });

  it('sends a request the contract accepts, "all" as no organization', () => {
    const request = exportRequestOf({ ...defaultExportForm(Date.UTC(2026, 10, 18), null), what: 'hourly' });
    expect(request.org).toBeNull();
    expect(parseArgs('export:save', request)).toEqual(request);
  });

  it('offers every table, in words', () => {
    expect(EXPORT_CHOICES.map((c) => c.value)).toEqual([...EXPORT_KINDS]);
    for (const c of EXPORT_CHOICES) expect(c.label).not.toMatch(/P10|P90|horizon/);
  });
});
