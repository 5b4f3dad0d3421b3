// The desktop app's save dialogs, with Electron's dialog replaced: the dialog opens in the folder used last
// (remembered across restarts in dialogs.json), a cancelled dialog writes nothing, a chosen path gets the file.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planExport } from '@core/export/request';
import type { AppFiles } from '../../../main/app/app-files';

const showSaveDialog = vi.fn();
vi.mock('electron', () => ({
  app: { getPath: () => '/home/someone/Documents' },
  dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) },
}));
const { createSaveDialogDelivery } = await import('../../../main/electron/dialogs');

const ORG = {
  id: 'org_dialogs001',
  name: 'Acme',
  kind: 'live' as const,
  provider: 'openai' as const,
  baseUrl: null,
  createdAtMs: 0,
};
const NOW = Date.UTC(2026, 10, 18, 12);
const files: AppFiles = {
  plan: (r) => planExport(r, [ORG], NOW),
  async *chunks() {
    yield 'a,b\r\n';
    yield '1,2\r\n';
  },
  backupText: async () => '{"format":"creditwatch-backup"}\n',
  backupFileName: () => 'creditwatch-backup-2026-11-18.json',
  restore: async () => {
    throw new Error('unused');
  },
};
const REQUEST = {
  org: 'Acme',
  from: '2026-11-01',
  to: '2026-11-18',
  what: 'costs' as const,
  format: 'csv' as const,
};

let dataDir: string;
let outDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cw-dialog-data-'));
  outDir = await mkdtemp(join(tmpdir(), 'cw-dialog-out-'));
  showSaveDialog.mockReset();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await rm(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('save dialogs', () => {
  it('start in Documents, then in the folder used last, and write the chosen file', async () => {
    const delivery = createSaveDialogDelivery(files, () => null, dataDir);
    const path = join(outDir, 'costs.csv');
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const plan = files.plan(REQUEST);
    expect(await delivery.deliverExport(REQUEST, plan)).toEqual({
      delivery: 'saved',
      path,
      fileName: plan.fileName,
    });
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: join('/home/someone/Documents', plan.fileName),
    });
    expect(await readFile(path, 'utf8')).toBe('a,b\r\n1,2\r\n');

    // A new session (a new delivery object) still starts where the last file went.
    const later = createSaveDialogDelivery(files, () => null, dataDir);
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(outDir, 'b.json') });
    await later.deliverBackup(files.backupFileName());
    expect(showSaveDialog.mock.calls[1]?.[0]).toMatchObject({
      defaultPath: join(outDir, 'creditwatch-backup-2026-11-18.json'),
    });
    expect(await readFile(join(outDir, 'b.json'), 'utf8')).toContain('creditwatch-backup');
  });

  it('a cancelled dialog writes nothing', async () => {
    const delivery = createSaveDialogDelivery(files, () => null, dataDir);
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await delivery.deliverExport(REQUEST, files.plan(REQUEST))).toEqual({ delivery: 'cancelled' });
    expect(await readdir(outDir)).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
