// One app state over a temporary data folder, built through the real handlers against a provider simulator
// (the same simulators the demo uses), and every surface that quotes an account's figures read from it:
// the overview card and the account headline (rendered React, `data-figure` elements), the alerts and the
// notifications they raise, the webhook payloads, the tray model, `creditwatch status --json` run on the
// same folder, and the snapshots export (JSON and CSV).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { renderToStaticMarkup } from 'react-dom/server';
import { defaultAlertSettings } from '@core/alerts/alert-settings';
import { emptyAlertState } from '@core/alerts/alert-state';
import type { Alert } from '@core/alerts/alert-types';
import type { AccountAnswer, FigureName } from '@core/answer/account-answer';
import type { FigureJson } from '@core/answer/figures-json';
import type { BillingConfig } from '@core/billing';
import type { LedgerEntry } from '@core/ledger-schema';
import type { ProviderId } from '@core/providers';
import type { TrayModel } from '@core/tray-state';
import { createApp, type App } from '../../../main/app/create-app';
import { trayModelNow } from '../../../main/app/tray-source';
import { runStatusCommand } from '../../../main/commands/status-command';
import { createFileSecretStore } from '../../../main/services/secrets';
import { openAlertStore } from '../../../main/services/stores/alert-store';
import { createSimClock } from '../../../main/simulator/sim-clock';
import {
  startProviderSimulator,
  type RunningProviderSimulator,
} from '../../../main/simulator/start-provider';
import { HeadlineFigures } from '../../../renderer/components/money/headline-figures';
import { OrgCard } from '../../../renderer/components/overview/org-card';
import { buildCardSummary } from '../../../renderer/view-models/card-summary';
import { buildOverview } from '../../../renderer/view-models/overview';

export const HOOK_URL = 'https://hooks.example.test/creditwatch';

/** What one generated account is: whose, its spend, and what the user typed. */
export interface WorldSpec {
  provider: ProviderId;
  seed: number;
  dailyUsd: number;
  historyDays: number;
  billing: Partial<BillingConfig> | null;
  entries: LedgerEntry[];
  nowMs: number;
}

/** Every surface's words for the account, read from one app state. */
export interface Surfaces {
  answer: AccountAnswer;
  card: Partial<Record<FigureName, string>>;
  headline: Partial<Record<FigureName, string>>;
  /** Alerts raised (each a notification's title and body). */
  fired: Alert[];
  active: Alert[];
  webhooks: Array<{ text: string; account?: { orgId: string; figures: Record<FigureName, FigureJson> } }>;
  tray: TrayModel;
  status: { figures: Record<FigureName, FigureJson>; alerts: Alert[] };
  statusText: string[];
  exportJson: Array<Record<string, unknown>>;
  exportCsv: Array<Record<string, string>>;
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

/** The words of every `data-figure` element of one account in rendered HTML, by name. */
export function figuresIn(html: string, orgId: string): Partial<Record<FigureName, string>> {
  const out: Partial<Record<FigureName, string>> = {};
  // A headline figure may hold its likely range in one inner span: its words are the text of both.
  const re =
    /<span[^>]*data-figure="([a-z-]+)"[^>]*data-org="([^"]+)"[^>]*>((?:[^<]|<span class="figure-range">[^<]*<\/span>)*)<\/span>/g;
  for (const m of html.matchAll(re))
    if (m[2] === orgId) out[m[1] as FigureName] = decode((m[3] ?? '').replace(/<[^>]+>/g, ''));
  return out;
}

/** Webhook bodies posted while `run` runs (the real fetch answers every other address). */
export function captureWebhooks(): { bodies: Surfaces['webhooks']; restore(): void } {
  const real = globalThis.fetch;
  const bodies: Surfaces['webhooks'] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === HOOK_URL) {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response('ok', { status: 200 });
    }
    return real(input, init);
  }) as typeof fetch;
  return { bodies, restore: () => void (globalThis.fetch = real) };
}

const openApp = (dataDir: string, nowMs: number) =>
  createApp({
    dataDir,
    version: '0.0.0-test',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    clock: createSimClock({ startMs: nowMs, speed: 0 }),
  });

/**
 * Builds the state (add the account with the simulator's key, say how it pays, type the ledger, sync),
 * then opens the folder again with the alerts reset and a webhook set, and reads every surface.
 */
