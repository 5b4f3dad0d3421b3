// One answer, everywhere, over generated accounts: spend from the provider simulators (the demo's own),
// ledgers and billing typed through the real handlers into a temporary data folder, and from that one
// state the overview card, the account headline, the alerts and their notifications, the webhook payload,
// the tray model, `status` (text and --json) and the snapshots export quote identical words for each
// named figure — and a figure that cannot be known says so in words on every one of them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { safeText } from '@core/export/cells';
import type { LedgerEntry } from '@core/ledger-schema';
import { DAY_MS, HOUR_MS } from '@core/time';
import { FIGURE_LABELS } from '../../../main/commands/status-text';
import { captureWebhooks, readSurfaces, type Surfaces, type WorldSpec } from './answer-world';

const NOW = Date.UTC(2026, 11, 7, 9, 23);
const snake = (name: string) => name.replace(/-/g, '_');
const NOT_KNOWN = /^not known yet — /;

let hooks: ReturnType<typeof captureWebhooks>;
beforeAll(() => {
  hooks = captureWebhooks();
});
afterAll(() => hooks.restore());

const RELOAD = {
  enabled: true,
  thresholdMicros: 50_000_000,
  action: { kind: 'restore-to' as const, targetMicros: 250_000_000 },
  monthlyLimit: null,
};

const specArb = fc
  .record({
    provider: fc.constantFrom('openai', 'openai', 'anthropic', 'openrouter', 'deepseek' as const),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    dailyUsd: fc.integer({ min: 1, max: 80 }),
    mode: fc.constantFrom('not-set', 'prepaid', 'reload', 'monthly' as const),
    balance: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
    balanceHoursAgo: fc.integer({ min: 1, max: 200 }),
    grantDays: fc.option(fc.integer({ min: 2, max: 40 }), { nil: null }),
    hourOffset: fc.integer({ min: 0, max: 23 }),
  })
  .map((g): WorldSpec => {
    const nowMs = NOW + g.hourOffset * HOUR_MS;
    const isLedger = g.provider === 'openai' || g.provider === 'anthropic';
    const entries: LedgerEntry[] = [];
    if (isLedger && g.grantDays !== null)
      entries.push({
        id: 'grant-1',
        kind: 'grant',
        atMs: nowMs - 30 * DAY_MS,
        micros: 400_000_000,
        expiresAtMs: nowMs + g.grantDays * DAY_MS,
        note: '',
      });
    if (isLedger && g.balance !== null)
      entries.push({
        id: 'obs-1',
        kind: 'observation',
        atMs: nowMs - g.balanceHoursAgo * HOUR_MS,
        balanceMicros: g.balance * 1_000_000,
        note: '',
      });
    return {
      provider: g.provider,
      seed: g.seed,
      dailyUsd: g.dailyUsd,
      historyDays: 45,
      nowMs,
      entries,
      billing:
        g.mode === 'not-set'
          ? null
          : g.mode === 'reload'
            ? { mode: 'prepaid', reload: RELOAD }
            : { mode: g.mode, reload: null },
    };
  });

