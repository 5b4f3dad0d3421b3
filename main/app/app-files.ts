/**
 * Files out of and into the app — exports, backups, restores — for both hosts: the checks (core), the
 * streaming exporter and the backup service over the app's own stores. A host decides only how a file
 * reaches the user (a download link, a save dialog): see `FileDeliveryPort`.
 */
import type { FileDelivery } from '@core/api-contract';
import { displayZone, systemTimeZone } from '@core/time-zone';
import { planExport, type ExportPlan, type ExportRequest } from '@core/export/request';
import type { LedgerStore } from '../services/stores/ledger-store';
import type { SettingsStore } from '../services/stores/settings-store';
import type { OrgHistory } from '../services/stores/history-store';
import {
  createBackupText,
  restoreBackup,
  type AlertSettingsPort,
  type RestoreReport,
} from '../services/backup';
import { exportChunks } from '../services/exporter';
import type { AnswerService } from '../services/answers';

export interface AppFiles {
  /** Checks a request; throws ExportInputError with the reason. */
  plan(request: ExportRequest): ExportPlan;
  chunks(plan: ExportPlan): AsyncGenerator<string>;
  backupText(): Promise<string>;
  backupFileName(): string;
  /** Merges a backup (or, with `preview`, only says what it would do). */
  restore(text: string, opts: { acceptEdited?: boolean; preview?: boolean }): Promise<RestoreReport>;
}

/** How a host hands a file to the user. */
export interface FileDeliveryPort {
  deliverExport(request: ExportRequest, plan: ExportPlan): Promise<FileDelivery>;
  deliverBackup(fileName: string): Promise<FileDelivery>;
}

export interface AppFilesDeps {
  settings: SettingsStore;
  ledgers: LedgerStore;
  history(orgId: string): Promise<OrgHistory>;
  /** Alert settings travel in backups too. */
  alertSettings?: AlertSettingsPort;
  dataDir: string;
  nowMs(): number;
  appVersion: string;
  /** Each account's answer as the app serves it: a snapshots export ends with it. */
  answers?: Pick<AnswerService, 'get'>;
}

/** Creates the file service of one app. */
export function createAppFiles(deps: AppFilesDeps): AppFiles {
  const answers = deps.answers;
  const zone = () => displayZone(deps.settings.get().timeZone, systemTimeZone());
  return {
    plan: (request) => planExport(request, deps.settings.get().orgs, deps.nowMs()),
    chunks: (plan) =>
      exportChunks(
        {
          history: deps.history,
          ledger: (id) => deps.ledgers.get(id),
          zone: zone(),
          answer: answers ? (id) => answers.get(id) : undefined,
        },
        plan,
      ),
    backupText: () => createBackupText(deps),
    backupFileName: () => `creditwatch-backup-${new Date(deps.nowMs()).toISOString().slice(0, 10)}.json`,
    restore: (text, opts) => restoreBackup(deps, text, opts),
  };
}

/** The Node host's delivery: links to its streaming download routes (same token checks as the API). */
export const LINK_DELIVERY: FileDeliveryPort = {
  async deliverExport(request, plan) {
    const query = new URLSearchParams({
      org: request.org ?? 'all',
      from: request.from,
      to: request.to,
      what: request.what,
      format: request.format,
    });
    return { delivery: 'download', href: `/download/export?${query}`, fileName: plan.fileName };
  },
  async deliverBackup(fileName) {
    return { delivery: 'download', href: '/download/backup', fileName };
  },
};
