/**
 * `createHandlers(parts)`: main's one implementation of the contract, mounted by both transports.
 * It translates requests into service calls; decisions live in core and services. Each handler file
 * declares what it uses, and is given only that.
 */
import type { Handlers } from '@core/api-contract';
import { createAlertHandlers, type AlertHandlerDeps } from './alert-handlers';
import { createAppHandlers, type AppHandlerDeps } from './app-handlers';
import { createBackupHandlers, type BackupHandlerDeps } from './backup-handlers';
import { createFileHandlers, type FileHandlerDeps } from './file-handlers';
import { createMoneyHandlers, type MoneyHandlerDeps } from './money-handlers';
import { createOrgHandlers, type OrgHandlerDeps } from './org-handlers';
import { createSettingsHandlers, type SettingsHandlerDeps } from './settings-handlers';

/** What each handler file is given, by file (the composition root builds each from the app's parts). */
export interface HandlerParts {
  app: AppHandlerDeps;
  settings: SettingsHandlerDeps;
  orgs: OrgHandlerDeps;
  money: MoneyHandlerDeps;
  alerts: AlertHandlerDeps;
  backups: BackupHandlerDeps;
  files: FileHandlerDeps;
}

/** Builds the handler object; a channel without a handler does not compile. */
export function createHandlers(parts: HandlerParts): Handlers {
  return {
    ...createAppHandlers(parts.app),
    ...createSettingsHandlers(parts.settings),
    ...createOrgHandlers(parts.orgs),
    ...createMoneyHandlers(parts.money),
    ...createAlertHandlers(parts.alerts),
    ...createBackupHandlers(parts.backups),
    ...createFileHandlers(parts.files),
  };
}
