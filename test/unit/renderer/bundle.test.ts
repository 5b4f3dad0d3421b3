// The page bundle stays lean: it must not pull in server-side validation (zod) or Node-only modules.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('renderer bundle', () => {
  it('contains no zod, openai, lowdb or node-cron code', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['renderer/main.tsx'],
      bundle: true,
      write: false,
      outdir: 'out',
      platform: 'browser',
      format: 'esm',
      jsx: 'automatic',
      minify: true,
      metafile: true,
      alias: { '@core': './main/core' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const forbidden = inputs.filter((path) => /node_modules\/(zod|openai|lowdb|node-cron)\//.test(path));
    expect(forbidden).toEqual([]);
    expect(inputs.some((path) => path.includes('node_modules/chart.js/'))).toBe(true); // the check sees dependencies
  });
});
