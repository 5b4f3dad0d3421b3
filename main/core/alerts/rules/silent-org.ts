/**
 * An org that normally spends nothing starts spending (the "Personal org" surprise): under $1 in the 28
 * days before yesterday, with at least a week of history, and yesterday + today at least
 * `silentStartMicros` ($1).
 *
 * Example: $0.00 for four weeks, then $3.20 today → fires; while active it holds down to $0.90.
 */
import { withHysteresis } from '../hysteresis';
import { moneyWords } from '../../words/money-words';
import type { AlertRule } from './rule';
import { MICROS_PER_UNIT } from '../../money';

const SILENT_BELOW_MICROS = MICROS_PER_UNIT;
const MIN_PRIOR_DAYS = 7;

export const silentOrgRule: AlertRule = (f, r, isActive) => {
  const s = f.spend;
  if (s.priorDays < MIN_PRIOR_DAYS || s.priorMicros >= SILENT_BELOW_MICROS) return null;
  const start = isActive
    ? withHysteresis(r.silentStartMicros, r.hysteresisPercent, 'down')
    : r.silentStartMicros;
  if (s.recentMicros < start) return null;
  return {
    kind: 'silent-org-spending',
    severity: 'warning',
    title: `${f.orgName} started spending`,
    body: `${moneyWords(s.recentMicros, f.currency)} yesterday and so far today, after ${moneyWords(s.priorMicros, f.currency)} in the ${s.priorDays} days before. Check that this usage is meant for this organization.`,
  };
};
