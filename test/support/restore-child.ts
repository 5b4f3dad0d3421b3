// A restore to be killed with SIGKILL (killed-restore.ts) at its most fragile moment: it prints
// "LEDGERS-WRITTEN" once every ledger of the backup is on disk and then waits, before writing the settings.
import { readFile } from 'node:fs/promises';
import { restoreBackup } from '../../main/services/backup';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { RESTORE_NOW } from './killed-restore';

const [dataDir, backupFile] = process.argv.slice(2) as [string, string];
const nowMs = () => RESTORE_NOW;
const settings = await openSettingsStore(dataDir, { nowMs });
await restoreBackup(
  {
    settings: {
      get: settings.get,
      update: async () => {
        process.stdout.write('LEDGERS-WRITTEN\n');
        await new Promise(() => {}); // killed here
        throw new Error('unreachable');
      },
    },
    ledgers: createLedgerStore(dataDir, { nowMs }),
    dataDir,
    nowMs,
    appVersion: 'kill-test',
  },
  await readFile(backupFile, 'utf8'),
);
