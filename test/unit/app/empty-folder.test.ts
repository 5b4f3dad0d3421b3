// An empty data folder starts empty (no demo accounts are put into the user's folder), and reading commands
// given a mistyped --data-dir create nothing and seed nothing.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../main/app/create-app';
import type { CommandIo } from '../../../main/commands/io';
import { runBackupsCommand } from '../../../main/commands/backups-command';
import { runStatusCommand } from '../../../main/commands/status-command';
import { createFileSecretStore } from '../../../main/services/secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-empty-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const io = (): CommandIo & { lines: string[] } => {
  const lines: string[] = [];
  return {
    lines,
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
};
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('an empty folder', () => {
  it('starts with no account at all (no demo)', async () => {
    const app = await createApp({
      dataDir: dir,
      version: 't',
      transport: 'http',
      secrets: createFileSecretStore(dir),
    });
    try {
      expect((await app.handlers['orgs:list']({})).orgs).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.each([
    [
      'status --no-sync',
      (d: string, o: CommandIo) => runStatusCommand(['--data-dir', d, '--no-sync'], o, 't'),
    ],
    ['backups', (d: string, o: CommandIo) => runBackupsCommand(['--data-dir', d], o, 't')],
  ])('%s with a mistyped --data-dir creates nothing', async (_, run) => {
    const typo = join(dir, 'Creditwatchh');
    await expect(run(typo, io())).rejects.toThrow(/There is no Creditwatch data folder at .*Creditwatchh/);
    expect(await exists(typo)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
