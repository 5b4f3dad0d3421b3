/**
 * The "runs out" figure: when the credit is used up if nothing tops it up — the forecast's most likely
 * date and its range, or "not within 31 days". Only prepaid credit without auto-reload runs out; with
 * auto-reload the reload comes first, and monthly billing goes on the card.
 *
 * Example: DeepSeek, CN¥238 left at CN¥20 a day → "around Fri 18 Dec (likely Wed 16 Dec – Mon 21 Dec)".
 */
import type { MoneyView } from '../money-view';
import { dateWords, dayRangeWords } from '../words/date-words';
import type { AnswerFigure, FigureName, PaymentKind } from './account-answer';
import { ANSWER_WINDOW_DAYS } from './answer-input';
import { knownFigure, notKnownBecause, unknownFigure } from './figure-of';

const NAME: FigureName = 'runs-out';
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** The runs-out figure. */
export function runsOutFigure(
  money: MoneyView,
  payment: PaymentKind,
  creditKnown: boolean,
  zone: string,
): AnswerFigure {
  const now = money.asOfMs;
  const base = { asOfMs: now, source: 'estimated' as const };
  if (payment === 'not-set') return unknownFigure(NAME, 'not known yet — say how this account pays');
  if (payment === 'prepaid-auto-reload')
    return knownFigure(NAME, { ...base, text: 'does not run out — auto-reload tops it up' });
  if (payment === 'monthly' || payment === 'monthly-with-credit' || payment === 'invoiced')
    return knownFigure(NAME, { ...base, text: 'does not run out — usage past credit goes on the bill' });
  if (!creditKnown) return unknownFigure(NAME, 'not known yet — the credit left is not known');
  const c = money.forecast?.crossing;
  if (!money.forecast || !c) return unknownFigure(NAME, notKnownBecause(money.forecastNote));
  if (c.isAlreadyBelow) return knownFigure(NAME, { ...base, atMs: now, text: 'credit used up' });
  const [p10, p50, p90] = [ms(c.p10), ms(c.p50), ms(c.p90)];
  if (p50 === null) return knownFigure(NAME, { ...base, text: `not within ${ANSWER_WINDOW_DAYS} days` });
  const likely = p10 === null ? '' : ` (likely ${dayRangeWords(p10, p90, now, zone)})`;
  const text = `around ${dateWords(p50, now, zone)}${likely === ` (likely ${dateWords(p50, now, zone)})` ? '' : likely}`;
  return knownFigure(NAME, { ...base, atMs: p50, text });
}
