// One answer, everywhere: from one app state, the overview card, the account headline, the alert facts and
// the alerts fired, the tray model and `status --json` quote identical words for each named figure.
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@core/alerts/alert-settings';
import { buildAlertFacts } from '@core/alerts/build-facts';
import { ALERT_RULES } from '@core/alerts/rules';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { LedgerEntry } from '@core/ledger-schema';
import { DAY_MS, HOUR_MS } from '@core/time';
import { trayModelOf } from '@core/tray-state';
import { statusJson } from '../../../main/commands/status-text';
import { HeadlineFigures } from '../../../renderer/components/money/headline-figures';
import { buildCardSummary } from '../../../renderer/view-models/card-summary';
import { OrgCard } from '../../../renderer/components/overview/org-card';
import { buildOverview } from '../../../renderer/view-models/overview';
import { figuresIn } from './answer-world';
import { accountState, NOW, observation, type AccountSpec } from '../core/answer/answer-fixtures';

const RULE = {
  enabled: true,
  thresholdMicros: 50_000_000,
  action: { kind: 'restore-to' as const, targetMicros: 250_000_000 },
  monthlyLimit: null,
};

const specArb = fc.record({
  balance: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  perDay: fc.integer({ min: 0, max: 120 }),
  mode: fc.constantFrom('prepaid', 'reload', 'monthly' as const),
  grantDays: fc.option(fc.integer({ min: 2, max: 40 }), { nil: null }),
  hasSynced: fc.boolean(),
});

type Generated = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function specOf(g: Generated): AccountSpec {
  const entries: LedgerEntry[] = [];
  if (g.grantDays !== null)
    entries.push({
      id: 'grant-1',
      kind: 'grant',
      atMs: NOW - 30 * DAY_MS,
      micros: 400_000_000,
      expiresAtMs: NOW + g.grantDays * DAY_MS,
      note: '',
    });
  if (g.balance !== null) entries.push(observation(NOW - 3 * HOUR_MS, g.balance * 1_000_000));
  return {
    hasSynced: g.hasSynced,
    // Whole micro-units, as the history files hold them (a figure's amount is whole micro-units, checked).
    dailyMicros: Array.from({ length: 30 }, (_, i) =>
      Math.round(g.perDay * 1_000_000 * (0.6 + ((i * 7) % 9) / 10)),
    ),
    entries,
    billing:
      g.mode === 'reload'
        ? { mode: 'prepaid', reload: RULE }
        : g.mode === 'monthly'
          ? { mode: 'monthly' }
          : { mode: 'prepaid' },
  };
}

describe('one answer, everywhere', () => {
  it('card, headline, alerts, tray and status --json quote identical words for each figure', () => {
    fc.assert(
      fc.property(specArb, (g) => {
        const s = accountState(specOf(g));
        const orgId = s.org.id;
        // What the server serves (`answer:get`), and status --json from it.
        const served = buildAccountAnswer({
          nowMs: s.nowMs,
          timeZone: 'UTC',
          isDemo: false,
          money: s.money,
          dashboard: s.dashboard,
          apiSpendLimit: null,
          wrongOrgFlags: [],
        });
        const status = statusJson([served], []).accounts[0]!;
        // The overview card, rendered: its hero figure and lines quote the answer.
        const data = {
          orgId,
          name: s.org.name,
          provider: s.org.provider,
          dashboard: s.dashboard,
          money: s.money,
          answer: served,
          error: null,
        };
        const zone = { locale: 'en-US', timeZone: 'UTC' };
        const card = buildOverview([data], s.nowMs, zone).cards[0]!;
        const cardFigures = figuresIn(
          renderToStaticMarkup(
            <OrgCard card={card} summary={buildCardSummary(data, zone)} flags={[]} onOpen={() => {}} />,
          ),
          orgId,
        );
        // Until the user says how the account pays, the card shows no card figures; otherwise it leads with one.
        if (served.payment.kind !== 'not-set') expect(Object.keys(cardFigures).length).toBeGreaterThan(0);
        // The account page's headline: the answer core computes from the same money view and dashboard.
        const pageAnswer = buildAccountAnswer({
          nowMs: s.nowMs,
          timeZone: 'UTC',
          isDemo: false,
          money: s.money,
          dashboard: s.dashboard,
          apiSpendLimit: null,
          wrongOrgFlags: [],
        });
        const headline = figuresIn(
          renderToStaticMarkup(<HeadlineFigures answer={pageAnswer} asOf="now" />),
          orgId,
        );
        // The alert rules' facts, from the same state.
        const facts = buildAlertFacts({
          nowMs: s.nowMs,
          timeZone: 'UTC',
          provider: s.org.provider,
          orgCreatedAtMs: s.org.createdAtMs,
          money: s.money,
          dashboard: s.dashboard,
          costTotals: [],
          usage: [],
          historyStartMs: s.dashboard.asOfMs === null ? null : s.org.createdAtMs,
          spendLimit: null,
        });
        const tray = trayModelOf({
          answers: [served],
          active: [],
          nowMs: s.nowMs,
          figure: 'credit',
          pinnedOrgId: null,
          timeZone: 'UTC',
        });

        for (const name of FIGURE_NAMES) {
          const text = status.figures[name].text;
          expect(text.length, name).toBeGreaterThan(0);
          expect(status.figures[name].value, name).toBe(served.figures[name].valueMicros);
          if (cardFigures[name] !== undefined) expect(cardFigures[name], `card ${name}`).toBe(text);
          if (headline[name] !== undefined) expect(headline[name], `headline ${name}`).toBe(text);
          expect(facts.answer?.figures[name].text, `alert facts ${name}`).toBe(text);
          // Never $0.00 for what is not known.
          if (!served.figures[name].isKnown) expect(text, name).toMatch(/^not known yet — /);
        }
        expect(headline['credit-left']).toBe(status.figures['credit-left'].text);
        // The tray line quotes the credit (or this month) as status says it.
        const line = tray.menuLines[0]!;
        if (served.figures['credit-left'].isKnown) expect(line).toContain(status.figures['credit-left'].text);
        // Every alert that fires quotes the figures it names in the same words.
        for (const rule of Object.values(ALERT_RULES)) {
          const c = rule(facts, DEFAULT_ALERT_RULES, false);
          if (!c) continue;
          const words = `${c.title} ${c.body}`;
          if (c.kind === 'low-runway' && served.figures['runs-out'].atMs !== null)
            expect(words).toContain(status.figures['runs-out'].text);
          if (c.kind === 'low-credit') expect(words).toContain(status.figures['credit-left'].text);
          if (c.kind === 'card-charge') expect(words).toContain(status.figures['card-by-month-end'].text);
          if (c.kind === 'reload-soon') expect(words).toContain(status.figures['next-reload'].text);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
