// `--out` writes a file beside its target and renames it over: it must never replace the data folder's
// own files, nor a named pipe, symbolic link, device or folder; `--out -` means standard output (it once
// created a file named "-"). Each refusal is exit code 2 with words, and nothing is written anywhere.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../../../main/commands/backup-command';
import { runExportCommand } from '../../../main/commands/export-command';
import type { CommandIo } from '../../../main/commands/io';
import { openSettingsStore } from '../../../main/services/stores/settings-store';

let dataDir: string;
let outDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cw-out-data-'));
  outDir = await mkdtemp(join(tmpdir(), 'cw-out-'));
  const settings = await openSettingsStore(dataDir);
  await settings.update((s) => ({
    ...s,
    orgs: [
      {
        id: 'org_outpath0001',
        name: 'Acme',
        kind: 'live',
        provider: 'openai',
        baseUrl: null,
        createdAtMs: 1_764_547_200_000,
      },
    ],
  }));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

function io(): CommandIo & { errText: () => string; stdout: string[] } {
  const err: string[] = [];
  const stdout: string[] = [];
  return {
    stdout,
    errText: () => err.join('\n'),
    out: (s) => stdout.push(s),
    err: (s) => err.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}

const exportTo = (out: string, r: ReturnType<typeof io>) =>
  runExportCommand(
    [
      '--org',
      'all',
      '--what',
      'ledger',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-18',
      '--now',
      '2026-11-18T15:20:00Z',
      '--data-dir',
      dataDir,
      '--out',
      out,
    ],
    r,
    {
      async stdout(chunks) {
        for await (const c of chunks) r.stdout.push(c);
      },
    },
  );

describe('--out', () => {
  it("refuses the data folder's own files (export and backup), through a link to the folder too", async () => {
    const settings = join(dataDir, 'settings.json');
    const before = await readFile(settings, 'utf8');
    const r = io();
    expect(await exportTo(settings, r)).toBe(2);
    expect(r.errText()).toMatch(/inside the data folder/);
    const b = io();
    expect(await runBackupCommand(['--out', settings, '--data-dir', dataDir], b)).toBe(2);
    expect(b.errText()).toMatch(/inside the data folder/);
    const link = join(outDir, 'data-link');
    await symlink(dataDir, link);
    expect(await exportTo(join(link, 'settings.json'), io())).toBe(2);
    expect(await exportTo(join(dataDir, 'new-file.csv'), io())).toBe(2);
    expect(await readFile(settings, 'utf8')).toBe(before);
    expect(existsSync(join(dataDir, 'new-file.csv'))).toBe(false);
  });

  it('refuses a named pipe, a symbolic link and a folder, and leaves each as it was', async () => {
    const fifo = join(outDir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const target = join(outDir, 'precious.txt');
    await writeFile(target, 'keep me');
    const link = join(outDir, 'link.csv');
    await symlink(target, link);
    const folder = join(outDir, 'folder');
    await mkdir(folder);
    for (const [path, words] of [
      [fifo, /named pipe/],
      [link, /symbolic link/],
      [folder, /a folder/],
    ] as const) {
      const r = io();
      expect(await exportTo(path, r)).toBe(2);
      expect(r.errText()).toMatch(words);
      const b = io();
      expect(await runBackupCommand(['--out', path, '--data-dir', dataDir], b)).toBe(2);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(folder).isDirectory()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('keep me');
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a device node (only root can make one to try)', async () => {
    const device = join(outDir, 'null-device');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const r = io();
    expect(await exportTo(device, r)).toBe(2);
    expect(r.errText()).toMatch(/a device/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('"-" means standard output, for export and backup; no file named "-" appears', async () => {
    const r = io();
    expect(await exportTo('-', r)).toBe(0);
    expect(r.stdout.join('')).toMatch(/^kind,|"rows"|org/);
    const b = io();
    expect(await runBackupCommand(['--out', '-', '--data-dir', dataDir], b)).toBe(0);
    expect(JSON.parse(b.stdout.join(''))).toMatchObject({ format: 'creditwatch-backup' });
    expect(existsSync(resolve('-'))).toBe(false);
  });

  it('still writes a new file, and replaces an existing regular file', async () => {
    const file = join(outDir, 'ledger.csv');
    expect(await exportTo(file, io())).toBe(0);
    await writeFile(file, 'old');
    expect(await exportTo(file, io())).toBe(0);
    expect(await readFile(file, 'utf8')).not.toBe('old');
  });
});
