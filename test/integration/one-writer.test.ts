// One writer per data folder, with real processes: `creditwatch serve` holds the folder; a second serve,
// a restore and a ledger-backup restore on it are refused with the holder's pid and change nothing, while
// `status` beside it still answers (without syncing). 100 ledger entries acknowledged by the host are all
// on disk afterwards. A lock left by a killed host is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackupsCommand } from '../../main/commands/backups-command';
import { runRestoreCommand } from '../../main/commands/backup-command';
import { runStatusCommand } from '../../main/commands/status-command';
import type { CommandIo } from '../../main/commands/io';
import { LOCK_FILE } from '../../main/services/folder-lock';
import { createBackupText } from '../../main/services/backup';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

const CLI = new URL('../../main/cli.ts', import.meta.url).pathname;
const NOW_ISO = '2026-11-18T15:20:00Z';
const NOW = Date.parse(NOW_ISO);

let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-writer-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

interface Serve {
  proc: ChildProcess;
  exited: Promise<{ code: number | null; stderr: string }>;
  /** The address printed at start (null when it exited first). */
  ready: Promise<string | null>;
}

function serve(): Serve {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--demo', '--data-dir', dir, '--port', '0', '--now', NOW_ISO],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CREDITWATCH_RENDERER_DIR: dir } },
  );
  children.push(proc);
  let stdout = '';
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    proc.on('exit', (code) => resolve({ code, stderr })),
  );
  const ready = new Promise<string | null>((resolve) => {
    proc.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /running at (\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => resolve(null));
  });
  return { proc, exited, ready };
}

function io(): CommandIo & { text: () => string } {
  const lines: string[] = [];
  return {
    text: () => lines.join('\n'),
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}

interface Reply {
  status: number;
  body: { result?: { orgs: { id: string; kind: string }[] } };
}

async function call(address: string, channel: string, args: unknown): Promise<Reply> {
  const url = new URL(address);
  const res = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

/** A backup from another folder holding one organization with one entry (a restore would add both). */
async function otherBackup(): Promise<string> {
  const other = await mkdtemp(join(tmpdir(), 'cw-writer-other-'));
  try {
    const settings = await openSettingsStore(other, { nowMs: () => NOW });
    const ledgers = createLedgerStore(other, { nowMs: () => NOW });
    const org = {
      id: 'org_fromotherfolder',
      name: 'Other',
      kind: 'live' as const,
      provider: 'openai' as const,
      baseUrl: null,
      createdAtMs: 1_764_547_200_000,
    };
    await settings.update((s) => ({ ...s, orgs: [org] }));
    await ledgers.update(org.id, (l) => ({
      ...l,
      entries: [
        {
          id: 'x1',
          kind: 'purchase',
          atMs: NOW - 86_400_000,
          micros: 5_000_000,
          expiresAtMs: null,
          note: '',
        },
      ],
    }));
    const text = await createBackupText({
      settings,
      ledgers,
      dataDir: other,
      nowMs: () => NOW,
      appVersion: '0.1.0',
    });
    const file = join(dir, '..', `${dir.split('/').pop()}-backup.json`);
    await writeFile(file, text);
    return file;
  } finally {
    await rm(other, { recursive: true, force: true });
  }
}

describe('one writer per data folder', () => {
  it('refuses a second writer with the holder pid, keeps all 100 acknowledged writes, status still answers', async () => {
    const backupFile = await otherBackup();
    const a = serve();
    const address = await a.ready;
    expect(address, 'the first host starts').not.toBeNull();
    const settingsBefore = await readFile(join(dir, 'settings.json'), 'utf8');

    const b = serve();
    const second = await b.exited;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Creditwatch is already running on this folder (pid ${a.proc.pid})`);

    const { body } = await call(address!, 'orgs:list', {});
    const orgId = body.result!.orgs.find((o) => o.kind === 'demo')!.id;
    const acked: string[] = [];
    const restore = io();
    const restoreCode = runRestoreCommand([backupFile, '--yes', '--data-dir', dir], restore);
    // Ten at a time, as a busy page would send them, while the restore tries to get in.
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, k) => {
          const id = `w-${batch * 10 + k}`;
          const entry = {
            id,
            kind: 'purchase',
            atMs: NOW - 3_600_000,
            micros: 1_000_000,
            expiresAtMs: null,
            note: '',
          };
          const r = await call(address!, 'ledger:addEntry', { orgId, entry });
          if (r.status === 200) acked.push(id);
        }),
      );
    }
    expect(await restoreCode).toBe(1);
    expect(restore.text()).toContain(`Creditwatch is already running on this folder (pid ${a.proc.pid})`);
    expect(restore.text()).toContain('Nothing was changed');
    const ledgerRestore = io();
    expect(
      await runBackupsCommand(['--data-dir', dir, '--org', orgId, '--restore', 'x.json'], ledgerRestore, '0'),
    ).toBe(1);
    expect(ledgerRestore.text()).toContain(`(pid ${a.proc.pid})`);

    // status beside the host: answers from what is stored, without syncing, and exits by the alerts.
    const status = io();
    const code = await runStatusCommand(['--data-dir', dir, '--check'], status, '0');
    expect(status.text()).toContain(`running on this folder (pid ${a.proc.pid})`);
    expect(status.text()).toMatch(/No active alerts\.|Active alerts \(\d+\):/);
    // --check fails only for alerts that need action, and says which.
    expect(code).toBe(/\[needs action\]/.test(status.text()) ? 1 : 0);
    if (code === 1) expect(status.text()).toMatch(/^Needs action: /m);

    a.proc.kill('SIGTERM');
    expect((await a.exited).code).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const onDisk = JSON.parse(await readFile(join(dir, `ledger-${orgId}.json`), 'utf8')) as {
      entries: { id: string }[];
    };
    const stored = new Set(onDisk.entries.map((e) => e.id));
    expect(acked).toHaveLength(100);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    // The refused restore changed nothing: its organization is not here.
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain('org_fromotherfolder');
    expect(settingsBefore).not.toContain('org_fromotherfolder');
    await rm(backupFile, { force: true });
  }, 120_000);

  it('takes over the lock of a host killed with SIGKILL (serve, then restore)', async () => {
    const backupFile = await otherBackup();
    const a = serve();
    expect(await a.ready).not.toBeNull();
    a.proc.kill('SIGKILL');
    await a.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const b = serve();
    expect(await b.ready, 'a second host starts over the dead one').not.toBeNull();
    b.proc.kill('SIGKILL');
    await b.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const restore = io();
    expect(await runRestoreCommand([backupFile, '--yes', '--data-dir', dir], restore)).toBe(0);
    expect(restore.text()).toMatch(/Restored: 1 organization\(s\) added/);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    await rm(backupFile, { force: true });
  }, 120_000);
});
