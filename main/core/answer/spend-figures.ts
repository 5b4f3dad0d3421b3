/**
 * This month so far and today: the spend the provider reports (or, for balance providers, the fall of
 * the balance it reports), as of the last successful sync.
 *
 * Example: "$412.30" this month, "$18.20 so far (estimate)" today (today's costs are still coming in).
 */
import type { Dashboard } from '../dashboard';
import { moneyWords } from '../words/money-words';
import type { AnswerFigure } from './account-answer';
import { knownFigure, unknownFigure } from './figure-of';

const NOT_SYNCED = 'not known yet — waiting for the first sync';

/** The this-month and today figures. */
export function spendFigures(d: Dashboard): { thisMonth: AnswerFigure; today: AnswerFigure } {
  if (d.asOfMs === null)
    return { thisMonth: unknownFigure('this-month', NOT_SYNCED), today: unknownFigure('today', NOT_SYNCED) };
  const source = d.spendSource.kind === 'costs' ? ('provider' as const) : ('estimated' as const);
  return {
    thisMonth: knownFigure('this-month', {
      valueMicros: d.monthToDate.totalMicros,
      asOfMs: d.asOfMs,
      source,
      text: moneyWords(d.monthToDate.totalMicros, d.currency),
    }),
    today: knownFigure('today', {
      valueMicros: d.today.costMicros,
      asOfMs: d.asOfMs,
      source,
      text: `${moneyWords(d.today.costMicros, d.currency)} so far (estimate)`,
    }),
  };
}
