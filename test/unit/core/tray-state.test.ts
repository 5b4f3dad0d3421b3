import { describe, expect, it } from 'vitest';
import type { Alert, AlertKind } from '@core/alerts/alert-types';
import { trayModelOf, type TrayOrg } from '@core/tray-state';

const NOW = Date.UTC(2026, 10, 24, 14, 5);
const org = (patch: Partial<TrayOrg> = {}): TrayOrg => ({
  orgId: 'org_acme0001',
  name: 'Acme',
  balanceMicros: 8_200_000,
  mtdMicros: 120_000_000,
  runwayDays: 1.6,
  reloadP50Ms: Date.UTC(2026, 10, 26, 9),
  asOfMs: NOW - 60_000,
  syncState: 'ok',
  ...patch,
});
const alert = (kind: AlertKind, orgId = 'org_acme0001') =>
  ({ id: `${kind}:${orgId}`, kind, orgId, title: `Acme: ${kind}`, severity: 'warning' }) as Alert;
const model = (orgs: TrayOrg[], kinds: AlertKind[] = [], extra = {}) =>
  trayModelOf({
    orgs,
    active: kinds.map((k) => alert(k)),
    nowMs: NOW,
    figure: 'credit',
    pinnedOrgId: null,
    timeZone: 'UTC',
    ...extra,
  });

describe('tray model', () => {
  it('picks the most urgent state: error > low > card charge > reload soon > stale > healthy', () => {
    expect(model([org()]).state).toBe('healthy');
    expect(model([org()], ['reload-soon']).state).toBe('reload-soon');
    expect(model([org()], ['reload-soon', 'card-charge']).state).toBe('card-charge-soon');
    expect(model([org()], ['card-charge', 'low-credit']).state).toBe('low');
    expect(model([org()], ['low-credit', 'sync-failing']).state).toBe('error');
    expect(model([org({ syncState: 'error' })]).state).toBe('error');
    const stale = model([org({ asOfMs: NOW - 45 * 60_000 })]);
    expect([stale.state, stale.isDimmed]).toEqual(['stale', true]);
  });

  it('the first menu lines carry the glance alone (credit, next reload, alerts)', () => {
    const m = model([org()], ['low-credit']);
    expect(m.menuLines).toEqual(['Acme: credit ≈ $8.20 · reload ~Thu 26 Nov', '⚠ Acme: low-credit']);
    expect(m.figure).toBe('$8.20');
    expect(m.tooltip).toBe('Creditwatch\nAcme: credit ≈ $8.20 · reload ~Thu 26 Nov\n⚠ Acme: low-credit');
  });

  it('shows the chosen figure for the pinned org or all orgs', () => {
    const two = [
      org(),
      org({
        orgId: 'org_beta0001',
        name: 'Beta',
        balanceMicros: 1_800_000,
        runwayDays: 4,
        mtdMicros: 5_000_000,
      }),
    ];
    expect(model(two).figure).toBe('$10.00');
    expect(model(two, [], { figure: 'runway' }).figure).toBe('1.6 d');
    expect(model(two, [], { figure: 'month-to-date', pinnedOrgId: 'org_beta0001' }).figure).toBe('$5.00');
  });

  it('says when nothing is synced yet and when notifications are paused', () => {
    const m = model([org({ balanceMicros: null, mtdMicros: null, reloadP50Ms: null, asOfMs: null })], [], {
      pausedUntilMs: NOW + 3_600_000,
    });
    expect(m.menuLines).toEqual(['Acme: not synced yet', 'Notifications paused until 15:05']);
    expect(model([]).menuLines).toEqual(['No organization yet']);
  });

  it('shows each account in its own currency and totals per currency, never across', () => {
    const mixed = [
      org(),
      org({ orgId: 'org_beta0001', name: 'Beta', balanceMicros: 1_800_000, mtdMicros: 5_000_000 }),
      org({
        orgId: 'org_deepseek1',
        name: 'DeepSeek',
        currency: 'CNY',
        balanceMicros: 56_000_000,
        mtdMicros: 30_000_000,
        reloadP50Ms: null,
      }),
      org({ orgId: 'org_euro0001', name: 'Euro', currency: 'EUR', balanceMicros: null, reloadP50Ms: null }),
    ];
    const m = model(mixed);
    expect(m.figure).toBe('$10.00 · CN¥56.00');
    expect(model(mixed, [], { figure: 'month-to-date' }).figure).toBe('$125.00 · CN¥30.00 · €120.00');
    expect(model(mixed, [], { pinnedOrgId: 'org_deepseek1' }).figure).toBe('CN¥56.00');
    expect(m.menuLines).toContain('DeepSeek: credit ≈ CN¥56.00');
    expect(m.menuLines).toContain('Euro: €120.00 this month');
    expect(m.menuLines).toContain('Beta: credit ≈ $1.80 · reload ~Thu 26 Nov');
  });
});
