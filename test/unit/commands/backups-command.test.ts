import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '@core/api-contract';
import type { LedgerEntry } from '@core/ledger-schema';
import { runBackupsCommand } from '../../../main/commands/backups-command';
import { terminalSafe } from '../../../main/commands/terminal-text';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';
import { createProblemList } from '../../../main/services/stores/store-problem';

const ORG = 'org_acme00000001';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-backups-cli-'));
  await writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({
      version: 1,
      orgs: [
        { id: ORG, name: 'Acme\u001b[2J', kind: 'openai', provider: 'openai', baseUrl: null, createdAtMs: 1 },
      ],
      selectedOrgId: ORG,
    }),
  );
  let t = Date.UTC(2026, 10, 20);
  const store = createLedgerStore(dir, { nowMs: () => (t += 60_000), problems: createProblemList() });
  for (const id of ['a', 'b', 'c']) {
    const e: LedgerEntry = { id, kind: 'reload', atMs: Date.UTC(2026, 10, 1), micros: 5e6, note: '' };
    await store.update(ORG, (l) => ({ ...l, entries: [...l.entries, e] }));
  }
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBackupsCommand(
    ['--data-dir', dir, ...argv],
    { out: (l) => out.push(l), err: (l) => err.push(l), readFile: async () => '', readDir: async () => [] },
    't',
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('creditwatch backups', () => {
  it('lists each org\u2019s backups newest first with entry counts, names made terminal-safe', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    // The stored name's escape character is removed when settings load (names hold no control characters).
    expect(out).toMatch(
      /^Acme\[2J \(org_acme00000001\): 3 backups\n {2}ledger-org_acme00000001\.2026-11-20T00-06-00-000Z\.json {2}2026-11-20T00:06:00\.000Z {2}3 entries\n {2}.* {2}2 entries\n {2}.* {2}1 entry$/,
    );
    expect(out).not.toContain('\u001b');
  });

  it('restores a backup by name; the ledger before it is backed up first', async () => {
    const { out } = await run('--json');
    const [row] = JSON.parse(out) as Array<{ backups: Array<{ name: string; entries: number }> }>;
    const oldest = row!.backups.at(-1)!;
    const restored = await run('--org', ORG, '--restore', oldest.name);
    expect(restored.out).toMatch(/the ledger now has 1 entry /);
    const after = JSON.parse((await run('--json')).out) as (typeof row)[];
    expect(after[0]!.backups.map((b) => b.entries)).toEqual([1, 3, 2, 1]);
  });
});

describe('control characters in names', () => {
  it('are refused when an org is added', () => {
    expect(() => parseArgs('orgs:add', { name: 'Acme\u001b[2J', apiKey: 'sk-admin-0123456789' })).toThrow(
      'name: The name cannot contain control characters.',
    );
  });

  it('shows control characters instead of sending them raw', () => {
    expect(terminalSafe('Acme\u001b[2J\r\u0007 ok')).toBe('Acme\\u{1b}[2J\\u{d}\\u{7} ok');
  });
});
