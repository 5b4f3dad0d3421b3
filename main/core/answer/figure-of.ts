/**
 * Small constructors for named figures, so every figure is built the same way.
 *
 * Example: `unknownFigure('credit-left', 'not known yet — record the balance your billing page shows')`.
 */
import type { AccountAnswer, AnswerFigure, FigureName, FigureSource } from './account-answer';
import { amount, type Amount } from '../money';
import { roundRange, type MicrosRange } from '../words/money-words';

/** A figure that cannot be known yet: its text says why and what to do. */
export function unknownFigure(name: FigureName, text: string): AnswerFigure {
  return {
    name,
    isKnown: false,
    valueMicros: null,
    range: null,
    atMs: null,
    asOfMs: null,
    source: null,
    text,
    note: null,
  };
}

/** A known figure. A range is kept only when its ends differ after the one rounding rule. */
export function knownFigure(
  name: FigureName,
  f: {
    valueMicros?: number | null;
    range?: MicrosRange | null;
    atMs?: number | null;
    asOfMs: number | null;
    source: FigureSource;
    text: string;
  },
): AnswerFigure {
  const range = f.range && f.range.low !== f.range.high ? roundRange(f.range) : null;
  return {
    name,
    isKnown: true,
    valueMicros: f.valueMicros ?? null,
    range: range && range.low !== range.high ? range : null,
    atMs: f.atMs ?? null,
    asOfMs: f.asOfMs,
    source: f.source,
    text: f.text,
    note: null,
  };
}

/**
 * "not known yet — " and the reason as a clause (its first letter lowered, its full stop dropped).
 * Example: "The forecast starts after the first sync." → "not known yet — the forecast starts after the first sync".
 */
export function notKnownBecause(reason: string | null): string {
  const clause = (reason ?? 'there is no forecast yet').trim().replace(/\.$/, '');
  return `not known yet — ${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
}

/**
 * A figure's value as it leaves its account: an `Amount` in the account's currency, or null when the
 * figure has no value (not known yet, or a date with no amount). Anything that adds figures of several
 * accounts takes them through here, so CN¥ is never added to $.
 *
 * Example: a DeepSeek account's credit left of CN¥82.90 → `{ micros: 82_900_000, currency: 'CNY' }`.
 */
export function figureAmount(a: AccountAnswer, name: FigureName): Amount | null {
  const value = a.figures[name].valueMicros;
  return value === null ? null : amount(value, a.currency);
}
