// Exports over synced data: the costs export adds up to the simulator's ground truth to the micro-dollar,
// names with quotes, commas, newlines and formula starts survive a spreadsheet round trip, and the hourly
// spend file fed to `creditwatch forecast --history` gives the app's own forecast.
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { planExport, type ExportRequest } from '@core/export/request';
import { deriveSeed } from '@core/random';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { runForecastCommand } from '../../main/commands/forecast-command';
import type { CommandIo } from '../../main/commands/io';
import { exportChunks } from '../../main/services/exporter';
import { createMoneyService, type MoneyService } from '../../main/services/money';
import { createLedgerStore, type LedgerStore } from '../../main/services/stores/ledger-store';
import { createProblemList } from '../../main/services/stores/store-problem';
import { ORG_ID, startHarness, type Harness } from './sync-harness';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Org } from '@core/schemas';
import { EMPTY_CURSOR } from '@core/sync-plan';
import { HOUR_MS } from '@core/time';
import { createSimClock } from '../../main/simulator/index';
import { DEMO_DEEPSEEK_KEY, startDeepSeekSimulator } from '../../main/simulator/deepseek/index';
import { runBalanceSync } from '../../main/services/balance-sync-run';
import { createDeepSeekApi } from '../../main/services/providers/deepseek-client';
import { openOrgHistory } from '../../main/services/stores/history-store';

let h: Harness;
afterEach(async () => h?.close());

// Organization names cannot hold control characters (newlines included); quotes, commas and formula starts can.
const TRICKY_NAME = 'Acme, "Labs" =EU';

async function setup(): Promise<{ money: MoneyService; ledgers: LedgerStore }> {
  let money: MoneyService | null = null;
  h = await startHarness({ engine: { snapshotExtras: (orgId, atMs) => money!.snapshotExtras(orgId, atMs) } });
  await h.settings.update((s) => ({ ...s, orgs: s.orgs.map((o) => ({ ...o, name: TRICKY_NAME })) }));
  const ledgers = createLedgerStore(h.dataDir, {
    nowMs: () => h.clock.nowMs(),
    problems: createProblemList(),
  });
  money = createMoneyService({
    ledgers,
    history: (id) => h.engine.history(id),
    nowMs: () => h.clock.nowMs(),
    orgOf: (id) => h.settings.get().orgs.find((o) => o.id === id) ?? null,
  });
  return { money, ledgers };
}

