// The overview's and the alert list's view-models: how alerts are grouped and folded, one history row per
// episode, the shared "as of", the balance table floored at zero and the sync frequency choices.
import { describe, expect, it } from 'vitest';
import type { Alert, AlertKind } from '@core/alerts/alert-types';
import type { AlertsView } from '@core/alerts/alerts-view';
import type { HistoryEntry } from '@core/alerts/alert-state';
import { buildAlertList } from '../../../../renderer/view-models/alert-list';
import { buildEpisodes } from '../../../../renderer/view-models/alert-episodes';
import { sharedAsOf, type CardSummary } from '../../../../renderer/view-models/card-summary';
import { frequencyChoices } from '../../../../renderer/view-models/sync-frequency';

const T0 = Date.UTC(2026, 11, 7, 9, 23);
const alert = (kind: AlertKind, orgId: string, n = 0): Alert => ({
  id: `${kind}:${orgId}`,
  kind,
  orgId,
  orgName: orgId === 'a' ? 'Acme' : 'Beta',
  severity: 'info',
  title: `${orgId === 'a' ? 'Acme' : 'Beta'}: ${kind} ${n}`,
  body: 'Words.',
  startedMs: T0,
  updatedMs: T0,
});
const view = (active: Alert[], acknowledged: Record<string, string> = {}): AlertsView => ({
  active,
  history: [],
  snoozes: {},
  acknowledged,
  pausedUntilMs: null,
  webhookProblem: null,
  evaluatedMs: T0,
});

describe('the alert list', () => {
  const five = [
    alert('card-charge', 'a'),
    alert('credit-expiring', 'a'),
    alert('low-credit', 'b'),
    alert('reload-soon', 'b'),
    alert('sync-failing', 'a'),
  ];

  it('folded: only what needs action, the account with it first; the counter counts both kinds', () => {
    const list = buildAlertList(view(five), null, 'folded');
    expect(list.groups.map((g) => [g.orgId, g.rows.map((r) => r.alert.kind)])).toEqual([
      ['b', ['low-credit']],
      ['a', ['sync-failing']],
    ]);
    expect(list.summary).toBe('2 alerts need action · 3 for information');
    expect(list.hiddenCount).toBe(0);
  });

  it('opened: three rows, then "+N more"; all: every row', () => {
    const open = buildAlertList(view(five), null, 'open');
    expect(open.groups.flatMap((g) => g.rows).length).toBe(3);
    expect(open.hiddenCount).toBe(2);
    const all = buildAlertList(view(five), null, 'all');
    expect(all.groups.flatMap((g) => g.rows).length).toBe(5);
    expect(all.hiddenCount).toBe(0);
  });

  it('an account page lists its own alerts only; "Got it" leaves an alert out and is counted', () => {
    const list = buildAlertList(view(five, { 'low-credit:b': 'x' }), 'b', 'all');
    expect(list.groups.flatMap((g) => g.rows.map((r) => r.alert.id))).toEqual(['reload-soon:b']);
    expect(list.acknowledgedCount).toBe(1);
    expect(list.summary).toBe('1 for information');
  });
});

describe('the alert history', () => {
  const line = (atMs: number, event: HistoryEntry['event'], alertId = 'low-credit:a'): HistoryEntry => ({
    atMs,
    event,
    alertId,
    kind: 'low-credit',
    orgId: 'a',
    title: 'Acme: credit low',
    body: '',
    note: null,
  });

  it('is one row per episode, newest first, from lines in any order', () => {
    const rows = buildEpisodes([
      line(T0 + 5, 'started'),
      line(T0 + 4, 'cleared'),
      line(T0 + 2, 'snoozed'),
      line(T0 + 1, 'notified'),
      line(T0, 'started'),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ startedMs: T0 + 5, clearedMs: null, notifiedMs: null });
    expect(rows[1]).toMatchObject({ startedMs: T0, notifiedMs: T0 + 1, snoozedCount: 1, clearedMs: T0 + 4 });
  });
});

describe('the overview', () => {
  const summary = (asOf: string | null, asOfMs: number | null): CardSummary => ({
    paymentKind: 'prepaid',
    chip: 'Prepaid · no auto-reload',
    hero: {
      figure: 'credit-left',
      label: 'Credit left',
      value: {
        name: 'credit-left',
        isKnown: true,
        valueMicros: 1_000_000,
        range: null,
        atMs: null,
        asOfMs,
        source: 'estimated',
        text: '$1.00',
        note: null,
      },
      source: 'estimate',
      asOf,
      asOfMs,
    },
    lines: [],
  });

  it('says one "as of" for cards minutes apart, and none when they lie further apart', () => {
    expect(sharedAsOf([summary('09:23', T0), summary('09:23', T0 + 20_000)])).toBe('09:23');
    expect(sharedAsOf([summary('09:20', T0 - 180_000), summary('09:23', T0)])).toBe('09:20–09:23');
    expect(sharedAsOf([summary('08:23', T0 - 3_600_000), summary('09:23', T0)])).toBeNull();
    expect(sharedAsOf([])).toBeNull();
  });
});

describe('how often to sync', () => {
  it('offers 5, 15 and 60 minutes, and keeps a schedule set another way', () => {
    expect(frequencyChoices('*/5 * * * *').map((c) => c.label)).toEqual([
      'Every 5 minutes',
      'Every 15 minutes',
      'Every hour',
    ]);
    expect(frequencyChoices('*/10 * * * *').at(-1)).toEqual({
      cron: '*/10 * * * *',
      label: 'As set before (a custom schedule)',
    });
  });
});
