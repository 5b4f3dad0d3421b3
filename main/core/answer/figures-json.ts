/**
 * The named figures of an answer as plain JSON, the one shape every machine-read surface carries:
 * `status --json`, `forecast --org … --json`, the alert webhook and exported snapshots.
 *
 * Example: `figuresJson(a)['credit-left']` → `{ value: 144_880_000, currency: "USD", text: "$144.88", isKnown: true,
 * range: null, atMs: null, asOfMs: 1_765_098_000_000, source: "recorded" }`.
 */
import type { Currency } from '../money';
import { FIGURE_NAMES, type AccountAnswer, type FigureName } from './account-answer';
import { figureAmount } from './figure-of';

/**
 * One figure: the value in micro-units of `currency`, and the words every surface shows. Each figure names
 * its currency, so a script that reads figures of several accounts (`status --json` lists them all) can
 * never add CN¥ to $ unknowingly.
 */
export interface FigureJson {
  value: number | null;
  /** The currency of `value` and `range` (ISO 4217): the account's. */
  currency: Currency;
  text: string;
  isKnown: boolean;
  range: { low: number; mid: number; high: number } | null;
  atMs: number | null;
  asOfMs: number | null;
  source: string | null;
}

/** Every named figure of `a`, by name. */
export function figuresJson(a: AccountAnswer): Record<FigureName, FigureJson> {
  return Object.fromEntries(
    FIGURE_NAMES.map((n): [FigureName, FigureJson] => {
      const f = a.figures[n];
      return [
        n,
        {
          value: figureAmount(a, n)?.micros ?? null,
          currency: a.currency,
          text: f.text,
          isKnown: f.isKnown,
          range: f.range,
          atMs: f.atMs,
          asOfMs: f.asOfMs,
          source: f.source,
        },
      ];
    }),
  ) as Record<FigureName, FigureJson>;
}

/** Whose figures they are and as of when: the account part of a webhook payload or an export. */
export function accountFiguresJson(a: AccountAnswer) {
  return {
    orgId: a.orgId,
    name: a.orgName,
    provider: a.provider,
    currency: a.currency,
    isDemo: a.isDemo,
    nowMs: a.nowMs,
    payment: a.payment,
    figures: figuresJson(a),
  };
}
