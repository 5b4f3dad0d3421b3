import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, actionNeeded, kindNeedsAction, needsAction } from '@core/alerts/action-needed';
import { ALERT_KINDS, type AlertKind } from '@core/alerts/alert-types';

describe('needsAction', () => {
  it('credit low, running out, sync failing and spend limit near need action', () => {
    for (const kind of ['low-credit', 'low-runway', 'sync-failing', 'spend-limit'] as AlertKind[]) {
      expect(needsAction({ kind })).toBe(true);
    }
  });
  it('expected charges, expiring credit, spikes and silent orgs only inform', () => {
    for (const kind of [
      'reload-soon',
      'card-charge',
      'credit-expiring',
      'spend-spike',
      'silent-org-spending',
    ] as AlertKind[]) {
      expect(needsAction({ kind })).toBe(false);
    }
  });
  it('every action kind is a known kind, and the rule agrees with the list', () => {
    for (const kind of ACTION_KINDS) expect(ALERT_KINDS).toContain(kind);
    expect(ALERT_KINDS.filter(kindNeedsAction)).toEqual(ACTION_KINDS);
  });
  it('keeps only the alerts that need action, in order', () => {
    const alerts = [
      { kind: 'card-charge' as const },
      { kind: 'sync-failing' as const },
      { kind: 'low-credit' as const },
    ];
    expect(actionNeeded(alerts).map((a) => a.kind)).toEqual(['sync-failing', 'low-credit']);
  });
});
