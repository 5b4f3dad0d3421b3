// `creditwatch forecast --org NAME|ID`: one account's answer from a stored data folder, read only, in the
// same lines and JSON as `status` prints for that account at the same pinned instant.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../main/app/create-app';
import { runForecastCommand } from '../../../main/commands/forecast-command';
import type { CommandIo } from '../../../main/commands/io';
import { runStatusCommand } from '../../../main/commands/status-command';
import { createFileSecretStore } from '../../../main/services/secrets';
import { createSimClock } from '../../../main/simulator/sim-clock';

const NOW_ISO = '2026-12-07T10:40:00Z';
const NOW = ['--now', NOW_ISO];
let demoDir: string;
const dirs: string[] = [];

function io(): CommandIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return {
    out_,
    err_,
    out: (s) => out_.push(s),
    err: (s) => err_.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}

/** Every file under `dir` with its size and modification time, to see that nothing was written. */
async function fingerprint(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).sort();
  return Promise.all(
    names.map(async (n) => {
      const s = await stat(join(dir, n));
      return `${n} ${s.size} ${s.mtimeMs}`;
    }),
  );
}

beforeAll(async () => {
  // The demo folder at a pinned instant, with two accounts synced (OpenAI and DeepSeek's own balance).
  demoDir = await mkdtemp(join(tmpdir(), 'cw-forecast-org-'));
  dirs.push(demoDir);
  const app = await createApp({
    dataDir: demoDir,
    version: '0.0.0',
    transport: 'http',
    secrets: createFileSecretStore(demoDir),
    demo: true,
    clock: createSimClock({ startMs: Date.parse(NOW_ISO), speed: 0 }),
  });
  try {
    for (const org of app.settings.get().orgs)
      if (org.name === 'Demo organization' || org.name === 'DeepSeek')
        expect((await app.sync.syncOrg(org.id, { force: true })).state).toBe('ok');
  } finally {
    await app.close();
  }
}, 120_000);
afterAll(async () =>
  Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

/** `status`'s block of lines for the account whose first line starts with `name`. */
function statusBlock(lines: string[], name: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`${name} (`));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('forecast --org', () => {
  it('prints the same lines as status for that account, by name or id, and writes nothing', async () => {
    const status = io();
    expect(await runStatusCommand(['--data-dir', demoDir, '--no-sync', ...NOW], status, '0.0.0')).toBe(0);
    const before = await fingerprint(demoDir);
    for (const name of ['Demo organization', 'DeepSeek']) {
      const byName = io();
      expect(await runForecastCommand(['--org', name, '--data-dir', demoDir, ...NOW], byName, '0.0.0')).toBe(
        0,
      );
      expect(byName.out_).toEqual(statusBlock(status.out_, name));
      expect(byName.err_).toEqual([]);
    }
    // A synced account has figures, not only "not known yet".
    expect(status.out_.join('\n')).toMatch(
      /^DeepSeek \(DeepSeek, CNY\) \[demo\].*\n {2}credit left: CN¥[\d,.]+/m,
    );

    const json = io();
    expect(
      await runStatusCommand(['--data-dir', demoDir, '--no-sync', '--json', ...NOW], json, '0.0.0'),
    ).toBe(0);
    const accounts = (
      JSON.parse(json.out_.join('\n')) as { accounts: Array<{ orgId: string; name: string }> }
    ).accounts;
    const deepseek = accounts.find((a) => a.name === 'DeepSeek')!;
    const byId = io();
    expect(
      await runForecastCommand(
        ['--org', deepseek.orgId, '--json', '--data-dir', demoDir, ...NOW],
        byId,
        '0.0.0',
      ),
    ).toBe(0);
    expect(JSON.parse(byId.out_.join('\n'))).toEqual(deepseek);
    // A name in other letter case finds the account too.
    const lower = io();
    expect(
      await runForecastCommand(['--org', 'deepseek', '--data-dir', demoDir, ...NOW], lower, '0.0.0'),
    ).toBe(0);
    expect(lower.out_[0]).toMatch(/^DeepSeek \(DeepSeek, CNY\)/);
    expect(await fingerprint(demoDir)).toEqual(before);
  }, 60_000);

  it('refuses an unknown name, an ambiguous name and a missing folder with words, exit 2', async () => {
    const unknown = io();
    expect(await runForecastCommand(['--org', 'Nope', '--data-dir', demoDir, ...NOW], unknown, '0.0.0')).toBe(
      2,
    );
    expect(unknown.err_.join('\n')).toMatch(/No organization "Nope"\. Known: .*"DeepSeek" \(/);
    expect(unknown.out_).toEqual([]);

    const twins = await mkdtemp(join(tmpdir(), 'cw-forecast-twins-'));
    dirs.push(twins);
    const org = (id: string) => ({
      id,
      name: 'Acme',
      kind: 'demo',
      provider: 'openai',
      baseUrl: null,
      createdAtMs: Date.UTC(2026, 0, 1),
    });
    await writeFile(
      join(twins, 'settings.json'),
      JSON.stringify({
        version: 1,
        orgs: [org('org_twinacme1'), org('org_twinacme2')],
        selectedOrgId: 'org_twinacme1',
      }),
    );
    const ambiguous = io();
    expect(await runForecastCommand(['--org', 'Acme', '--data-dir', twins, ...NOW], ambiguous, '0.0.0')).toBe(
      2,
    );
    expect(ambiguous.err_.join('\n')).toMatch(
      /Several organizations are named "Acme": use an id \(org_twinacme1, org_twinacme2\)/,
    );
    const one = io();
    expect(
      await runForecastCommand(['--org', 'org_twinacme2', '--data-dir', twins, ...NOW], one, '0.0.0'),
    ).toBe(0);
    expect(one.out_[0]).toMatch(/^Acme \(OpenAI, USD\) \[demo\]/);

    const missing = io();
    const nowhere = join(twins, 'not-here');
    expect(await runForecastCommand(['--org', 'Acme', '--data-dir', nowhere], missing, '0.0.0')).toBe(2);
    expect(missing.err_.join('\n')).toMatch(/There is no Creditwatch data folder at .*Nothing was created\./);
    await expect(stat(nowhere)).rejects.toThrow();

    const empty = io();
    expect(await runForecastCommand(['--org', '', '--data-dir', twins], empty, '0.0.0')).toBe(2);
    expect(empty.err_.join('\n')).toMatch(/--org needs the name or id of an account/);
  }, 60_000);

  it('keeps the hourly-file mode, which --org does not take', async () => {
    const both = io();
    expect(await runForecastCommand(['--org', 'Acme', '--history', 'x.csv'], both, '0.0.0')).toBe(2);
    expect(both.err_.join('\n')).toMatch(/history/);
    const trace = io();
    expect(await runForecastCommand(['--now', NOW_ISO, '--balance', '10', '--threshold', '5'], trace)).toBe(
      2,
    );
    expect(trace.err_.join('\n')).toMatch(/--history FILE\.csv is required/);
  });
});
