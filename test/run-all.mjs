// `npm test`: build, then unit + integration tests (vitest), then end-to-end tests in real Chromium and
// the Electron smoke spec (Playwright). Ends with the names of failing tests, the tests that did not run
// (an earlier test of their serial group failed), every skip with its reason, and one closing line:
// "tests: N passed, N failed, N skipped, N did not run".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { closingLine, detailLines, summarize } from './support/test-summary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

rmSync('test-results', { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
mkdirSync('test-results', { recursive: true });

const steps = [];
const build = run(process.execPath, ['build.mjs']);
if (build !== 0) {
  console.error('Build failed: no tests were run.');
  console.log(closingLine({ passed: 0, failed: 1, skipped: 0, didNotRun: 0 }));
  process.exit(1);
}
steps.push([
  'vitest',
  run(npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]),
]);
steps.push(['playwright', run(npx, ['playwright', 'test'])]);

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const summary = summarize({
  unit: readJson('test-results/unit.json'),
  e2e: readJson('test-results/e2e.json'),
  cwd: process.cwd(),
});
const failedSteps = steps.filter(([, code]) => code !== 0).map(([name]) => name);
console.log('');
for (const line of detailLines(summary)) console.log(line);
if (failedSteps.length) console.error(`Failing step(s): ${failedSteps.join(', ')}`);
console.log(closingLine(summary));
process.exit(failedSteps.length || summary.failed || summary.didNotRun ? 1 : 0);
