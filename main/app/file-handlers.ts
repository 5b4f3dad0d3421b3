/** The `export:save`, `backup:save` and `backup:restore` channels: checks first, then the host's delivery. */
import { ApiError, type Handlers } from '@core/api-contract';
import { BackupInputError } from '@core/backup/backup-file';
import { ExportInputError } from '@core/export/request';
import type { SettingsStore } from '../services/stores/settings-store';
import type { AppFiles, FileDeliveryPort } from './app-files';
import type { EventBus } from './event-bus';

type FileChannels = 'export:save' | 'backup:save' | 'backup:restore';

/** What the file channels use. */
export interface FileHandlerDeps {
  bus: Pick<EventBus, 'emit'>;
  /** How this host hands a file to the user. */
  delivery: FileDeliveryPort;
  /** Exports, backups and restores. */
  files: Pick<AppFiles, 'plan' | 'backupFileName' | 'restore'>;
  settings: Pick<SettingsStore, 'get'>;
}

/** Handlers for exports and backups. */
export function createFileHandlers(deps: FileHandlerDeps): Pick<Handlers, FileChannels> {
  return {
    'export:save': async (request) => {
      let plan;
      try {
        plan = deps.files.plan(request);
      } catch (err) {
        if (err instanceof ExportInputError) throw new ApiError('invalid-argument', err.message);
        throw err;
      }
      return deps.delivery.deliverExport(request, plan);
    },
    'backup:save': async () => deps.delivery.deliverBackup(deps.files.backupFileName()),
    'backup:restore': async ({ text, acceptEdited, preview }) => {
      try {
        const report = await deps.files.restore(text, { acceptEdited, preview });
        if (report.changed && !report.isPreview) {
          deps.bus.emit('orgs:changed', {});
          for (const org of deps.settings.get().orgs) deps.bus.emit('data:changed', { orgId: org.id });
        }
        return report;
      } catch (err) {
        if (err instanceof BackupInputError) throw new ApiError('rejected', err.message);
        throw err;
      }
    },
  };
}
