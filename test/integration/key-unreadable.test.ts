import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';

const ORG = {
  id: 'org_acme00000001',
  name: 'Acme',
  kind: 'openai',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
};

let dir: string;
let app: App | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-keyfile-'));
  await writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({ version: 1, orgs: [ORG], selectedOrgId: ORG.id }),
  );
  await writeFile(join(dir, 'keys.json'), '{"version":1,"keys":{"org_acme0000'); // truncated
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('an unreadable key file', () => {
  it('marks the org "key unreadable — add it again", lists the problem, and breaks no channel', async () => {
    app = await createApp({
      dataDir: dir,
      version: 't',
      transport: 'http',
      secrets: createFileSecretStore(dir),
    });
    const list = await app.handlers['orgs:list']({});
    expect(list.orgs).toEqual([expect.objectContaining({ id: ORG.id, hasKey: false, keyUnreadable: true })]);
    const dashboard = await app.handlers['dashboard:get']({ orgId: ORG.id });
    expect(dashboard.org).toMatchObject({ id: ORG.id, keyUnreadable: true });
    const { problems } = await app.handlers['app:problems']({});
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /stored Admin keys could not be read .*key unreadable — add it again/,
    );
    const status = await app.handlers['sync:now']({ orgId: ORG.id });
    expect(status.lastError?.message).toMatch(/key unreadable — add it again/);
    // The damaged file is not touched by reading it.
    expect(await readFile(join(dir, 'keys.json'), 'utf8')).toContain('org_acme0000');
  });
});
