import { describe, expect, it } from 'vitest';
import {
  AlertSettingsSchema,
  defaultAlertSettings,
  resolveOrgRules,
  type AlertSettings,
} from '@core/alerts/alert-settings';
import { AlertStateSchema, emptyAlertState, type AlertState } from '@core/alerts/alert-state';
import { evaluateAlerts } from '@core/alerts/evaluate';
import { AlertRequestError, pauseNotifications, snoozeAlert } from '@core/alerts/snooze';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { calmFacts, NOW, type FactsPatch } from './alert-fixtures';

const LOW: FactsPatch = { balance: { micros: 5_000_000, asOfMs: NOW }, spendPerDayMicros: 100_000 };
const OK: FactsPatch = { balance: { micros: 100_000_000, asOfMs: NOW }, spendPerDayMicros: 100_000 };

function step(
  state: AlertState,
  nowMs: number,
  patch: FactsPatch,
  settings: AlertSettings = defaultAlertSettings(),
  zone = 'UTC',
) {
  return evaluateAlerts({
    facts: [calmFacts({ ...patch, nowMs })],
    settings,
    state,
    nowMs,
    displayZone: zone,
  });
}

describe('snooze', () => {
  it('holds a new alert back until the snooze ends, then delivers it once if it still holds', () => {
    const first = step(emptyAlertState(), NOW, LOW);
    const snoozed = snoozeAlert(first.state, 'low-credit:org_acme0001', NOW + HOUR_MS, NOW);
    expect(step(snoozed, NOW + 30 * MINUTE_MS, LOW).deliver).toEqual([]);
    const after = step(snoozed, NOW + 61 * MINUTE_MS, LOW);
    expect(after.deliver.map((a) => a.kind)).toEqual(['low-credit']);
    expect(step(after.state, NOW + 62 * MINUTE_MS, LOW).deliver).toEqual([]);
  });

  it('does not deliver at all when the condition clears during the snooze', () => {
    const first = step(emptyAlertState(), NOW, LOW);
    const snoozed = snoozeAlert(first.state, 'low-credit:org_acme0001', NOW + HOUR_MS, NOW);
    const cleared = step(snoozed, NOW + 10 * MINUTE_MS, OK);
    expect(cleared.active).toEqual([]);
    expect(step(cleared.state, NOW + 2 * HOUR_MS, OK).deliver).toEqual([]);
  });

  it('refuses a snooze in the past and a snooze of an alert that is not active', () => {
    const first = step(emptyAlertState(), NOW, LOW);
    expect(() => snoozeAlert(first.state, 'low-credit:org_acme0001', NOW - 1, NOW)).toThrow(
      new AlertRequestError('A snooze must end in the future: pick a later time.'),
    );
    expect(() => snoozeAlert(first.state, 'spend-spike:org_acme0001', NOW + HOUR_MS, NOW)).toThrow(
      /no longer active/,
    );
  });

  it('pausing all notifications holds every alert, still shown as active', () => {
    const paused = pauseNotifications(emptyAlertState(), NOW + HOUR_MS, NOW);
    const during = step(paused, NOW, LOW);
    expect(during.deliver).toEqual([]);
    expect(during.active).toHaveLength(1);
    expect(during.state.history.find((h) => h.event === 'started')?.note).toMatch(/notifications paused/);
    expect(step(during.state, NOW + HOUR_MS, LOW).deliver).toHaveLength(1);
    expect(() => pauseNotifications(emptyAlertState(), NOW, NOW)).toThrow(/must end in the future/);
  });
});

describe('quiet hours', () => {
  const quiet = (start: string, end: string, timeZone: string | null = null) =>
    AlertSettingsSchema.parse({ version: 1, quietHours: { start, end }, timeZone });

  it('across midnight: held at 23:30 and 03:00, delivered once at 07:00', () => {
    const s = quiet('22:00', '07:00');
    const night = Date.UTC(2026, 10, 24, 23, 30);
    const a = step(emptyAlertState(), night, LOW, s);
    expect(a.deliver).toEqual([]);
    expect(a.active).toHaveLength(1);
    const b = step(a.state, Date.UTC(2026, 10, 25, 3), LOW, s);
    expect(b.deliver).toEqual([]);
    const c = step(b.state, Date.UTC(2026, 10, 25, 7), LOW, s);
    expect(c.deliver.map((x) => x.kind)).toEqual(['low-credit']);
    expect(step(c.state, Date.UTC(2026, 10, 25, 8), LOW, s).deliver).toEqual([]);
  });

  it('follows the wall clock in the user zone across the spring DST change (Europe/Berlin, 29 Mar 2026)', () => {
    const s = quiet('22:00', '07:00', 'Europe/Berlin');
    // 05:30 UTC is 07:30 CEST after the change (it would be 06:30 under CET): quiet is over.
    const held = step(emptyAlertState(), Date.UTC(2026, 2, 29, 4, 30), LOW, s); // 06:30 CEST
    expect(held.deliver).toEqual([]);
    expect(step(held.state, Date.UTC(2026, 2, 29, 5, 30), LOW, s).deliver).toHaveLength(1);
  });

  it('follows the wall clock across the autumn DST change (America/New_York, 1 Nov 2026)', () => {
    const s = quiet('01:00', '03:00', 'America/New_York');
    // 01:30 EDT (05:30Z) and, after the clocks go back, 01:30 EST (06:30Z) are both quiet; 03:00 EST (08:00Z) is not.
    const a = step(emptyAlertState(), Date.UTC(2026, 10, 1, 5, 30), LOW, s);
    const b = step(a.state, Date.UTC(2026, 10, 1, 6, 30), LOW, s);
    expect([a.deliver.length, b.deliver.length]).toEqual([0, 0]);
    expect(step(b.state, Date.UTC(2026, 10, 1, 8), LOW, s).deliver).toHaveLength(1);
  });

  it('uses the display zone when the alert settings name none', () => {
    const s = quiet('22:00', '07:00');
    // 14:30 UTC is 23:30 in Tokyo.
    expect(step(emptyAlertState(), NOW, LOW, s, 'Asia/Tokyo').deliver).toEqual([]);
    expect(step(emptyAlertState(), NOW, LOW, s, 'UTC').deliver).toHaveLength(1);
  });
});

