// Each account's answer as the page, tray and command line ask for it (`answer:get` over the Node host's
// HTTP API on `serve --demo`): the first request computes it; later ones are served from the cache until
// the data or the clock's hour changes.
import { startServe } from '../e2e/serve';

const NOW = '2026-11-18T15:20:00Z';
const RUNS = 25;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<Record<string, unknown>> {
  const { existsSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  if (!existsSync('dist/cli.mjs')) execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
  const app = await startServe({ demo: true, now: NOW });
  try {
    const { orgs } = await app.call('orgs:list', {});
    for (const o of orgs) {
      for (let i = 0; i < 240; i++) {
        const d = await app.call('dashboard:get', { orgId: o.id });
        if (d.asOfMs !== null && d.sync.state === 'ok') break;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const orgId = orgs[0]!.id;
    const t0 = performance.now();
    await app.call('answer:list', {});
    const firstMs = performance.now() - t0;
    const cachedMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await app.call('answer:get', { orgId });
      cachedMs.push(performance.now() - t);
    }
    return {
      accounts: orgs.length,
      firstAnswerListMs: Math.round(firstMs),
      cachedAnswerMedianMs: Math.round(median(cachedMs) * 10) / 10,
      cachedAnswerMaxMs: Math.round(Math.max(...cachedMs) * 10) / 10,
      budgetMs: 20,
    };
  } finally {
    await app.stop();
  }
}
