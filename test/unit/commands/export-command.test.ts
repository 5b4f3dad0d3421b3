// `creditwatch export | backup | restore` as a user runs them: output to a file or stdout, and every bad input
// answered with a clear message, exit code 2, and the data folder left byte for byte as it was.
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { DAY_MS } from '@core/time';
import { runBackupCommand, runRestoreCommand } from '../../../main/commands/backup-command';
import { runExportCommand } from '../../../main/commands/export-command';
import { openOrgHistory } from '../../../main/services/stores/history-store';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../../main/services/stores/settings-store';
import { recordingIo, stdoutSink } from '../../support/recording-io';

const NOW = '2026-11-18T15:20:00Z';
const NOW_MS = Date.parse(NOW);
const ORGS: Org[] = [
  {
    id: 'org_cliexport01',
    name: 'Acme, "Labs" EU',
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: Date.UTC(2026, 0, 1),
  },
  {
    id: 'org_cliexport02',
    name: '=cmd|calc',
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: Date.UTC(2026, 0, 1),
  },
];
let dataDir: string;
let outDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cw-cli-data-'));
  outDir = await mkdtemp(join(tmpdir(), 'cw-cli-out-'));
  const settings = await openSettingsStore(dataDir);
  await settings.update((s) => ({ ...s, orgs: ORGS }));
  for (const org of ORGS) {
    const history = await openOrgHistory(join(dataDir, 'history', org.id), { nowMs: () => NOW_MS });
    const start = Date.UTC(2026, 10, 1);
    const days = [];
    for (let d = start; d <= Date.UTC(2026, 10, 18); d += DAY_MS)
      days.push({ dayStartMs: d, rows: [{ projectId: null, lineItem: 'gpt-4o, input', micros: 2_000_000 }] });
    await history.putCosts({ startMs: start, endMs: Date.UTC(2026, 10, 19) }, days, Date.UTC(2026, 10, 17));
  }
  await createLedgerStore(dataDir, { nowMs: () => NOW_MS }).update(ORGS[0]!.id, (l) => ({
    ...l,
    entries: [
      { id: 'p1', kind: 'purchase', atMs: NOW_MS - DAY_MS, micros: 50_000_000, expiresAtMs: null, note: '' },
    ],
  }));
});
afterAll(async () => {
  await chmod(outDir, 0o755).catch(() => {});
  await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await rm(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const io = recordingIo;
const sink = stdoutSink;
const base = ['--data-dir', '', '--now', NOW, '--from', '2026-11-01', '--to', '2026-11-18'];
const args = (...more: string[]) => [...base.map((a) => (a === '' ? dataDir : a)), ...more];

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dataDir, { recursive: true })).sort())
    out[name] = await readFile(join(dataDir, name), 'utf8').catch(() => '(folder)');
  return out;
}

describe('creditwatch export', () => {
  it('writes to stdout without --out, and to a file with --out', async () => {
    const r = io();
    expect(await runExportCommand(args('--org', '=cmd|calc', '--what', 'costs'), r, sink(r))).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(19);
    expect(lines[1]).toContain(`'=cmd|calc`);
    const file = join(outDir, 'costs.json');
    const f = io();
    expect(
      await runExportCommand(
        args('--org', 'org_cliexport01', '--what', 'costs', '--format', 'json', '--out', file),
        f,
        sink(f),
      ),
    ).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as { rows: { cost_usd: number }[] };
    expect(doc.rows.reduce((a, x) => a + x.cost_usd, 0)).toBeCloseTo(36, 9);
  });

  it.each([
    [
      'reversed range',
      ['--org', 'all', '--what', 'costs', '--from', '2026-11-18', '--to', '2026-11-01'],
      /reversed/,
    ],
    ['future range', ['--org', 'all', '--what', 'costs', '--to', '2026-11-19'], /in the future/],
    ['unknown org', ['--org', 'Nobody', '--what', 'costs'], /No organization "Nobody"/],
    ['bad table', ['--org', 'all', '--what', 'money'], /--what/],
    ['bad date', ['--org', 'all', '--what', 'costs', '--from', '1/11/2026'], /--from/],
    ['unknown flag', ['--org', 'all', '--what', 'costs', '--colour'], /colour/],
    [
      'unwritable path',
      ['--org', 'all', '--what', 'costs', '--out', '/proc/creditwatch.csv'],
      /Cannot write \/proc\/creditwatch.csv/,
    ],
    [
      'missing folder',
      ['--org', 'all', '--what', 'costs', '--out', '/nonexistent/x.csv'],
      /the folder does not exist/,
    ],
  ])('%s: a clear message, exit code 2, nothing stored changed', async (_what, extra, message) => {
    const before = await snapshot();
    const r = io();
    expect(await runExportCommand(args(...extra), r, sink(r))).toBe(2);
    expect(r.errText).toMatch(message);
    expect(r.stdout).toBe('');
    expect(await snapshot()).toEqual(before);
  });
});

