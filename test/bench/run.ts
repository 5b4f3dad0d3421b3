// `npm run bench`: runs every test/bench/*.bench.ts and prints one JSON object keyed by bench name.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
const results: Record<string, unknown> = {
  machine: { node: process.version, platform: process.platform, arch: process.arch },
};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(dir + file).href)) as { bench(): Promise<Record<string, unknown>> };
  process.stderr.write(`bench ${name}…\n`);
  results[name] = await mod.bench();
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
