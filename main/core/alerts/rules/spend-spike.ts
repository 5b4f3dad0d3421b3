/**
 * Intraday spike: this hour's tokens at least `spikeFactor` (4) times the usual for that hour of the week,
 * and at least `spikeMinTokens`, naming the project and model.
 *
 * Example: usual 20k tokens, now 400k from "batch" on gpt-4o → fires; while active it holds down to
 * 4 × 0.9 = 3.6 × the usual.
 */
import { withHysteresis } from '../hysteresis';
import { dateTimeWords } from '../../words/date-words';
import type { AlertRule } from './rule';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const spendSpikeRule: AlertRule = (f, r, isActive) => {
  const s = f.spike;
  if (!s) return null;
  const factor = isActive ? withHysteresis(r.spikeFactor, r.hysteresisPercent, 'down') : r.spikeFactor;
  if (s.ratio < factor || s.projectedTokens < r.spikeMinTokens) return null;
  const times = Number.isFinite(s.ratio) ? `${Math.round(s.ratio)}×` : 'far above';
  const model = s.model ? ` on ${s.model}` : '';
  return {
    kind: 'spend-spike',
    severity: 'warning',
    title: `${f.orgName}: usage ${times} the usual for this hour`,
    body: `${compact.format(s.tokens)} tokens in the hour from ${dateTimeWords(s.hourStartMs, f.nowMs, f.timeZone)}${s.projectedTokens !== s.tokens ? ` so far (${compact.format(s.projectedTokens)} at this rate)` : ''} — usually ${compact.format(Math.round(s.usualTokens))} — mostly project ${s.projectName}${model}.`,
  };
};