async function exportText(ledgers: LedgerStore, request: ExportRequest): Promise<string> {
  const plan = planExport(request, h.settings.get().orgs, h.clock.nowMs());
  let text = '';
  for await (const chunk of exportChunks(
    { history: (id) => h.engine.history(id), ledger: (id) => ledgers.get(id), zone: 'Europe/Berlin' },
    plan,
  ))
    text += chunk;
  return text;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('exports over synced data', () => {
  it('the costs CSV adds up to the simulator ground truth and names round-trip through a CSV parser', async () => {
    const { ledgers } = await setup();
    expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    const now = h.clock.nowMs();
    const from = startOfUtcDay(now) - 20 * DAY_MS;
    const csv = await exportText(ledgers, {
      org: ORG_ID,
      from: day(from),
      to: day(now),
      what: 'costs',
      format: 'csv',
    });
    expect(
      csv.startsWith(
        'date_utc,org_id,org_name,provider,currency,project_id,project_name,line_item,api_key_id,cost_usd\r\n',
      ),
    ).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(50);
    const total = parsed.data.reduce((a, r) => a + Math.round(Number(r.cost_usd) * 1e6), 0);
    expect(total).toBe(h.sim.model.visibleCostMicros(from, now, now));
    expect(new Set(parsed.data.map((r) => r.org_name))).toEqual(new Set([TRICKY_NAME]));
    expect(new Set(parsed.data.map((r) => `${r.provider} ${r.currency}`))).toEqual(new Set(['openai USD']));
    const names = new Map(h.sim.model.projects.map((p) => [p.id, p.name]));
    for (const r of parsed.data) if (r.project_id) expect(r.project_name).toBe(names.get(r.project_id));

    const json = JSON.parse(
      await exportText(ledgers, {
        org: ORG_ID,
        from: day(from),
        to: day(now),
        what: 'costs',
        format: 'json',
      }),
    ) as { rows: { cost_usd: number; org_name: string }[] };
    expect(json.rows.reduce((a, r) => a + Math.round(r.cost_usd * 1e6), 0)).toBe(total);
    expect(json.rows[0]?.org_name).toBe(TRICKY_NAME);
  });

  it('the hourly spend file gives `creditwatch forecast --history` the same forecast as the app', async () => {
    const { money, ledgers } = await setup();
    await money.addEntry(ORG_ID, {
      id: 'obs-1',
      kind: 'observation',
      atMs: startOfUtcDay(h.clock.nowMs()) - DAY_MS,
      balanceMicros: 180_000_000,
      note: '',
    });
    const rule = {
      enabled: true,
      thresholdMicros: 40_000_000,
      action: { kind: 'restore-to' as const, targetMicros: 150_000_000 },
      monthlyLimit: null,
    };
    await money.updateBilling(ORG_ID, {
      mode: 'prepaid',
      reload: rule,
      hardLimitMicros: null,
      timeZone: 'UTC',
    });
    expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    const view = await money.view(ORG_ID);
    expect(view.forecast?.crossing, 'the app forecasts a crossing').toBeTruthy();
    const now = h.clock.nowMs();
    // The app reads the synced history (the 90-day backfill, which starts a whole day).
    const historyStart = (await h.engine.history(ORG_ID)).sync().cursor.backfillStartMs!;
    const csv = await exportText(ledgers, {
      org: ORG_ID,
      from: day(Math.max(historyStart, startOfUtcDay(now) - 90 * DAY_MS)),
      to: day(now),
      what: 'hourly',
      format: 'csv',
    });
    expect(csv.split('\r\n')[0]).toBe('hour_utc,model,requests,input_tokens,output_tokens,cost_usd,currency');
    const out: string[] = [];
    const io: CommandIo = {
      out: (s) => out.push(s),
      err: (s) => out.push(`ERR ${s}`),
      readFile: async () => csv,
      readDir: async () => [],
    };
    const balance = view.balance!.estimateMicros;
    const code = await runForecastCommand(
      [
        '--history',
        'export.csv',
        '--now',
        new Date(now).toISOString(),
        '--balance',
        String(balance / 1e6),
        '--threshold',
        '40',
        '--recharge-to',
        '150',
        '--horizon-hours',
        String(24 * 31),
        '--seed',
        String(deriveSeed(1, ORG_ID)),
        '--json',
      ],
      io,
    );
    expect(out.filter((l) => l.startsWith('ERR'))).toEqual([]);
    expect(code).toBe(0);
    const cli = JSON.parse(out[0]!) as typeof view.forecast & object;
    expect(cli.crossing).toEqual(view.forecast!.crossing);
    expect(cli.reloads).toEqual(view.forecast!.reloads);
    expect(cli.monthEnd).toEqual(view.forecast!.monthEnd);
    expect(cli.confidence).toBe(view.forecast!.confidence);
  });
});

describe('exports of a DeepSeek account in CNY', () => {
  it('costs add up to the fall of the balance in micro-yuan, and the hourly file forecasts in CNY', async () => {
    const NOW = Date.UTC(2026, 10, 24, 15, 0);
    const clock = createSimClock({ startMs: NOW - 3 * DAY_MS, speed: 0 });
    const sim = await startDeepSeekSimulator({ seed: 31, clock, currency: 'CNY', historyDays: 30 });
    const dir = await mkdtemp(join(tmpdir(), 'cw-export-deepseek-'));
    try {
      const org: Org = {
        id: 'org_deepseek01',
        name: 'DeepSeek',
        kind: 'demo',
        provider: 'deepseek',
        baseUrl: null,
        createdAtMs: NOW - 4 * DAY_MS,
      };
      const history = await openOrgHistory(join(dir, org.id), { nowMs: () => clock.nowMs() });
      const api = createDeepSeekApi({ apiKey: DEMO_DEEPSEEK_KEY, baseURL: sim.baseUrl });
      let cursor = EMPTY_CURSOR;
      const readings: number[] = [];
      for (let t = NOW - 3 * DAY_MS; t <= NOW; t += HOUR_MS) {
        clock.set(t);
        cursor = (await runBalanceSync({ api, history, cursor, nowMs: t, currency: null })).cursor;
        readings.push(sim.balanceAt(t).totalMicros);
      }
      const ledgers = createLedgerStore(dir, { nowMs: () => NOW });
      const deps = { history: async () => history, ledger: (id: string) => ledgers.get(id), zone: 'UTC' };
      const exported = async (request: Partial<ExportRequest>) => {
        const plan = planExport(
          {
            org: org.id,
            from: day(NOW - 3 * DAY_MS),
            to: day(NOW),
            what: 'costs',
            format: 'csv',
            ...request,
          },
          [org],
          NOW + 1,
        );
        let text = '';
        for await (const chunk of exportChunks(deps, plan)) text += chunk;
        return text;
      };
      const costs = Papa.parse<Record<string, string>>(await exported({}), {
        header: true,
        skipEmptyLines: true,
      });
      expect(costs.errors).toEqual([]);
      expect(new Set(costs.data.map((r) => `${r.provider} ${r.currency}`))).toEqual(
        new Set(['deepseek CNY']),
      );
      const total = costs.data.reduce((a, r) => a + Math.round(Number(r.cost_usd) * 1e6), 0);
      const added = sim
        .topUps(NOW)
        .filter((t) => t.atMs > NOW - 3 * DAY_MS && t.atMs <= NOW)
        .reduce((a, t) => a + t.amountMicros, 0);
      // Spend read from the balance: what it fell by, top-ups added back, to the micro-yuan.
      expect(total).toBe(readings[0]! - readings.at(-1)! + added);
      expect(total).toBeGreaterThan(0);

      const hourly = await exported({ what: 'hourly', from: day(NOW - 2 * DAY_MS) });
      expect(hourly.split('\r\n')[1]).toMatch(/,CNY$/);
      const out: string[] = [];
      const io: CommandIo = {
        out: (line) => out.push(line),
        err: (line) => out.push(`ERR ${line}`),
        readFile: async () => hourly,
        readDir: async () => [],
      };
      const args = [
        '--history',
        'h.csv',
        '--now',
        new Date(NOW).toISOString(),
        '--balance',
        '60',
        '--threshold',
        '10',
      ];
      expect(await runForecastCommand(args, io)).toBe(0);
      expect(out.join('\n')).toMatch(/balance CN¥60\.00, threshold CN¥10\.00/);
    } finally {
      await sim.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
