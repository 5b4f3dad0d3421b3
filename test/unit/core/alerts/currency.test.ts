// Alerts speak the account's currency and name its provider; money thresholds never cross currencies.
import { describe, expect, it } from 'vitest';
import { AlertSettingsSchema, defaultAlertSettings, resolveOrgRules } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import { evaluateAlerts } from '@core/alerts/evaluate';
import { formatMoney, formatUsd } from '@core/money';
import { calmFacts, NOW, type FactsPatch } from './alert-fixtures';

const DEEPSEEK: FactsPatch = {
  orgId: 'org_deepseek1',
  orgName: 'DeepSeek',
  provider: 'deepseek',
  providerName: 'DeepSeek',
  balanceSource: 'api',
  currency: 'CNY',
};
const run = (patches: FactsPatch[], settings = defaultAlertSettings()) =>
  evaluateAlerts({
    facts: patches.map((p) => calmFacts(p)),
    settings,
    state: emptyAlertState(),
    nowMs: NOW,
    displayZone: 'UTC',
  }).active;

describe('formatMoney', () => {
  it('formats micro-units in the currency, to the cent, −0 as 0', () => {
    expect(formatMoney(12_300_000, 'CNY')).toBe('CN¥12.30');
    expect(formatMoney(1_234_560_000, 'USD')).toBe('$1,234.56');
    expect(formatMoney(1_234_560_000, 'USD')).toBe(formatUsd(1_234_560_000));
    expect(formatMoney(5_000_000, 'EUR')).toBe('€5.00');
    expect(formatMoney(-4_000, 'CNY')).toBe('CN¥0.00');
    expect(formatMoney(-1_500_000, 'CNY')).toBe('-CN¥1.50');
  });
});

describe('alert words in the account currency', () => {
  it('low credit on DeepSeek names the provider, its reading and CNY amounts', () => {
    const [alert] = run([
      {
        ...DEEPSEEK,
        balance: { micros: 8_200_000, asOfMs: NOW },
        apiBalance: { micros: 9_500_000, atMs: NOW - 3_600_000 },
        spendPerDayMicros: 100_000,
      },
    ]);
    expect(alert?.kind).toBe('low-credit');
    expect(alert?.title).toBe('DeepSeek balance is low: CN¥8.20 left');
    expect(alert?.body).toBe(
      'About CN¥8.20 left (estimate as of Tue 24 Nov, 14:30, from the CN¥9.50 DeepSeek reported at Tue 24 Nov, 13:30), below your CN¥10.00 alert.',
    );
    expect(alert?.body).not.toContain('$');
  });

  it('an account named otherwise keeps its name and the provider', () => {
    const [alert] = run([
      { ...DEEPSEEK, orgName: 'Research', balance: { micros: 0, asOfMs: NOW }, spendPerDayMicros: 0 },
    ]);
    expect(alert?.title).toBe('Research: DeepSeek balance is used up');
    expect(alert?.severity).toBe('critical');
  });

  it('every money figure of every rule is in CNY', () => {
    const active = run([
      {
        ...DEEPSEEK,
        balance: { micros: 40_000_000, asOfMs: NOW },
        nextReload: { atMs: NOW + 30 * 3_600_000, chargeMicros: 40_000_000 },
        expiring: [{ lotId: 'g1', micros: 25_000_000, expiresAtMs: NOW + 5 * 86_400_000 }],
        spend: { monthToDateMicros: 900_000_000 },
        spendLimit: { limitMicros: 1_000_000_000, source: 'api', isEnforced: true },
        monthEnd: {
          atMs: NOW + 2 * 86_400_000,
          cardCharge: null,
          reloads: { countP50: 1, charges: { p10: 30e6, p50: 40e6, p90: 50e6 }, probabilityAny: 0.9 },
        },
      },
    ]);
    const kinds = active.map((a) => a.kind).sort();
    expect(kinds).toEqual(['card-charge', 'credit-expiring', 'low-runway', 'reload-soon', 'spend-limit']);
    for (const a of active) expect(`${a.title} ${a.body}`).not.toMatch(/\$/);
    const text = active.map((a) => a.body).join('\n');
    expect(text).toContain('CN¥40.00 (likely CN¥30.00–CN¥50.00)');
    expect(text).toContain('CN¥900.00 spent this month of the CN¥1,000.00 limit (read from DeepSeek)');
  });

  it('an Anthropic spend limit says it was read from Anthropic', () => {
    const [a] = run([
      {
        provider: 'anthropic',
        providerName: 'Anthropic',
        spend: { monthToDateMicros: 900_000_000 },
        spendLimit: { limitMicros: 1_000_000_000, source: 'api', isEnforced: true },
      },
    ]);
    expect(a?.body).toContain('(read from Anthropic)');
  });
});

describe('money thresholds per currency', () => {
  const settings = AlertSettingsSchema.parse({
    version: 1,
    defaults: { lowCreditMicros: 50_000_000, lowRunwayDays: 1 },
    currencyDefaults: {},
  });

  it('the user default in dollars applies to dollar accounts only', () => {
    expect(resolveOrgRules(settings, 'org_a', 'USD').lowCreditMicros).toBe(50_000_000);
    expect(resolveOrgRules(settings, 'org_a').lowCreditMicros).toBe(50_000_000);
    // A CNY account keeps the built-in CN¥10, not "CN¥50"; non-money defaults still apply.
    expect(resolveOrgRules(settings, 'org_b', 'CNY').lowCreditMicros).toBe(10_000_000);
    expect(resolveOrgRules(settings, 'org_b', 'CNY').lowRunwayDays).toBe(1);
  });

  it('a currency default, then the org override, win for that currency', () => {
    const s = AlertSettingsSchema.parse({
      ...settings,
      currencyDefaults: { CNY: { lowCreditMicros: 100_000_000 } },
      orgs: { org_c: { lowCreditMicros: 30_000_000 } },
    });
    expect(resolveOrgRules(s, 'org_b', 'CNY').lowCreditMicros).toBe(100_000_000);
    expect(resolveOrgRules(s, 'org_b', 'CNY').silentStartMicros).toBe(1_000_000);
    expect(resolveOrgRules(s, 'org_c', 'CNY').lowCreditMicros).toBe(30_000_000);
    expect(resolveOrgRules(s, 'org_a', 'USD').lowCreditMicros).toBe(50_000_000);
  });

  it('the same balance figure fires on the dollar account only, under a $50 default', () => {
    const balance = { micros: 30_000_000, asOfMs: NOW };
    const active = run(
      [
        { balance, spendPerDayMicros: 0 },
        { ...DEEPSEEK, balance, spendPerDayMicros: 0 },
      ],
      settings,
    );
    expect(active.map((a) => `${a.orgId} ${a.kind}`)).toEqual(['org_acme0001 low-credit']);
    const withCny = AlertSettingsSchema.parse({
      ...settings,
      currencyDefaults: { CNY: { lowCreditMicros: 200_000_000 } },
    });
    const both = run(
      [
        { balance, spendPerDayMicros: 0 },
        { ...DEEPSEEK, balance, spendPerDayMicros: 0 },
      ],
      withCny,
    );
    expect(both.find((a) => a.orgId === 'org_deepseek1')?.body).toContain('below your CN¥200.00 alert');
  });

  it('refuses a currency key that is not a code, and old settings files still parse', () => {
    expect(
      AlertSettingsSchema.safeParse({ version: 1, currencyDefaults: { yuan: { lowCreditMicros: 1 } } })
        .success,
    ).toBe(false);
    expect(AlertSettingsSchema.parse({ version: 1 }).currencyDefaults).toEqual({});
  });
});
