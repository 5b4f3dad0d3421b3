// Which alerts pop up as notifications (only those needing action, unless the user asks for all), and
// "Got it", which holds until the alert's figures change.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgAlertFacts } from '@core/alerts/alert-facts';
import type { Alert } from '@core/alerts/alert-types';
import type { Org } from '@core/schemas';
import { DAY_MS } from '@core/time';
import { createAlertDispatcher } from '../../../main/services/alert-dispatcher';
import { openAlertStore } from '../../../main/services/stores/alert-store';
import { alertFiguresKey } from '@core/alerts/acknowledge';
import { calmFacts, NOW } from '../core/alerts/alert-fixtures';

const ORG: Org = {
  id: 'org_acme0001',
  name: 'Acme',
  kind: 'demo',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
};
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-alert-notify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function open(facts: () => OrgAlertFacts) {
  const fired: Alert[] = [];
  const webhook = vi.fn();
  const d = createAlertDispatcher({
    store: await openAlertStore(dir, { nowMs: () => NOW }),
    orgs: () => [ORG],
    factsFor: async () => facts(),
    nowMs: () => NOW,
    displayZone: () => 'UTC',
    onFired: (a) => fired.push(a),
    onChanged: () => {},
    webhook,
  });
  return { d, fired, webhook };
}

// Credit expiring in 10 days (information) and credit low (action needed) at once.
const both = () =>
  calmFacts({
    balance: { micros: 5_000_000, asOfMs: NOW },
    spendPerDayMicros: 100_000,
    expiring: [{ lotId: 'grant1', micros: 4_000_000, expiresAtMs: NOW + 10 * DAY_MS }],
  });

describe('notifications', () => {
  it('by default pop up only for alerts that need action; the page and the webhook get every alert', async () => {
    const { d, fired, webhook } = await open(both);
    await d.updateSettings({ webhookUrl: 'https://hooks.example.com/T1/B2' });
    const view = await d.evaluate();
    expect(view.active.map((a) => a.kind).sort()).toEqual(['credit-expiring', 'low-credit']);
    expect(fired.map((a) => a.kind)).toEqual(['low-credit']);
    expect(webhook).toHaveBeenCalledTimes(2);
  });

  it('include the informational ones when the setting says all', async () => {
    const { d, fired } = await open(both);
    expect((await d.updateSettings({ notify: 'all' })).notify).toBe('all');
    await d.evaluate();
    expect(fired.map((a) => a.kind).sort()).toEqual(['credit-expiring', 'low-credit']);
  });
});

describe('"Got it"', () => {
  it('holds while the alert says the same, and lets it show again when its figure changes', async () => {
    let balance = 5_000_000;
    const facts = () => calmFacts({ balance: { micros: balance, asOfMs: NOW }, spendPerDayMicros: 100_000 });
    const { d } = await open(facts);
    await d.evaluate();
    const id = 'low-credit:org_acme0001';
    const acked = await d.acknowledge(id);
    expect(Object.keys(acked.acknowledged)).toEqual([id]);
    expect(Object.keys((await d.evaluate()).acknowledged)).toEqual([id]);
    balance = 3_000_000;
    const after = await d.evaluate();
    expect(after.active.map((a) => a.id)).toEqual([id]);
    expect(after.acknowledged).toEqual({});
  });

  it('refuses an alert that is not active, in words', async () => {
    const { d } = await open(() => calmFacts());
    await d.evaluate();
    await expect(d.acknowledge('low-credit:org_acme0001')).rejects.toThrow(/no longer active/);
  });
});

describe('the figures an acknowledgement holds', () => {
  it('ignore the "as of" time and a wobble of cents, not a real change', () => {
    const at = (body: string) => alertFiguresKey({ title: 'Acme: credit low', body });
    const first = at(
      'About $5.00 of credit left (estimate as of Mon 7 Dec, 09:23), below your $10.00 alert.',
    );
    expect(at('About $4.98 of credit left (estimate as of Mon 7 Dec, 10:23), below your $10.00 alert.')).toBe(
      first,
    );
    expect(
      at('About $4.80 of credit left (estimate as of Mon 7 Dec, 10:23), below your $10.00 alert.'),
    ).not.toBe(first);
    expect(alertFiguresKey({ title: 'Acme: 8 auto-reloads expected', body: '' })).not.toBe(
      alertFiguresKey({ title: 'Acme: 9 auto-reloads expected', body: '' }),
    );
  });
});
