// `creditwatch export --what snapshots` ends each account's rows with its answer at export time: the same
// figures, in the same words, as `creditwatch forecast --org … --json` prints from the same folder; CSV
// text cells stay safe from formulas. Beside a real organization on a set clock, the rows are left out
// with a note (a real account's figures are never computed on a made-up "now").
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_NAMES } from '@core/answer/account-answer';
import { safeText } from '@core/export/cells';
import type { Org } from '@core/schemas';
import { DAY_MS, HOUR_MS } from '@core/time';
import { runExportCommand } from '../../../main/commands/export-command';
import { runForecastCommand } from '../../../main/commands/forecast-command';
import { openOrgHistory } from '../../../main/services/stores/history-store';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../../main/services/stores/settings-store';
import { recordingIo, stdoutSink } from '../../support/recording-io';

const NOW = '2026-11-18T15:20:00Z';
const NOW_MS = Date.parse(NOW);
// An account at a local address (a simulator, say): a set clock may answer for it. Nothing is synced.
const LOCAL: Org = {
  id: 'org_exportans01',
  name: '-Lab',
  kind: 'live',
  provider: 'openai',
  baseUrl: 'http://127.0.0.1:9',
  createdAtMs: Date.UTC(2026, 0, 1),
};
const REAL: Org = { ...LOCAL, id: 'org_exportans02', name: 'Real', baseUrl: null };
const dirs: string[] = [];

async function folder(orgs: Org[]): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-export-answer-'));
  dirs.push(dataDir);
  const settings = await openSettingsStore(dataDir);
  await settings.update((s) => ({ ...s, orgs, timeZone: 'UTC' }));
  for (const org of orgs) {
    const history = await openOrgHistory(join(dataDir, 'history', org.id), { nowMs: () => NOW_MS });
    const start = Date.UTC(2026, 10, 1);
    const days = [];
    for (let d = start; d <= Date.UTC(2026, 10, 18); d += DAY_MS)
      days.push({ dayStartMs: d, rows: [{ projectId: null, lineItem: 'gpt-4o, input', micros: 9_000_000 }] });
    await history.putCosts({ startMs: start, endMs: Date.UTC(2026, 10, 19) }, days, Date.UTC(2026, 10, 17));
    await createLedgerStore(dataDir, { nowMs: () => NOW_MS }).update(org.id, (l) => ({
      ...l,
      billing: { ...l.billing, mode: 'prepaid' },
      entries: [
        { id: 'o1', kind: 'observation', atMs: NOW_MS - 5 * HOUR_MS, balanceMicros: 80_000_000, note: '' },
      ],
    }));
  }
  return dataDir;
}

const io = recordingIo;
const sink = stdoutSink;
const exportArgs = (dataDir: string, format: string) => [
  ...['--data-dir', dataDir, '--now', NOW, '--from', '2026-11-01', '--to', '2026-11-18'],
  ...['--org', 'all', '--what', 'snapshots', '--format', format],
];
const snake = (n: string) => n.replace(/-/g, '_');

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('export of snapshots with the answer', () => {
  it('quotes each figure as forecast --org --json does, in JSON and formula-safe CSV', async () => {
    const dataDir = await folder([LOCAL]);
    const f = io();
    const forecastArgs = ['--org', LOCAL.id, '--data-dir', dataDir, '--json', '--now', NOW];
    expect(await runForecastCommand(forecastArgs, f)).toBe(0);
    const figures = JSON.parse(f.outText).figures;
    expect(figures['credit-left'].isKnown).toBe(true);

    const j = io();
    expect(await runExportCommand(exportArgs(dataDir, 'json'), j, sink(j))).toBe(0);
    const rows = JSON.parse(j.stdout).rows.filter((r: { sync_state: string }) => r.sync_state === 'answer');
    expect(rows).toHaveLength(1);
    expect(rows[0].at_utc).toBe(NOW);
    const c = io();
    expect(await runExportCommand(exportArgs(dataDir, 'csv'), c, sink(c))).toBe(0);
    const csv = Papa.parse<Record<string, string>>(c.stdout, { header: true, skipEmptyLines: true }).data;
    const csvRow = csv.find((r) => r.sync_state === 'answer')!;
    expect(csvRow.org_name).toBe(`'-Lab`);
    for (const n of FIGURE_NAMES) {
      expect(rows[0][`${snake(n)}_text`], n).toBe(figures[n].text);
      expect(csvRow[`${snake(n)}_text`], n).toBe(safeText(figures[n].text));
      const usd = rows[0][`${snake(n)}_usd`];
      expect(usd === null ? null : Math.round(usd * 1e6), n).toBe(figures[n].value);
    }
  }, 60_000);

  it('leaves the answer rows out, with a note, beside a real organization on a set clock', async () => {
    const dataDir = await folder([REAL]);
    const j = io();
    expect(await runExportCommand(exportArgs(dataDir, 'json'), j, sink(j))).toBe(0);
    expect(JSON.parse(j.stdout).rows.some((r: { sync_state: string }) => r.sync_state === 'answer')).toBe(
      false,
    );
    expect(j.errText).toMatch(/figures now are left out/);
  }, 60_000);
});
