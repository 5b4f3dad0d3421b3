// Builds every tier with esbuild: the Electron main process and the `creditwatch` CLI (Node ESM), the preload
// (CommonJS, as sandboxed preloads require), and the renderer bundle (browser). Output: dist/.
import { build } from 'esbuild';
import { cp, mkdir, rm, chmod, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';

const isWatch = process.argv.includes('--watch');
const alias = { '@core': './main/core' };
// Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real require.
const requireShim =
  "import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);";

await rm('dist', { recursive: true, force: true });
await mkdir('dist/renderer', { recursive: true });

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  alias,
  external: ['electron'],
  logLevel: 'warning',
};

const [, , , rendererBuild] = await Promise.all([
  build({
    ...nodeCommon,
    entryPoints: { 'main/index': 'main/index.ts' },
    outExtension: { '.js': '.mjs' },
    outdir: 'dist',
    banner: { js: requireShim },
  }),
  build({
    ...nodeCommon,
    entryPoints: { cli: 'main/cli.ts', start: 'main/start.ts' },
    outExtension: { '.js': '.mjs' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${requireShim}` },
  }),
  build({
    ...nodeCommon,
    format: 'cjs',
    entryPoints: { 'preload/index': 'preload/index.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'dist',
  }),
  build({
    entryPoints: { main: 'renderer/main.tsx' },
    outdir: 'dist/renderer',
    // Content-hashed names: the Node host serves them as cacheable for a year; index.html names them.
    entryNames: isWatch ? '[name]' : '[name]-[hash]',
    metafile: true,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: !isWatch,
    sourcemap: true,
    alias,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  }),
]);
// index.html names the hashed bundle; each bundle gets a gzip twin the Node host sends to browsers.
let html = await readFile('renderer/index.html', 'utf8');
for (const [out, meta] of Object.entries(rendererBuild.metafile.outputs)) {
  if (!meta.entryPoint || !/\.(js|css)$/.test(out)) continue;
  const name = basename(out);
  html = html.replace(`./main${name.slice(name.lastIndexOf('.'))}`, `./${name}`);
  if (meta.cssBundle) html = html.replace('./main.css', `./${basename(meta.cssBundle)}`);
}
await writeFile('dist/renderer/index.html', html);
for (const out of Object.keys(rendererBuild.metafile.outputs)) {
  if (/\.(js|css)$/.test(out)) await writeFile(`${out}.gz`, gzipSync(await readFile(out), { level: 9 }));
}
await cp('main/assets', 'dist/assets', { recursive: true });
await chmod('dist/cli.mjs', 0o755);
console.log('built dist/ (main, cli, start, preload, renderer)');
