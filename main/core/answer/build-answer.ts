/**
 * Builds one account's answer from its money view and dashboard at one instant. Pure: every surface
 * quotes the result, none recomputes a figure.
 *
 * Example: a prepaid account with $80 left, $20 a day and no auto-reload → credit-left "$80.00",
 * runs-out "around Fri 11 Dec (likely Thu 10 Dec – Sat 12 Dec)", card-by-month-end "nothing — no
 * auto-reload is set".
 */
import { buildBalanceChart } from '../charts/balance-chart';
import { buildSpendCharts } from '../charts/spend-by';
import { PROVIDERS } from '../provider-info';
import { DAY_MS } from '../time';
import { dateTimeWords } from '../words/date-words';
import { agoWords } from '../words/time-words';
import { moneyWords } from '../words/money-words';
import { wrongOrgWords } from './wrong-org-words';
import type { AccountAnswer, AnswerFigure, FigureName } from './account-answer';
import { STALE_AFTER_MS, type AnswerInput } from './answer-input';
import { creditLeftFigure } from './credit-left';
import { expiringFigures } from './expiring';
import { forecastDetails } from './forecast-details';
import { paymentOf } from './payment';
import { reloadFigures } from './reloads';
import { runsOutFigure } from './runs-out';
import { spendFigures } from './spend-figures';

/** Runs out within this many days: the account is urgent (the runs-out alert's default). */
export const URGENT_RUNS_OUT_DAYS = 7;

function urgencyOf(figures: Record<FigureName, AnswerFigure>, nowMs: number, syncError: boolean): number {
  const runsOut = figures['runs-out'];
  if (runsOut.atMs !== null && runsOut.atMs - nowMs <= URGENT_RUNS_OUT_DAYS * DAY_MS) return 3;
  if (syncError) return 2;
  const reload = figures['next-reload'];
  if (reload.atMs !== null && reload.atMs - nowMs <= URGENT_RUNS_OUT_DAYS * DAY_MS) return 1;
  return 0;
}

function headlineOf(answer: Pick<AccountAnswer, 'payment' | 'figures'>): FigureName {
  const f = answer.figures;
  if (!f['credit-left'].isKnown) return 'credit-left';
  if (f['runs-out'].atMs !== null) return 'runs-out';
  if (answer.payment.kind === 'prepaid-auto-reload' && f['next-reload'].atMs !== null) return 'next-reload';
  if (answer.payment.kind === 'monthly' || answer.payment.kind === 'invoiced') return 'card-by-month-end';
  return 'credit-left';
}

const SOURCE_WORDS = { recorded: 'as you recorded it', estimated: 'estimated' } as const;

/** "read from DeepSeek, as of Mon 7 Dec, 09:23"; null for a figure not known yet. */
function noteOf(f: AnswerFigure, providerName: string, nowMs: number, zone: string): string | null {
  if (!f.isKnown || f.source === null) return null;
  const source = f.source === 'provider' ? `read from ${providerName}` : SOURCE_WORDS[f.source];
  return f.asOfMs === null ? source : `${source}, as of ${dateTimeWords(f.asOfMs, nowMs, zone)}`;
}

/** The account's answer at `input.nowMs`. */
export function buildAccountAnswer(input: AnswerInput): AccountAnswer {
  const { money, dashboard: d, timeZone: zone } = input;
  const provider = d.org.provider;
  const payment = paymentOf(money, provider);
  const credit = creditLeftFigure(money, provider, payment.kind);
  const creditKnown = money.balance !== null;
  const reloads = reloadFigures(money, payment.kind, creditKnown, zone);
  const expiring = expiringFigures(money, payment.kind, creditKnown, zone);
  const spend = spendFigures(d);
  const raw: Record<FigureName, AnswerFigure> = {
    'credit-left': credit,
    'runs-out': runsOutFigure(money, payment.kind, creditKnown, zone),
    'next-reload': reloads.nextReload,
    'card-by-month-end': reloads.cardByMonthEnd,
    'expiring-unused': expiring.figure,
    'this-month': spend.thisMonth,
    today: spend.today,
  };
  const providerName = PROVIDERS[provider].name;
  const figures = Object.fromEntries(
    Object.entries(raw).map(([name, f]) => [
      name,
      { ...f, note: noteOf(f, providerName, input.nowMs, zone) },
    ]),
  ) as Record<FigureName, AnswerFigure>;
  const basis = money.balance?.basis;
  if (basis && figures['credit-left'].source === 'estimated') {
    const from = (basis.observationId ?? '').startsWith('api-')
      ? `the balance ${providerName} reported`
      : 'the balance you recorded';
    figures['credit-left'] = {
      ...figures['credit-left'],
      note: `estimated from ${from} at ${dateTimeWords(basis.atMs, input.nowMs, zone)}, less spend since`,
    };
  }
  const limit = input.apiSpendLimit
    ? { micros: input.apiSpendLimit.limitMicros, source: 'provider' as const }
    : money.ledger.billing.hardLimitMicros
      ? { micros: money.ledger.billing.hardLimitMicros, source: 'recorded' as const }
      : null;
  const lastSync = d.sync.lastSuccessMs ?? d.asOfMs;
  const isStale = lastSync === null || input.nowMs - lastSync > STALE_AFTER_MS;
  const syncError = d.sync.state === 'error';
  const partial = { payment, figures };
  return {
    orgId: d.org.id,
    orgName: d.org.name,
    provider,
    providerName: PROVIDERS[provider].name,
    isDemo: input.isDemo,
    currency: money.currency,
    nowMs: input.nowMs,
    timeZone: zone,
    payment,
    figures,
    nextReload: reloads.detail,
    cardByMonthEnd: reloads.distribution,
    lots: expiring.lots,
    hardLimit: limit
      ? {
          ...limit,
          text: `${moneyWords(limit.micros, money.currency)} a month (${limit.source === 'provider' ? `read from ${PROVIDERS[provider].name}` : 'as you entered it'})`,
        }
      : null,
    wrongOrg: wrongOrgWords(input.wrongOrgFlags, d.org.id, money.currency),
    staleness: {
      lastSyncMs: lastSync,
      isStale,
      text:
        lastSync === null
          ? 'never synced yet'
          : `last synced ${agoWords(lastSync, input.nowMs)}${syncError ? ' — the last sync failed' : ''}`,
    },
    forecast: forecastDetails(money, zone),
    urgency: urgencyOf(figures, input.nowMs, syncError),
    headline: headlineOf(partial),
    charts: {
      // The chart's step at expiry is the answer's own `expiring-unused` figure.
      balance: buildBalanceChart(money, d.daily, money.asOfMs, figures['expiring-unused'], {
        timeZone: zone,
        wordsNowMs: input.nowMs,
      }),
      spend: buildSpendCharts(d),
    },
    isExpiringUnused:
      figures['expiring-unused'].isKnown &&
      (figures['expiring-unused'].range?.high ?? figures['expiring-unused'].valueMicros ?? 0) > 0,
  };
}
