// A restore killed (SIGKILL, a real process) after writing its ledgers and before writing its settings is
// finished at the next start and reported: no ledger is left without its account, unreported.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { restoreAndKill, startAppOn, threeAccountBackup } from '../support/killed-restore';

describe('a restore killed between its ledger writes and its settings write', () => {
  it('is finished at the next start, and the page is told', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cw-restore-kill-'));
    const { file } = await threeAccountBackup(root);
    const dataDir = join(root, 'target');
    await restoreAndKill(dataDir, file);
    const files = await readdir(dataDir);
    expect(files.filter((n) => n.startsWith('ledger-')).length, 'the ledgers were written').toBe(3);
    expect((await openSettingsStore(dataDir)).get().orgs, 'and the settings were not').toEqual([]);

    const app = await startAppOn(dataDir);
    try {
      const { orgs } = await app.handlers['orgs:list']({});
      expect(orgs.map((o) => o.name)).toEqual(['Acme', 'Beta', 'Gamma']);
      for (const o of orgs)
        expect((await app.handlers['ledger:get']({ orgId: o.id })).entries).toHaveLength(1);
      const { problems } = await app.handlers['app:problems']({});
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /was cut off before it finished; Creditwatch finished it now\. 3 accounts added now \(Acme, Beta, Gamma\)/,
      );
    } finally {
      await app.close();
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }, 60_000);
});
