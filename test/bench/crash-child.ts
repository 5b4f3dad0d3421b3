// A Creditwatch app under load, to be killed with SIGKILL at a random moment by crash-loop.bench.ts:
// the demo org syncs over and over while ledger entries are added; each entry whose add returned is
// printed as "ACK <id>" (an acknowledged write), and every problem the stores report as "PROBLEM …".
import { createApp } from '../../main/app/create-app';
import { FolderBusyError, lockDataFolder } from '../../main/services/folder-lock';
import { createFileSecretStore } from '../../main/services/secrets';

const [dataDir, prefix] = process.argv.slice(2) as [string, string];
// As `serve` and the desktop app do: one writer per folder. A second one says so and changes nothing.
try {
  await lockDataFolder(dataDir, { purpose: 'crash child' });
} catch (err) {
  if (!(err instanceof FolderBusyError)) throw err;
  process.stdout.write(`BUSY ${err.holder.pid}\n`);
  process.exit(3);
}
const app = await createApp({
  dataDir,
  version: 'bench',
  transport: 'http',
  secrets: createFileSecretStore(dataDir),
  demo: true,
  log: (line) => {
    if (line.startsWith('store:')) process.stdout.write(`PROBLEM ${line}\n`);
  },
});
for (const p of (await app.handlers['app:problems']({})).problems)
  process.stdout.write(`PROBLEM ${p.message}\n`);
const orgId = app.settings.get().orgs.find((o) => o.kind === 'demo')!.id;
process.stdout.write('READY\n');
let n = 0;
const syncs = (async () => {
  for (;;) await app.sync.syncOrg(orgId, { force: true });
})();
for (;;) {
  const id = `${prefix}-${n++}`;
  await app.handlers['ledger:addEntry']({
    orgId,
    entry: {
      id,
      kind: 'purchase',
      atMs: Date.now() - 3_600_000,
      micros: 1_000_000,
      expiresAtMs: null,
      note: '',
    },
  });
  process.stdout.write(`ACK ${id}\n`);
}
void syncs;
