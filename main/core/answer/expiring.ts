/**
 * Expiring credit, two named figures per lot: what remains now, and what is expected to be left unused
 * when it expires (with its range). The forecast simulates the lots together, so the "unused" figure is
 * given to a lot only when it is the one lot expiring within the forecast; the account's
 * `expiring-unused` figure is the forecast's total either way.
 *
 * Example: $670.78 left expiring Sat 19 Dec, forecast unused $0–$573 → lot text "$670.78 left, expires
 * Sat 19 Dec; about $384 (likely $0–$573) expected unused".
 */
import { toMicros } from '../money';
import type { MoneyView } from '../money-view';
import { HOUR_MS } from '../time';
import { dateWords } from '../words/date-words';
import { moneyWords, rangeWords } from '../words/money-words';
import type { AnswerFigure, LotAnswer, PaymentKind } from './account-answer';
import { ANSWER_WINDOW_DAYS } from './answer-input';
import { knownFigure, notKnownBecause, unknownFigure } from './figure-of';

/** The last instant a JavaScript date can hold. */
const LAST_DATE_MS = 8.64e15;

/** The per-lot answers and the account's expiring-unused figure. */
export function expiringFigures(
  money: MoneyView,
  payment: PaymentKind,
  creditKnown: boolean,
  zone: string,
): { lots: LotAnswer[]; figure: AnswerFigure } {
  const now = money.asOfMs;
  const cur = money.currency;
  const fc = money.forecast;
  const windowEnd = now + (fc?.horizonHours ?? ANSWER_WINDOW_DAYS * 24) * HOUR_MS;
  // Credit of unknown origin (a balance above the recorded lots) never expires: the ledger dates it at the
  // last instant a date can hold (lot-order's UNKNOWN_EXPIRY_MS, not imported: it would bring luxon along).
  const live = (money.lots ?? []).filter(
    (l) => l.remainingMicros > 0 && l.expiresAtMs > now && l.expiresAtMs < LAST_DATE_MS,
  );
  const within = live.filter((l) => l.expiresAtMs <= windowEnd);
  const u = fc?.expiringUnusedAmount ?? null;
  const total = u ? { low: toMicros(u.p10), mid: toMicros(u.p50), high: toMicros(u.p90) } : null;
  const lots: LotAnswer[] = live.map((l) => {
    const remaining = { micros: l.remainingMicros, text: moneyWords(l.remainingMicros, cur) };
    const isOnlyOne = within.length === 1 && within[0]?.id === l.id && total !== null;
    const unused = isOnlyOne && total ? { range: total, text: `about ${rangeWords(total, cur)}` } : null;
    const head = `${remaining.text} left, expires ${dateWords(l.expiresAtMs, now, zone)}`;
    return {
      lotId: l.id,
      kind: l.kind,
      expiresAtMs: l.expiresAtMs,
      remaining,
      unusedAtExpiry: unused,
      isExpectedUnused: unused !== null && unused.range.high > 0,
      text: unused ? `${head}; ${unused.text} expected unused` : head,
    };
  });
  if (payment === 'not-set' && live.length === 0)
    return { lots, figure: unknownFigure('expiring-unused', 'not known yet — say how this account pays') };
  if (within.length === 0)
    return {
      lots,
      figure: knownFigure('expiring-unused', {
        valueMicros: 0,
        asOfMs: now,
        source: 'estimated',
        text: `no credit expires in the next ${ANSWER_WINDOW_DAYS} days`,
      }),
    };
  if (!creditKnown || !total)
    return {
      lots,
      figure: unknownFigure('expiring-unused', notKnownBecause(money.forecastNote)),
    };
  const first = Math.min(...within.map((l) => l.expiresAtMs));
  return {
    lots,
    figure: knownFigure('expiring-unused', {
      valueMicros: total.mid,
      range: total,
      atMs: first,
      asOfMs: now,
      source: 'estimated',
      text: `about ${rangeWords(total, cur)} of credit expiring ${within.length === 1 ? '' : 'from '}${dateWords(first, now, zone)} expected unused`,
    }),
  };
}
