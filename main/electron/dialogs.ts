/**
 * Save dialogs for exports and backups in the desktop app: asks where (starting in the folder used last
 * time, remembered in `dialogs.json` in the data folder), then lets the shared file service write it.
 * Translation only: the checks and the writing live in main/app and main/services.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { FileDelivery } from '@core/api-contract';
import type { AppFiles, FileDeliveryPort } from '../app/app-files';
import { writeTextFile } from '../services/backup';
import { writeExportFile } from '../services/exporter';

const FILTERS = {
  csv: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** The delivery port of the desktop app. */
export function createSaveDialogDelivery(
  files: AppFiles,
  window: () => BrowserWindow | null,
  dataDir: string,
): FileDeliveryPort {
  const stateFile = join(dataDir, 'dialogs.json');
  const lastFolder = async (): Promise<string> => {
    try {
      const folder = (JSON.parse(await readFile(stateFile, 'utf8')) as { lastFolder?: unknown }).lastFolder;
      return typeof folder === 'string' ? folder : app.getPath('documents');
    } catch {
      return app.getPath('documents');
    }
  };
  const ask = async (fileName: string, format: 'csv' | 'json'): Promise<string | null> => {
    const options = { defaultPath: join(await lastFolder(), fileName), filters: FILTERS[format] };
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(stateFile, JSON.stringify({ lastFolder: dirname(result.filePath) })).catch(() => {});
    return result.filePath;
  };
  const saved = (path: string, fileName: string): FileDelivery => ({ delivery: 'saved', path, fileName });
  return {
    async deliverExport(_request, plan) {
      const path = await ask(plan.fileName, plan.format);
      if (!path) return { delivery: 'cancelled' };
      await writeExportFile(files.chunks(plan), path);
      return saved(path, plan.fileName);
    },
    async deliverBackup(fileName) {
      const path = await ask(fileName, 'json');
      if (!path) return { delivery: 'cancelled' };
      await writeTextFile(path, await files.backupText());
      return saved(path, fileName);
    },
  };
}
