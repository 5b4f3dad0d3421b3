/**
 * "Got it": an active alert leaves the page's list until its figures change.
 *
 * An alert's words carry their "as of" time, which moves at every sync, so what is held is the alert's
 * figures: its title, and each amount of money in its words to two significant digits (a wobble of cents
 * does not bring it back; credit going from $5.00 to $4.80 does).
 *
 * Example: "Acme: credit low" with "About $5.00 of credit left (estimate as of Mon 7 Dec, 09:23)" → key
 * "Acme: credit low|5.0"; at 10:23 with $4.98 left the key is the same; with $4.80 left it is "…|4.8".
 */
import type { AlertState } from './alert-state';
import type { AlertCondition } from './alert-types';
import { AlertRequestError } from './snooze';

// An amount of money as the alert words write it: digits with a decimal point, thousands commas allowed.
const AMOUNT = /\d[\d,]*\.\d+/g;

/** What must change for an acknowledged alert to show again. */
export function alertFiguresKey(alert: Pick<AlertCondition, 'title' | 'body'>): string {
  const amounts = (alert.body.match(AMOUNT) ?? []).map((text) => {
    const value = Number(text.replace(/,/g, ''));
    return value === 0 ? '0' : value.toPrecision(2);
  });
  return [alert.title, ...amounts].join('|');
}

/** Acknowledges an active alert; refuses one that is not active. */
export function acknowledgeAlert(state: AlertState, id: string): AlertState {
  const ep = state.episodes[id];
  if (!ep) throw new AlertRequestError('That alert is no longer active, so there is nothing to acknowledge.');
  return { ...state, acknowledged: { ...state.acknowledged, [id]: alertFiguresKey(ep.alert) } };
}

/** The acknowledgements that still hold: their alert runs and its figures are those acknowledged. */
export function heldAcknowledgements(
  acknowledged: Readonly<Record<string, string>>,
  episodes: AlertState['episodes'],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(acknowledged).filter(([id, key]) => {
      const ep = episodes[id];
      return ep !== undefined && alertFiguresKey(ep.alert) === key;
    }),
  );
}
