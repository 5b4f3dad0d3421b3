// Alerts speak with the one wording module every surface uses: dates carry the year outside the current
// one, relative times and ranged money follow the same rules as the page, the tray and the command line.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@core/alerts/alert-settings';
import { ALERT_RULES } from '@core/alerts/rules';
import { dateWords } from '@core/words/date-words';
import { untilWords } from '@core/words/time-words';
import { calmFacts, NOW } from './alert-fixtures';

describe('alert words', () => {
  it('names the year of a date outside the current one', () => {
    const expiresAtMs = Date.UTC(2027, 0, 15);
    const facts = calmFacts({ expiring: [{ lotId: 'g', micros: 25_000_000, expiresAtMs }] });
    const alert = ALERT_RULES['credit-expiring'](facts, { ...DEFAULT_ALERT_RULES, expiringDays: 60 }, false)!;
    expect(alert.title).toBe('Acme: $25.00 of credit expires Fri 15 Jan 2027');
    expect(alert.title).toContain(dateWords(expiresAtMs, NOW, 'UTC'));
  });

  it('says how soon a reload comes as the page does', () => {
    const atMs = NOW + 90 * 60_000;
    const facts = calmFacts({ nextReload: { atMs, chargeMicros: 40_000_000 } });
    const alert = ALERT_RULES['reload-soon'](facts, DEFAULT_ALERT_RULES, false)!;
    expect(alert.title).toBe('Acme: auto recharge in about 2 hours');
    expect(alert.title).toContain(untilWords(atMs, NOW));
  });

  it('rounds a ranged charge by the one rule and says the chance in words', () => {
    const facts = calmFacts({
      monthEnd: {
        atMs: Date.UTC(2026, 11, 1),
        cardCharge: null,
        reloads: {
          countP50: 1,
          charges: { p10: 0, p50: 400_140_000, p90: 802_610_000 },
          probabilityAny: 0.56,
        },
      },
    });
    const alert = ALERT_RULES['card-charge'](facts, DEFAULT_ALERT_RULES, false)!;
    expect(alert.body).toBe(
      'Expected card charges before Tue 1 Dec: $400 (likely $0–$803) (at least one: about even odds, 56%).',
    );
  });
});