/** Checks that every surface quotes the answer's words for each named figure. */
function expectOneVoice(s: Surfaces) {
  const a = s.answer;
  const exported = s.exportJson.filter((r) => r.sync_state === 'answer' && r.org_id === a.orgId);
  const exportedCsv = s.exportCsv.filter((r) => r.sync_state === 'answer' && r.org_id === a.orgId);
  expect(exported, 'one answer row per account in the JSON export').toHaveLength(1);
  expect(exportedCsv, 'one answer row per account in the CSV export').toHaveLength(1);
  for (const name of FIGURE_NAMES) {
    const f = a.figures[name];
    const text = f.text;
    expect(text.length, name).toBeGreaterThan(0);
    // status --json: the same words and value.
    expect(s.status.figures[name].text, `status --json ${name}`).toBe(text);
    expect(s.status.figures[name].value, `status --json value ${name}`).toBe(f.valueMicros);
    expect(s.statusText, `status text ${name}`).toContain(`  ${FIGURE_LABELS[name]}: ${text}`);
    // The page: card and headline, wherever they show the figure.
    if (s.card[name] !== undefined) expect(s.card[name], `card ${name}`).toBe(text);
    if (s.headline[name] !== undefined) expect(s.headline[name], `headline ${name}`).toBe(text);
    // Exports: the same words (CSV neutralised against formulas as every text cell is), the same value.
    expect(exported[0]![`${snake(name)}_text`], `export json ${name}`).toBe(text);
    expect(exportedCsv[0]![`${snake(name)}_text`], `export csv ${name}`).toBe(safeText(text));
    const micros = exported[0]![`${snake(name)}_usd`];
    expect(micros === null ? null : Math.round((micros as number) * 1e6), `export value ${name}`).toBe(
      f.valueMicros,
    );
    // Every webhook payload carries the account's figures in the same words.
    for (const w of s.webhooks) {
      expect(w.account?.orgId).toBe(a.orgId);
      expect(w.account?.figures[name].text, `webhook ${name}`).toBe(text);
      expect(w.account?.figures[name].value, `webhook value ${name}`).toBe(f.valueMicros);
    }
    // Never "$0.00" (or any figure) for what is not known.
    if (!f.isKnown) expect(text, name).toMatch(NOT_KNOWN);
  }
  // The headline always leads with credit left, in the answer's words.
  expect(s.headline['credit-left']).toBe(a.figures['credit-left'].text);
  if (a.payment.kind !== 'not-set') expect(Object.keys(s.card).length).toBeGreaterThan(0);
  // Tray: the account's line and the title quote the answer.
  const line = s.tray.menuLines.find((l) => l.startsWith(`${a.orgName}: `))!;
  expect(line).toBeDefined();
  if (a.figures['credit-left'].isKnown) {
    expect(line).toContain(`credit ${a.figures['credit-left'].text}`);
    expect(a.figures['credit-left'].text.startsWith(s.tray.figure)).toBe(true);
  } else expect(s.tray.figure).toBe('');
  // Alerts: each notification is an active alert's words; each webhook is a notification's words; the
  // alerts quote the figures they name as the answer words them; status lists the same alerts.
  expect(s.webhooks.map((w) => w.text).sort()).toEqual(s.fired.map((x) => `*${x.title}*\n${x.body}`).sort());
  for (const x of s.fired) expect(s.active.find((y) => y.id === x.id)?.body).toBe(x.body);
  expect(s.status.alerts.map((x) => `${x.title} ${x.body}`).sort()).toEqual(
    s.active.map((x) => `${x.title} ${x.body}`).sort(),
  );
  const f = a.figures;
  for (const x of s.active) {
    const words = `${x.title} ${x.body}`;
    if (x.kind === 'low-runway' && f['runs-out'].atMs !== null) expect(words).toContain(f['runs-out'].text);
    if (x.kind === 'low-credit') expect(words).toContain(f['credit-left'].text);
    if (x.kind === 'card-charge') expect(words).toContain(f['card-by-month-end'].text);
    if (x.kind === 'reload-soon') expect(words).toContain(f['next-reload'].text);
    if (!f['credit-left'].isKnown) expect(words).not.toMatch(/(^|[^\d])0\.00\b/);
  }
}

describe('one answer, everywhere, over the simulators', () => {
  it('card, headline, alerts, notifications, webhook, tray, status and export quote identical words', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        hooks.bodies.length = 0;
        const s = await readSurfaces(spec, hooks.bodies);
        expectOneVoice(s);
      }),
      { numRuns: 5 },
    );
  }, 120_000);

  it('an account whose payment is not set and whose balance was never recorded says "not known yet" on every surface', async () => {
    hooks.bodies.length = 0;
    const s = await readSurfaces(
      { provider: 'openai', seed: 7, dailyUsd: 20, historyDays: 45, nowMs: NOW, billing: null, entries: [] },
      hooks.bodies,
    );
    expectOneVoice(s);
    const unknown = FIGURE_NAMES.filter((n) => !s.answer.figures[n].isKnown);
    expect(unknown).toEqual(
      expect.arrayContaining(['credit-left', 'runs-out', 'next-reload', 'card-by-month-end']),
    );
    const credit = s.answer.figures['credit-left'].text;
    expect(credit).toMatch(/^not known yet — record the balance/);
    // Page: the headline says it in words; the card shows no figure it cannot know.
    expect(s.headline['credit-left']).toBe(credit);
    for (const n of unknown) if (s.card[n] !== undefined) expect(s.card[n]).toMatch(NOT_KNOWN);
    // Tray: no amount made up: the title is empty and the line says what is known.
    expect(s.tray.figure).toBe('');
    expect(s.tray.menuLines[0]).not.toContain('$0.00');
    // status (text and JSON), export and webhook: the words, and no value.
    for (const n of unknown) {
      expect(s.status.figures[n]).toMatchObject({
        value: null,
        isKnown: false,
        text: s.answer.figures[n].text,
      });
      expect(s.statusText).toContain(`  ${FIGURE_LABELS[n]}: ${s.answer.figures[n].text}`);
      const row = s.exportJson.find((r) => r.sync_state === 'answer')!;
      expect(row[`${snake(n)}_usd`]).toBeNull();
      expect(row[`${snake(n)}_text`]).toMatch(NOT_KNOWN);
    }
    // Alerts and their webhook payloads: never a $0.00 for credit nobody recorded.
    for (const x of s.active) expect(`${x.title} ${x.body}`).not.toContain('$0.00');
    for (const w of s.webhooks) {
      expect(w.text).not.toContain('$0.00');
      for (const n of unknown) expect(w.account?.figures[n]).toMatchObject({ value: null, isKnown: false });
    }
  }, 60_000);
});