export async function readSurfaces(spec: WorldSpec, webhooks: Surfaces['webhooks']): Promise<Surfaces> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-one-answer-'));
  let sim: RunningProviderSimulator | null = null;
  let app: App | null = null;
  try {
    sim = await startProviderSimulator(spec.provider, {
      seed: spec.seed,
      historyDays: spec.historyDays,
      shape: { projects: 1, models: 2, dailyUsd: spec.dailyUsd },
      clock: createSimClock({ startMs: spec.nowMs, speed: 0 }),
    });
    app = await openApp(dataDir, spec.nowMs);
    await app.handlers['settings:update']({ timeZone: 'UTC' });
    const org = await app.handlers['orgs:add']({
      name: 'Acme',
      apiKey: sim.apiKey,
      baseUrl: sim.baseUrl,
      provider: spec.provider,
    });
    if (spec.billing) {
      const { billing } = await app.handlers['ledger:get']({ orgId: org.id });
      await app.handlers['ledger:updateBilling']({ orgId: org.id, billing: { ...billing, ...spec.billing } });
    }
    for (const entry of spec.entries) await app.handlers['ledger:addEntry']({ orgId: org.id, entry });
    await app.sync.syncOrg(org.id, { force: true });
    await app.alerts.evaluate();
    await app.close();
    app = null;

    // The alerts start afresh on the same folder, with the webhook set: every alert the state raises is
    // delivered from it (notification, banner, webhook).
    const store = await openAlertStore(dataDir, { nowMs: () => spec.nowMs });
    await store.saveState(emptyAlertState());
    await store.saveSettings({ ...defaultAlertSettings(), webhookUrl: HOOK_URL, notify: 'all' });

    app = await openApp(dataDir, spec.nowMs);
    const fired: Alert[] = [];
    app.bus.subscribe((event, payload) => {
      if (event === 'alerts:fired') fired.push((payload as { alert: Alert }).alert);
    });
    const view = await app.alerts.evaluate();
    // Webhooks go out in the background: wait until each fired alert's has been posted.
    for (let i = 0; webhooks.length < fired.length && i < 2000; i++)
      await new Promise((r) => setTimeout(r, 5));

    const answer = await app.handlers['answer:get']({ orgId: org.id });
    const data = {
      orgId: org.id,
      name: org.name,
      provider: org.provider,
      dashboard: await app.handlers['dashboard:get']({ orgId: org.id }),
      money: await app.handlers['money:get']({ orgId: org.id }),
      answer,
      error: null,
    };
    const zone = { locale: 'en-US', timeZone: 'UTC' };
    const card = buildOverview([data], spec.nowMs, zone).cards[0]!;
    const cardHtml = renderToStaticMarkup(
      <OrgCard card={card} summary={buildCardSummary(data, zone)} flags={[]} onOpen={() => {}} />,
    );
    const headlineHtml = renderToStaticMarkup(<HeadlineFigures answer={answer} asOf="now" />);
    const tray = await trayModelNow(app, { nowMs: spec.nowMs, timeZone: 'UTC' });

    const exportOf = async (format: 'json' | 'csv') => {
      const plan = app!.files.plan({
        org: null,
        from: new Date(spec.nowMs - 20 * 86_400_000).toISOString().slice(0, 10),
        to: new Date(spec.nowMs).toISOString().slice(0, 10),
        what: 'snapshots',
        format,
      });
      let text = '';
      for await (const chunk of app!.files.chunks(plan)) text += chunk;
      return text;
    };
    const exportJson = JSON.parse(await exportOf('json')).rows as Array<Record<string, unknown>>;
    const exportCsv = Papa.parse<Record<string, string>>(await exportOf('csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;

    const statusOut: string[] = [];
    const io = {
      out: (t: string) => void statusOut.push(t),
      err: () => {},
      readFile: async () => '',
      readDir: async () => [],
    };
    const iso = new Date(spec.nowMs).toISOString();
    await runStatusCommand(['--data-dir', dataDir, '--no-sync', '--json', '--now', iso], io, 't');
    const statusDoc = JSON.parse(statusOut.join('\n'));
    const textOut: string[] = [];
    await runStatusCommand(
      ['--data-dir', dataDir, '--no-sync', '--now', iso],
      { ...io, out: (t: string) => void textOut.push(t) },
      't',
    );
    return {
      answer,
      card: figuresIn(cardHtml, org.id),
      headline: figuresIn(headlineHtml, org.id),
      fired,
      active: view.active,
      webhooks: [...webhooks],
      tray,
      status: { figures: statusDoc.accounts[0].figures, alerts: statusDoc.alerts },
      statusText: textOut,
      exportJson,
      exportCsv,
    };
  } finally {
    await app?.close();
    await sim?.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
