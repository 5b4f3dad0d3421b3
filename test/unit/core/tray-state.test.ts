import { describe, expect, it } from 'vitest';
import type { Alert, AlertKind } from '@core/alerts/alert-types';
import { fitLines, MAX_TOOLTIP_CHARS, trayModelOf } from '@core/tray-state';
import type { AccountAnswer } from '@core/answer/account-answer';
import { HOUR_MS } from '@core/time';
import { accountState, answerOf, NOW, observation, type AccountSpec } from './answer/answer-fixtures';

const acct = (spec: AccountSpec = {}): AccountAnswer => answerOf(accountState(spec));
const alert = (kind: AlertKind, orgId = 'org_answer0001', title = `Acme: ${kind}`) =>
  ({ id: `${kind}:${orgId}`, kind, orgId, title, severity: 'warning' }) as Alert;
const model = (answers: AccountAnswer[], active: Alert[] = [], extra = {}) =>
  trayModelOf({
    answers,
    active,
    nowMs: NOW,
    figure: 'credit',
    pinnedOrgId: null,
    timeZone: 'UTC',
    ...extra,
  });

// Acme: $150 recorded two hours ago, about $24 a day, no auto-reload: runs out within a week.
const acme = () =>
  acct({ entries: [observation(NOW - 2 * HOUR_MS, 150_000_000)], billing: { mode: 'prepaid' } });
// Beta: $5,000 recorded, same spend: runs out far later.
const beta = () =>
  acct({
    orgId: 'org_beta000001',
    name: 'Beta',
    entries: [observation(NOW - 2 * HOUR_MS, 5_000_000_000)],
    billing: { mode: 'prepaid' },
  });

describe('tray model', () => {
  it('picks the most urgent state: error > low > card charge > reload soon > stale > healthy', () => {
    const a = [acme()];
    expect(model(a).state).toBe('healthy');
    expect(model(a, [alert('reload-soon')]).state).toBe('reload-soon');
    expect(model(a, [alert('reload-soon'), alert('card-charge')]).state).toBe('card-charge-soon');
    expect(model(a, [alert('card-charge'), alert('low-credit')]).state).toBe('low');
    expect(model(a, [alert('low-credit'), alert('sync-failing')]).state).toBe('error');
    expect(model(a, [], { syncFailingOrgIds: ['org_answer0001'] }).state).toBe('error');
    const stale = model(a, [], { nowMs: NOW + 45 * 60_000 });
    expect([stale.state, stale.isDimmed]).toEqual(['stale', true]);
  });

  it('quotes the answer: the title is the most urgent account’s figure, never a sum', () => {
    const a = acme();
    const b = beta();
    const m = model([b, a]);
    // Acme runs out within a week, so it leads, whatever the order of the accounts.
    expect(m.menuLines[0]).toBe(
      `Acme: credit ${a.figures['credit-left'].text} · runs out ${a.figures['runs-out'].text}`,
    );
    expect(m.figure).toBe(a.figures['credit-left'].text.split(' (')[0]);
    expect(m.figure).not.toContain('·');
    expect(model([b, a], [], { figure: 'month-to-date' }).figure).toBe(a.figures['this-month'].text);
    expect(model([b, a], [], { pinnedOrgId: 'org_beta000001' }).figure).toBe(
      b.figures['credit-left'].text.split(' (')[0],
    );
    // An alert that needs action puts its account first.
    expect(model([a, b], [alert('low-credit', 'org_beta000001', 'Beta: credit low')]).menuLines[0]).toMatch(
      /^Beta: /,
    );
    // Each account's line, and each alert's, opens that account.
    const withAlert = model([a, b], [alert('low-credit', 'org_beta000001', 'Beta: credit low')]);
    expect(withAlert.menuOrgIds).toEqual(['org_beta000001', a.orgId, 'org_beta000001']);
    expect(withAlert.menuLines).toHaveLength(withAlert.menuOrgIds.length);
  });

  it('leaves demo accounts out once a real account exists', () => {
    const demo = acct({ orgId: 'org_demo00001', name: 'Demo', isDemo: true });
    expect(model([demo, beta()]).menuLines.some((l) => l.startsWith('Demo:'))).toBe(false);
    expect(model([demo]).menuLines[0]).toMatch(/^Demo: /);
  });

  it('keeps whole lines within the platform’s tooltip limit, most urgent first', () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      acct({
        orgId: `org_many0000${i}`,
        name: `Team number ${i}`,
        entries: [observation(NOW - HOUR_MS, 900_000_000 + i)],
      }),
    );
    const m = model([...many, acme()]);
    expect(m.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_CHARS);
    const lines = m.tooltip.split('\n');
    expect(lines[0]).toBe('Creditwatch');
    expect(lines[1]).toMatch(/^Acme: /);
    expect(lines[lines.length - 1]).toMatch(/^\+\d+ more$/);
    for (const line of lines.slice(1, -1)) expect(m.menuLines).toContain(line);
  });

  it('says when nothing is synced yet, each account in its own currency, and when notifications are paused', () => {
    const fresh = acct({ hasSynced: false });
    const m = model([fresh], [], { pausedUntilMs: NOW + 3_600_000 });
    expect(m.menuLines).toEqual(['Acme: not synced yet', 'Notifications paused until 10:23']);
    expect(m.figure).toBe('');
    expect(model([]).menuLines).toEqual(['No organization yet']);
    expect(model([]).menuOrgIds).toEqual([null]);
    expect(m.menuOrgIds).toEqual([fresh.orgId, null]);
    const cny = acct({ orgId: 'org_deepseek01', name: 'DeepSeek', provider: 'deepseek', currency: 'CNY' });
    expect(model([cny]).menuLines[0]).toMatch(/^DeepSeek: CN¥[\d,.]+ this month$/);
  });
});

describe('fitLines', () => {
  it('always names the most urgent account, cut to fit when its line alone is too long', () => {
    const long = `Demo organization: ${'x'.repeat(200)}`;
    const text = fitLines(['Creditwatch', long, 'Personal: $12.92 this month'], 127);
    expect(text.length).toBeLessThanOrEqual(127);
    expect(text).toMatch(/^Creditwatch\nDemo organization: x+…\n\+1 more$/);
  });

  it('keeps whole lines while they fit, then says how many are left out', () => {
    expect(fitLines(['Creditwatch', 'A: $1', 'B: $2', 'C: $3'], 28)).toBe('Creditwatch\nA: $1\n+2 more');
    expect(fitLines(['Creditwatch', 'A: $1', 'B: $2'], 127)).toBe('Creditwatch\nA: $1\nB: $2');
  });
});
