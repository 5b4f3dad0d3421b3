import { describe, expect, it } from 'vitest';
import { ExportInputError, findOrgByRef, planExport, slug, type ExportRequest } from '@core/export/request';
import type { Org } from '@core/schemas';

const org = (id: string, name: string): Org => ({
  id,
  name,
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
});
const ORGS = [
  org('org_aaaaaaaa', 'Acme, "Labs"\nEU'),
  org('org_bbbbbbbb', '=cmd|calc'),
  org('org_cccccccc', 'Beta'),
];
const NOW = Date.UTC(2026, 10, 18, 15, 20);
const req = (patch: Partial<ExportRequest>): ExportRequest => ({
  org: 'Beta',
  from: '2026-11-01',
  to: '2026-11-18',
  what: 'costs',
  format: 'csv',
  ...patch,
});
const refusal = (patch: Partial<ExportRequest>) => {
  try {
    planExport(req(patch), ORGS, NOW);
  } catch (err) {
    expect(err).toBeInstanceOf(ExportInputError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('planExport', () => {
  it('plans whole UTC days, up to the end of the last day', () => {
    const plan = planExport(req({}), ORGS, NOW);
    expect(plan.fromMs).toBe(Date.UTC(2026, 10, 1));
    expect(plan.toMs).toBe(Date.UTC(2026, 10, 19));
    expect(plan.orgs.map((o) => o.id)).toEqual(['org_cccccccc']);
    expect(plan.fileName).toBe('creditwatch-costs-beta-2026-11-01-2026-11-18.csv');
  });

  it('finds orgs whose names hold quotes, commas, newlines or a leading "=" by name or id', () => {
    expect(findOrgByRef(ORGS, 'Acme, "Labs"\nEU').id).toBe('org_aaaaaaaa');
    expect(findOrgByRef(ORGS, '=cmd|calc').id).toBe('org_bbbbbbbb');
    expect(findOrgByRef(ORGS, 'beta').id).toBe('org_cccccccc');
    expect(planExport(req({ org: '=cmd|calc' }), ORGS, NOW).fileName).toBe(
      'creditwatch-costs-cmd-calc-2026-11-01-2026-11-18.csv',
    );
    expect(slug('Acme, "Labs"\n=X')).toBe('acme-labs-x');
  });

  it('refuses bad ranges and unknown orgs with a reason', () => {
    expect(refusal({ from: '2026-11-18', to: '2026-11-01' })).toMatch(/reversed/);
    expect(refusal({ to: '2026-11-19' })).toMatch(/in the future/);
    expect(refusal({ from: '2026-12-01', to: '2026-12-02' })).toMatch(/in the future/);
    expect(refusal({ from: '2026-02-30' })).toMatch(/not a date/);
    expect(refusal({ org: 'Nope' })).toMatch(/No organization "Nope"/);
    expect(refusal({ org: null, what: 'hourly' })).toMatch(/one organization/);
    expect(planExport(req({ org: null }), ORGS, NOW).orgs).toHaveLength(3);
  });

  it('refuses an ambiguous name and asks for an id', () => {
    const twins = [org('org_dddddddd', 'Twin'), org('org_eeeeeeee', 'Twin')];
    expect(() => planExport(req({ org: 'Twin' }), twins, NOW)).toThrow(/org_dddddddd, org_eeeeeeee/);
  });
});