describe('creditwatch backup and restore', () => {
  it('backs up, refuses bad files with exit 2, and restores into a fresh folder twice without change', async () => {
    const file = join(outDir, 'backup.json');
    const b = io();
    expect(await runBackupCommand(['--out', file, '--data-dir', dataDir], b)).toBe(0);
    const fresh = await mkdtemp(join(tmpdir(), 'cw-cli-fresh-'));
    try {
      const preview = io();
      expect(await runRestoreCommand([file, '--data-dir', fresh], preview), 'not confirmed').toBe(2);
      expect(preview.outText).toMatch(/will add 2 accounts \("Acme, .+", "=cmd\|calc"\)/);
      expect(preview.errText).toMatch(/Nothing was changed yet: run the same command with --yes/);
      expect(await readdir(fresh), 'a preview writes nothing').not.toContain('settings.json');
      const notThere = join(fresh, 'new-machine');
      expect(await runRestoreCommand([file, '--data-dir', notThere], io())).toBe(2);
      expect(await readdir(fresh), 'a preview creates no folder').not.toContain('new-machine');
      const first = io();
      expect(await runRestoreCommand([file, '--yes', '--data-dir', fresh], first)).toBe(0);
      expect(first.outText).toMatch(/2 organization\(s\) added/);
      const again = io();
      expect(await runRestoreCommand([file, '--yes', '--data-dir', fresh], again)).toBe(0);
      expect(again.outText).toMatch(/Nothing to restore/);
      const truncated = join(outDir, 'cut.json');
      await writeFile(truncated, (await readFile(file, 'utf8')).slice(0, 200));
      const bad = io();
      expect(await runRestoreCommand([truncated, '--data-dir', fresh], bad)).toBe(2);
      expect(bad.errText).toMatch(/not complete JSON/);
      const newer = join(outDir, 'newer.json');
      await writeFile(newer, (await readFile(file, 'utf8')).replace('"version": 2,', '"version": 7,'));
      const n = io();
      expect(await runRestoreCommand([newer, '--data-dir', fresh], n)).toBe(2);
      expect(n.errText).toMatch(/newer Creditwatch/);
    } finally {
      await rm(fresh, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
    const u = io();
    expect(await runBackupCommand(['--out', '/proc/backup.json', '--data-dir', dataDir], u)).toBe(2);
    expect(u.errText).toMatch(/Cannot write/);
  });
});

describe('a data folder that is not there', () => {
  it('export and backup refuse it without creating it; a refused restore does not create it either', async () => {
    const missing = join(outDir, 'no-such-folder');
    const r = io();
    expect(
      await runExportCommand(
        [
          '--data-dir',
          missing,
          '--now',
          NOW,
          '--org',
          'all',
          '--from',
          '2026-11-01',
          '--to',
          '2026-11-02',
          '--what',
          'costs',
        ],
        r,
        sink(r),
      ),
    ).toBe(2);
    expect(r.errText).toMatch(/no Creditwatch data folder/);
    const b = io();
    expect(await runBackupCommand(['--out', join(outDir, 'b.json'), '--data-dir', missing], b)).toBe(2);
    const bad = join(outDir, 'bad.json');
    await writeFile(bad, '{"format":"creditwatch-backup","version":1');
    const x = io();
    expect(await runRestoreCommand([bad, '--data-dir', missing], x)).toBe(2);
    expect(await readdir(outDir)).not.toContain('no-such-folder');
  });
});
