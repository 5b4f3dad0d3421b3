// The tray over the five demo accounts (OpenAI ×2, Anthropic, OpenRouter, DeepSeek in CNY) at a pinned
// instant: each account's credit in its own currency, and the title one account's figure, never a sum.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trayModelNow } from '../../main/app/tray-source';
import { createSimClock } from '../../main/simulator/sim-clock';
import { createDemoApp } from '../support/demo-app';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const dirs: string[] = [];
afterAll(async () =>
  Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

describe('tray over accounts in two currencies', () => {
  it('shows DeepSeek in CNY and never adds dollars and yuan', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cw-tray-'));
    dirs.push(dataDir);
    const clock = createSimClock({ startMs: NOW, speed: 0 });
    const app = await createDemoApp(dataDir, clock);
    try {
      const orgs = app.settings.get().orgs;
      expect(orgs.map((o) => o.provider).sort()).toEqual([
        'anthropic',
        'deepseek',
        'openai',
        'openai',
        'openrouter',
      ]);
      for (const o of orgs) expect((await app.sync.syncOrg(o.id, { force: true })).state).toBe('ok');
      const credit = new Map<string, number>();
      for (const o of orgs) {
        const view = await app.handlers['money:get']({ orgId: o.id });
        if (view.balance)
          credit.set(view.currency, (credit.get(view.currency) ?? 0) + view.balance.estimateMicros);
      }
      expect([...credit.keys()].sort()).toEqual(['CNY', 'USD']);
      const model = await trayModelNow(app, { nowMs: NOW, timeZone: 'UTC' });
      const { answers } = await app.handlers['answer:list']({});
      // The title is one account's figure, quoted from its answer: never a sum across accounts or currencies.
      expect(model.figure).not.toContain('·');
      expect(answers.map((a) => a.figures['credit-left'].text.split(' (')[0])).toContain(model.figure);
      const deepseek = model.menuLines.find((l) => l.startsWith('DeepSeek:'));
      expect(deepseek).toMatch(/^DeepSeek: credit CN¥[\d,]+(\.\d\d)?/);
      for (const line of model.menuLines.filter((l) => /^(Demo|Personal|Claude|OpenRouter)/.test(l)))
        expect(line).not.toContain('CN¥');
      const ds = orgs.find((o) => o.provider === 'deepseek')!;
      const pinned = await trayModelNow(app, { nowMs: NOW, timeZone: 'UTC', pinnedOrgId: ds.id });
      const dsAnswer = answers.find((a) => a.orgId === ds.id)!;
      expect(pinned.figure).toBe(dsAnswer.figures['credit-left'].text.split(' (')[0]);
      expect(pinned.figure).toMatch(/^CN¥/);
    } finally {
      await app.close();
    }
  }, 60_000);
});
