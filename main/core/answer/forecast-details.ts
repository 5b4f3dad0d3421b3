/**
 * What the forecast panel says beside the headline figures, in the answer's words: how sure the forecast is,
 * what is likely spent from now to the month's end, the chance the hard limit is hit, and the chance the
 * monthly reload limit stops the reloads. The headline figures themselves (runs out, next reload, card by
 * month end, expiring credit) are never repeated here: the panel quotes them from `figures`.
 *
 * Example: 30 days of history, medium confidence, $310 (likely $250–$390) to spend by Thu 31 Dec →
 * `confidence.label` "Medium confidence", `monthEndSpend` "Spend from now to Thu 31 Dec: about $310 (likely
 * $250–$390)".
 */
import type { MoneyView } from '../money-view';
import { toMicros } from '../money';
import { chanceWords, percentWords } from '../words/chance-words';
import { dateWords } from '../words/date-words';
import { moneyWords, rangeWords } from '../words/money-words';

/** The forecast's confidence as a visible label plus one line saying why. */
export interface ConfidenceWords {
  level: 'low' | 'medium' | 'high';
  label: string;
  reason: string;
}

export interface ForecastDetails {
  confidence: ConfidenceWords;
  /** "Spend from now to Thu 31 Dec: about $310 (likely $250–$390)". */
  monthEndSpend: string;
  /** "Hard limit $500.00 a month — chance it is hit this month: unlikely (12%)." or null. */
  spendLimit: string | null;
  /** "Chance the monthly reload limit is reached: likely (70%); no more reloads after that." or null. */
  reloadLimit: string | null;
}

const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Words for the forecast's confidence, from the hours of spend history it used.
 *
 * Example: `confidenceWords('low', 96)` → `{ label: 'Low confidence', reason: '4 days of history — wide range' }`.
 */
export function confidenceWords(level: 'low' | 'medium' | 'high', historyHours: number): ConfidenceWords {
  const history =
    historyHours < 48
      ? unit(Math.max(0, Math.round(historyHours)), 'hour')
      : unit(Math.round(historyHours / 24), 'day');
  const tail =
    level === 'low'
      ? 'wide range'
      : level === 'medium'
        ? 'spend swings from day to day, so the range is moderate'
        : 'a fairly narrow range';
  const label = `${level[0]!.toUpperCase()}${level.slice(1)} confidence`;
  return { level, label, reason: `${history} of history — ${tail}` };
}

/** The panel's details, or null without a forecast. */
export function forecastDetails(money: MoneyView, zone: string): ForecastDetails | null {
  const fc = money.forecast;
  if (!fc) return null;
  const now = money.asOfMs;
  const cur = money.currency;
  const monthEndMs = Date.parse(fc.monthEnd.at);
  const s = fc.monthEnd.spendAmount;
  const spend = { low: toMicros(s.p10), mid: toMicros(s.p50), high: toMicros(s.p90) };
  const spendText = rangeWords(spend, cur);
  const lim = fc.spendLimit;
  const limit = lim
    ? `Hard limit ${moneyWords(toMicros(lim.limitAmount), cur)} a month — chance it is hit this month: ${chanceWords(lim.probabilityThisMonth)} (${percentWords(lim.probabilityThisMonth)})` +
      (lim.p50
        ? `, most likely ${dateWords(Date.parse(lim.p50), now, zone)}; requests then fail until the month ends.`
        : '.')
    : null;
  const pLimit = fc.reloads?.probabilityLimitReached ?? 0;
  return {
    confidence: confidenceWords(fc.confidence, fc.model.historyHours),
    monthEndSpend: `Spend from now to ${dateWords(monthEndMs - 1, now, zone)}: ${spend.low === spend.high ? '' : 'about '}${spendText}.`,
    spendLimit: limit,
    reloadLimit:
      pLimit > 0
        ? `Chance the monthly reload limit is reached: ${chanceWords(pLimit)} (${percentWords(pLimit)}); no more reloads after that.`
        : null,
  };
}
