// Credit expiring unused has one value on the page: the lots callout, the chart's step and the alert quote the
// account's answer (per lot: what remains now, what is expected unused at expiry), none computes its own.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@core/alerts/alert-settings';
import { buildAlertFacts } from '@core/alerts/build-facts';
import { ALERT_RULES } from '@core/alerts/rules';
import type { LedgerEntry } from '@core/ledger-schema';
import { DAY_MS, HOUR_MS } from '@core/time';
import { CreditLots } from '../../../../renderer/components/money/credit-lots';
import { ForecastHeadline } from '../../../../renderer/components/money/forecast-headline';
import { buildLotRows } from '../../../../renderer/view-models/credit-lots-view';
import { accountState, answerOf, NOW, observation } from '../../core/answer/answer-fixtures';

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// $1,000 bought a year ago, expiring in 12 days; $700 left at ~$24 a day: most of it expires unused.
const purchase: LedgerEntry = {
  id: 'buy-1',
  kind: 'purchase',
  atMs: NOW - 353 * DAY_MS,
  micros: 1_000_000_000,
  expiresAtMs: NOW + 12 * DAY_MS,
  note: '',
};

describe('expiring credit on the page', () => {
  const s = accountState({
    entries: [purchase, observation(NOW - 3 * HOUR_MS, 700_000_000)],
    billing: { mode: 'prepaid' },
  });
  const answer = answerOf(s);
  const lot = answer.lots.find((l) => l.lotId === 'buy-1')!;
  const figure = answer.figures['expiring-unused'];

  it('the answer has the two named figures for the lot', () => {
    expect(lot.remaining.text).toMatch(/^\$\d/);
    expect(lot.unusedAtExpiry).not.toBeNull();
    expect(figure.isKnown).toBe(true);
    expect(figure.text).toContain(lot.unusedAtExpiry!.text);
    // Whether a callout shows is the answer's to say, not the page's to work out from the amounts.
    expect(lot.isExpectedUnused).toBe(true);
    expect(answer.isExpiringUnused).toBe(true);
    const none = answerOf(
      accountState({ entries: [observation(NOW - 3 * HOUR_MS, 700_000_000)], billing: { mode: 'prepaid' } }),
    );
    expect(none.isExpiringUnused).toBe(false);
  });

  it('the lots callout quotes the lot’s two figures as the answer says them', () => {
    const rows = buildLotRows(
      s.money.ledger.entries,
      s.money.lots ?? [],
      s.nowMs,
      { timeZone: 'UTC' },
      'USD',
    );
    const html = renderToStaticMarkup(<CreditLots rows={rows} answer={answer} />);
    const callouts = [...html.matchAll(/data-testid="expiring-unused"[^>]*>([^<]*)</g)].map((m) =>
      decode(m[1]!),
    );
    expect(callouts).toEqual([`Purchase credit: ${lot.text}.`]);
    expect(callouts[0]).toContain(lot.remaining.text);
    expect(callouts[0]).toContain(lot.unusedAtExpiry!.text);
    // The table's "Remaining" is the same figure.
    expect(textOf(html)).toContain(`${lot.remaining.text}`);
  });

  it('the chart steps down by the answer’s figure on the answer’s date', () => {
    // The chart the page draws comes with the answer.
    const series = answer.charts.balance!;
    const at = series.middle.filter((p) => p.x === figure.atMs).map((p) => p.y);
    const mid = figure.range?.mid ?? figure.valueMicros!;
    expect(at.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(at[0]! - at[1]! - mid)).toBeLessThanOrEqual(1);
    const mark = series.marks.find((m) => m.kind === 'expiry' && m.atMs === figure.atMs)!;
    expect(figure.text).toContain(mark.label.replace(/^credit expires, about /, '').replace(/ unused$/, ''));
  });

  it('the alert quotes the same two figures', () => {
    const facts = buildAlertFacts({
      nowMs: s.nowMs,
      timeZone: 'UTC',
      provider: s.org.provider,
      orgCreatedAtMs: s.org.createdAtMs,
      money: s.money,
      dashboard: s.dashboard,
      costTotals: [],
      usage: [],
      historyStartMs: s.org.createdAtMs,
      spendLimit: null,
    });
    const alert = ALERT_RULES['credit-expiring'](facts, DEFAULT_ALERT_RULES, false)!;
    const words = `${alert.title} ${alert.body}`;
    expect(words).toContain(lot.remaining.text);
    expect(words.toLowerCase()).toContain(lot.unusedAtExpiry!.text.toLowerCase());
  });

  it('the forecast panel does not repeat an expiring figure of its own', () => {
    const html = textOf(renderToStaticMarkup(<ForecastHeadline answer={answer} />));
    expect(html).not.toMatch(/expir/i);
    expect(html).toContain(answer.forecast!.monthEndSpend);
  });
});
