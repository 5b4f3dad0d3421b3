/**
 * Auto-reload expected soon: the forecast's middle estimate of the next reload is within N hours (48 by
 * default), with the amount the card will be charged.
 *
 * Example: reload expected in 30 h, restore-to $50 from a $10 threshold → "card charged about $40.00".
 */
import { withHysteresis } from '../hysteresis';
import { dateTimeWords } from '../../words/date-words';
import { moneyWords } from '../../words/money-words';
import { untilWords } from '../../words/time-words';
import { autoReloadWord } from '../../provider-info';
import { HOUR_MS } from '../../time';
import type { AlertRule } from './rule';

export const reloadSoonRule: AlertRule = (f, r, isActive) => {
  if (!f.nextReload || f.billingMode !== 'prepaid') return null;
  const within =
    (isActive ? withHysteresis(r.reloadWithinHours, r.hysteresisPercent, 'up') : r.reloadWithinHours) *
    HOUR_MS;
  const delta = f.nextReload.atMs - f.nowMs;
  if (delta > within) return null;
  const charge =
    f.nextReload.chargeMicros === null
      ? ''
      : ` Your card will be charged about ${moneyWords(f.nextReload.chargeMicros, f.currency)}.`;
  const reload = autoReloadWord(f.provider);
  return {
    kind: 'reload-soon',
    severity: 'info',
    title: `${f.orgName}: ${reload} ${untilWords(f.nextReload.atMs, f.nowMs)}`,
    body: f.answer?.figures['next-reload'].isKnown
      ? `Next ${reload}: ${f.answer.figures['next-reload'].text}.`
      : `The balance is expected to fall to the reload threshold around ${dateTimeWords(f.nextReload.atMs, f.nowMs, f.timeZone)}.${charge}`,
  };
};