describe('per-org settings', () => {
  it('an org override beats the user default, which beats the built-in default', () => {
    const settings = AlertSettingsSchema.parse({
      version: 1,
      defaults: { lowCreditMicros: 20_000_000 },
      orgs: { org_other001: { lowCreditMicros: 3_000_000 } },
    });
    const facts = [
      calmFacts({ balance: { micros: 15_000_000, asOfMs: NOW }, spendPerDayMicros: 0 }),
      calmFacts({
        orgId: 'org_other001',
        orgName: 'Other',
        balance: { micros: 15_000_000, asOfMs: NOW },
        spendPerDayMicros: 0,
      }),
    ];
    const r = evaluateAlerts({ facts, settings, state: emptyAlertState(), nowMs: NOW, displayZone: 'UTC' });
    expect(r.deliver.map((a) => a.id)).toEqual(['low-credit:org_acme0001']);
    expect(r.deliver[0]!.body).toMatch(/below your \$20\.00 alert/);
  });

  it('an org override of one value keeps the user defaults of the others', () => {
    const settings = AlertSettingsSchema.parse({
      version: 1,
      defaults: { lowCreditMicros: 20_000_000 },
      orgs: { org_acme0001: { spikeFactor: 10 } },
    });
    expect(resolveOrgRules(settings, 'org_acme0001')).toMatchObject({
      lowCreditMicros: 20_000_000,
      spikeFactor: 10,
    });
  });

  it('a kind switched off for one org never fires for it', () => {
    const settings = AlertSettingsSchema.parse({
      version: 1,
      orgs: { org_acme0001: { disabled: ['low-credit'] } },
    });
    expect(step(emptyAlertState(), NOW, LOW, settings).active).toEqual([]);
  });

  it('works with no configuration at all', () => {
    expect(step(emptyAlertState(), NOW, LOW).deliver).toHaveLength(1);
  });
});

describe('state across a restart', () => {
  it('a state written to disk and read back does not repeat delivered alerts', () => {
    const first = step(emptyAlertState(), NOW, LOW);
    const reread = AlertStateSchema.parse(JSON.parse(JSON.stringify(first.state)));
    const again = step(reread, NOW + 5 * MINUTE_MS, LOW);
    expect(again.deliver).toEqual([]);
    expect(again.active).toHaveLength(1);
  });

  it('an alert held by quiet hours before the restart is delivered after it', () => {
    const s = AlertSettingsSchema.parse({ version: 1, quietHours: { start: '22:00', end: '07:00' } });
    const held = step(emptyAlertState(), Date.UTC(2026, 10, 24, 23), LOW, s);
    const reread = AlertStateSchema.parse(JSON.parse(JSON.stringify(held.state)));
    expect(step(reread, Date.UTC(2026, 10, 25, 7, 5), LOW, s).deliver).toHaveLength(1);
  });
});

describe('episodes', () => {
  it("each month's card charge is its own episode", () => {
    const monthly = (monthEndMs: number): FactsPatch => ({
      billingMode: 'monthly',
      balance: null,
      monthEnd: { atMs: monthEndMs, cardCharge: { p10: 400e6, p50: 420e6, p90: 450e6 }, reloads: null },
    });
    const dec = step(emptyAlertState(), Date.UTC(2026, 10, 28), monthly(Date.UTC(2026, 11, 1)));
    expect(dec.deliver[0]!.body).toMatch(
      /about \$420 \(likely \$400–\$450\), is charged after the month ends on Tue 1 Dec/,
    );
    const jan = step(dec.state, Date.UTC(2026, 11, 29), monthly(Date.UTC(2027, 0, 1)));
    expect(jan.deliver.map((a) => a.kind)).toEqual(['card-charge']);
    // Not before the last N days of the month.
    expect(step(emptyAlertState(), Date.UTC(2026, 10, 20), monthly(Date.UTC(2026, 11, 1))).active).toEqual(
      [],
    );
  });

  it('a removed org takes its episodes with it', () => {
    const first = step(emptyAlertState(), NOW, LOW);
    const r = evaluateAlerts({
      facts: [],
      settings: defaultAlertSettings(),
      state: first.state,
      nowMs: NOW + DAY_MS,
      displayZone: 'UTC',
    });
    expect(r.state.episodes).toEqual({});
  });

  it('keeps the history bounded', () => {
    let state = emptyAlertState();
    for (let i = 0; i < 150; i++) state = step(state, NOW + i * MINUTE_MS, i % 2 ? OK : LOW).state;
    expect(state.history.length).toBe(200);
  });
});
