// The exporter over real store files: RFC 4180 CSV that a parser reads back exactly (quotes, commas,
// newlines), formula starts neutralised, negative amounts kept as numbers, JSON valid against the published
// schema, and output produced in many chunks rather than one string.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, planExport, type ExportRequest } from '@core/export/request';
import type { Org } from '@core/schemas';
import type { CostRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';
import { exportChunks, writeExportFile } from '../../../main/services/exporter';
import { runBalanceSync } from '../../../main/services/balance-sync-run';
import type { BalanceApi } from '../../../main/services/providers/port';
import { EMPTY_CURSOR } from '@core/sync-plan';
import { openOrgHistory } from '../../../main/services/stores/history-store';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';

const SCHEMA = JSON.parse(
  await readFile(new URL('../../../main/core/export/export.schema.json', import.meta.url), 'utf8'),
);
const NOW = Date.UTC(2026, 10, 18, 15, 20);
const ORG: Org = {
  id: 'org_exporttest1',
  name: '=HYPERLINK("x")',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
};
const NAMES = ['Web, "beta"', 'multi\nline', '-2+3', '@team', 'plain'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-exporter-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

async function seed() {
  const ctx = { nowMs: () => NOW };
  const history = await openOrgHistory(join(dir, 'history', ORG.id), ctx);
  await history.saveProjects(NAMES.map((name, i) => ({ id: `proj_${i}`, name })));
  const start = Date.UTC(2026, 7, 1);
  const days = [];
  for (let d = start; d < Date.UTC(2026, 10, 19); d += DAY_MS)
    days.push({
      dayStartMs: d,
      rows: NAMES.map((_, i): CostRow => ({
        projectId: `proj_${i}`,
        lineItem: 'gpt-4o, input',
        micros: 1_000_000 + i,
      })).concat([{ projectId: null, lineItem: 'credit, refund', micros: -250_000 }]),
    });
  await history.putCosts({ startMs: start, endMs: Date.UTC(2026, 10, 19) }, days, Date.UTC(2026, 10, 17));
  const usageStart = Date.UTC(2026, 10, 17);
  const usage = [];
  for (let h = usageStart; h < Date.UTC(2026, 10, 18, 15); h += HOUR_MS)
    usage.push({
      hourStartMs: h,
      projectId: 'proj_1',
      model: 'gpt-4o',
      requests: 3,
      inputTokens: 100,
      outputTokens: 10,
    });
  await history.putUsage(
    { startMs: usageStart, endMs: Date.UTC(2026, 10, 18, 15) },
    usage,
    Date.UTC(2026, 10, 18, 14),
  );
  await history.addSnapshot({
    atMs: NOW - HOUR_MS,
    monthToDateMicros: 5_000_000,
    todayMicros: 100_000,
    state: 'ok',
    errorKind: null,
    balanceMicros: -1_000_000,
    forecast: null,
  });
  const ledgers = createLedgerStore(dir, ctx);
  await ledgers.update(ORG.id, (l) => ({
    ...l,
    entries: [
      {
        id: 'obs',
        kind: 'observation',
        atMs: NOW - DAY_MS,
        balanceMicros: -2_500_000,
        note: '=1+1, "hi"\nthere',
      },
    ],
  }));
  return { history, ledgers };
}

async function run(request: Partial<ExportRequest>) {
  const { history, ledgers } = await seed();
  const plan = planExport(
    { org: ORG.id, from: '2026-08-01', to: '2026-11-18', what: 'costs', format: 'csv', ...request },
    [ORG],
    NOW,
  );
  const chunks: string[] = [];
  for await (const c of exportChunks(
    { history: async () => history, ledger: (id) => ledgers.get(id), zone: 'Asia/Kolkata' },
    plan,
  ))
    chunks.push(c);
  return chunks;
}

describe('exporter', () => {
  it('writes CSV that round-trips names with quotes, commas and newlines, and neutralises formula starts', async () => {
    const chunks = await run({});
    expect(chunks.length, 'one chunk per month at least, not one string').toBeGreaterThanOrEqual(5);
    const text = chunks.join('');
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const names = new Set(parsed.data.map((r) => r.project_name));
    expect(names).toContain('Web, "beta"');
    expect(names).toContain('multi\nline');
    expect(names).toContain("'-2+3");
    expect(names).toContain("'@team");
    expect(new Set(parsed.data.map((r) => r.org_name))).toEqual(new Set(['\'=HYPERLINK("x")']));
    const refund = parsed.data.find((r) => r.line_item === 'credit, refund');
    expect(refund?.cost_usd).toBe('-0.250000');
    expect(refund?.project_name).toBe('Default project');
    const dayCount = (Date.UTC(2026, 10, 19) - Date.UTC(2026, 7, 1)) / DAY_MS;
    const total = parsed.data.reduce((a, r) => a + Math.round(Number(r.cost_usd) * 1e6), 0);
    expect(total).toBe(dayCount * (5_000_000 + 10 - 250_000));
  });

  it('writes the ledger with the billing rule, negative balances as numbers and notes intact', async () => {
    const parsed = Papa.parse<Record<string, string>>((await run({ what: 'ledger' })).join(''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.map((r) => r.record)).toEqual(['billing-rule', 'entry']);
    expect(parsed.data[1]?.amount_usd).toBe('-2.500000');
    expect(parsed.data[1]?.note).toBe('\'=1+1, "hi"\nthere');
    expect(parsed.data[1]?.at_local).toBe('2026-11-17T20:50:00+05:30');
  });

  it.each(EXPORT_KINDS)('JSON export of %s is valid against the published schema', async (what) => {
    const text = (await run({ what, format: 'json' })).join('');
    const doc = JSON.parse(text) as { rows: unknown[]; organizations: { name: string }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.rows.length).toBeGreaterThan(0);
    expect(doc.organizations[0]?.name, 'JSON keeps the name as typed').toBe(ORG.name);
  });

  it('an export to an unwritable place fails without leaving a partial file', async () => {
    const chunks = (async function* () {
      yield 'a';
    })();
    await expect(writeExportFile(chunks, join(dir, 'missing-folder', 'x.csv'))).rejects.toThrow(/ENOENT/);
    // The target is a folder: the file is written beside it, the final rename fails, the partial is removed.
    await mkdir(join(dir, 'taken'));
    const more = (async function* () {
      yield 'b';
    })();
    await expect(writeExportFile(more, join(dir, 'taken'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('a DeepSeek account in CNY: every money row names the provider and CNY, beside a dollar account', async () => {
    const { history, ledgers } = await seed();
    const ds: Org = { ...ORG, id: 'org_deepseek1', name: 'DeepSeek', provider: 'deepseek', kind: 'demo' };
    const dsHistory = await openOrgHistory(join(dir, 'history', ds.id), { nowMs: () => NOW });
    let balance = 80_000_000;
    const api = {
      balances: async () => [
        {
          currency: 'CNY',
          balanceMicros: (balance -= 6_000_000),
          creditsMicros: null,
          usageMicros: null,
          grantedMicros: null,
          toppedUpMicros: null,
        },
      ],
    } as unknown as BalanceApi;
    let cursor = EMPTY_CURSOR;
    for (const at of [NOW - 2 * DAY_MS, NOW - DAY_MS, NOW - HOUR_MS])
      cursor = (await runBalanceSync({ api, history: dsHistory, cursor, nowMs: at, currency: null })).cursor;
    const deps = {
      history: async (id: string) => (id === ds.id ? dsHistory : history),
      ledger: (id: string) => ledgers.get(id),
      zone: 'UTC',
    };
    const exportText = async (request: Partial<ExportRequest>) => {
      const plan = planExport(
        { org: null, from: '2026-11-01', to: '2026-11-18', what: 'costs', format: 'csv', ...request },
        [ORG, ds],
        NOW,
      );
      let text = '';
      for await (const c of exportChunks(deps, plan)) text += c;
      return text;
    };
    const csv = Papa.parse<Record<string, string>>(await exportText({}), {
      header: true,
      skipEmptyLines: true,
    });
    const dsRows = csv.data.filter((r) => r.org_id === ds.id);
    expect(dsRows.length).toBeGreaterThan(0);
    expect(new Set(dsRows.map((r) => `${r.provider} ${r.currency}`))).toEqual(new Set(['deepseek CNY']));
    // 12 yuan spent between the first and the last reading, in micro-yuan exactly.
    expect(dsRows.reduce((a, r) => a + Math.round(Number(r.cost_usd) * 1e6), 0)).toBe(12_000_000);
    const usdRows = csv.data.filter((r) => r.org_id === ORG.id);
    expect(new Set(usdRows.map((r) => `${r.provider} ${r.currency}`))).toEqual(new Set(['openai USD']));

    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);
    for (const what of ['costs', 'snapshots', 'ledger'] as const) {
      const doc = JSON.parse(await exportText({ what, format: 'json' })) as {
        organizations: unknown[];
        rows: Array<Record<string, unknown>>;
      };
      expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(doc.organizations).toEqual([
        { id: ORG.id, name: ORG.name, provider: 'openai', currency: 'USD' },
        { id: ds.id, name: 'DeepSeek', provider: 'deepseek', currency: 'CNY' },
      ]);
      for (const row of doc.rows.filter((r) => r.org_id === ds.id)) expect(row.currency).toBe('CNY');
    }
    const hourly = JSON.parse(
      await exportText({ org: ds.id, what: 'hourly', format: 'json', from: '2026-11-16' }),
    ) as { rows: Array<{ currency: string }> };
    expect(validate(hourly)).toBe(true);
    expect(new Set(hourly.rows.map((r) => r.currency))).toEqual(new Set(['CNY']));
  });
});
