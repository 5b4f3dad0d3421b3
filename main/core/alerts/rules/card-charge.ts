/**
 * Card charge coming before (monthly billing: after) the month ends. Monthly billing: N days (3) before
 * month end, the expected charge and its range. Prepaid: the reloads expected before month end.
 * Each month is its own episode.
 *
 * Example: monthly billing, 2 days to 1 Jan, charge $420 (likely $400–$450) → fires once for December.
 */
import { autoReloadWord } from '../../provider-info';
import { DAY_MS } from '../../time';
import { dateWords } from '../../words/date-words';
import { chanceWords, percentWords } from '../../words/chance-words';
import { rangeWords } from '../../words/money-words';
import type { MicrosBands } from '../alert-types';

const rangeOf = (b: MicrosBands) => ({ low: b.p10, mid: b.p50, high: b.p90 });
import type { AlertRule } from './rule';

export const cardChargeRule: AlertRule = (f, r, isActive) => {
  const end = f.monthEnd;
  if (!end || end.atMs <= f.nowMs) return null;
  const daysLeft = (end.atMs - f.nowMs) / DAY_MS;
  const episode = new Date(end.atMs).toISOString().slice(0, 10);
  const when = dateWords(end.atMs, f.nowMs, f.timeZone);
  if (f.billingMode !== 'prepaid') {
    if (!end.cardCharge || end.cardCharge.p50 <= 0 || daysLeft > r.cardChargeDays) return null;
    return {
      kind: 'card-charge',
      severity: 'info',
      title: `${f.orgName}: card charge after the month ends`,
      body: f.answer?.figures['card-by-month-end'].isKnown
        ? `Card charges by month end: ${f.answer.figures['card-by-month-end'].text}.`
        : `This month's usage, about ${rangeWords(rangeOf(end.cardCharge), f.currency)}, is charged after the month ends on ${when}.`,
      episode,
    };
  }
  const reloads = end.reloads;
  // Hysteresis on the probability: an active alert stays while a reload remains reasonably likely.
  const minProbability = isActive ? 0.4 : 0.5;
  if (!reloads || reloads.probabilityAny < minProbability || reloads.countP50 < 1) return null;
  const n = reloads.countP50;
  return {
    kind: 'card-charge',
    severity: 'info',
    title: `${f.orgName}: ${n === 1 ? `an ${autoReloadWord(f.provider)}` : `${n} ${autoReloadWord(f.provider)}s`} expected before the month ends`,
    body: f.answer?.figures['card-by-month-end'].isKnown
      ? `Card charges by month end: ${f.answer.figures['card-by-month-end'].text}.`
      : `Expected card charges before ${when}: ${rangeWords(rangeOf(reloads.charges), f.currency)} (at least one: ${chanceWords(reloads.probabilityAny)}, ${percentWords(reloads.probabilityAny)}).`,
    episode,
  };
};
