// `npm test`: build, then unit + integration tests (vitest), then end-to-end tests in real Chromium and
// the Electron smoke spec (Playwright). Prints one closing line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

rmSync('test-results', { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
mkdirSync('test-results', { recursive: true });

const steps = [];
const build = run(process.execPath, ['build.mjs']);
if (build !== 0) {
  console.error('Build failed: no tests were run.');
  console.log('tests: 0 passed, 1 failed, 0 skipped');
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

let passed = 0;
let failed = 0;
let skipped = 0;
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else failed += 1;
const e2e = readJson('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  for (const line of skippedWithReasons(e2e)) console.log(`skipped: ${line}`);
} else failed += 1;

const failedSteps = steps.filter(([, code]) => code !== 0).map(([name]) => name);
if (failedSteps.length) console.error(`Failing step(s): ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);

/** Titles and reasons of the Playwright tests that were skipped, so a skip is never silent. */
function skippedWithReasons(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const reason =
            (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
          out.push(`${[...path, spec.title].join(' › ')} — ${reason}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return out;
}
