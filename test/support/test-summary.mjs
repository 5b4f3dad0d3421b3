// The closing summary of `npm test`, read from the vitest and Playwright JSON reports: counts, the names of
// the tests that failed, why each skipped test was skipped, and which tests did not run because an earlier
// test of their serial group failed. Plain JavaScript: test/run-all.mjs runs it with Node alone.
import { relative } from 'node:path';

/**
 * Adds up both reports; a missing report (the runner crashed) counts as one failure named after the step.
 *
 * @param {{ unit: any, e2e: any, cwd: string }} reports parsed JSON reports (null when absent)
 * @returns {import('./test-summary.d.mts').TestSummary}
 */
export function summarize({ unit, e2e, cwd }) {
  /** @type {import('./test-summary.d.mts').TestSummary} */
  const out = { passed: 0, failed: 0, skipped: 0, didNotRun: 0, failures: [], skips: [], notRun: [] };
  if (unit) addVitest(out, unit, cwd);
  else {
    out.failed += 1;
    out.failures.push('vitest: no report was written (the run stopped before the end)');
  }
  if (e2e) addPlaywright(out, e2e, cwd);
  else {
    out.failed += 1;
    out.failures.push('playwright: no report was written (the run stopped before the end)');
  }
  return out;
}

/**
 * The closing line; it starts with "tests: N passed, N failed" for CI log parsers.
 *
 * Example: `tests: 10 passed, 0 failed, 3 skipped, 0 did not run`.
 *
 * @param {{ passed: number, failed: number, skipped: number, didNotRun: number }} s
 */
export function closingLine(s) {
  return `tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.didNotRun} did not run`;
}

/**
 * Everything printed before the closing line: failures, tests that did not run, skips with their reasons.
 *
 * @param {import('./test-summary.d.mts').TestSummary} s
 * @returns {string[]}
 */
export function detailLines(s) {
  return [
    ...(s.failures.length ? ['Failed:', ...s.failures.map((f) => `  ✘ ${f}`)] : []),
    ...s.notRun.map((n) => `did not run: ${n}`),
    ...s.skips.map((k) => `skipped: ${k}`),
  ];
}

function addVitest(out, report, cwd) {
  for (const file of report.testResults ?? []) {
    const name = relative(cwd, file.name ?? file.testFilePath ?? '?');
    const results = file.assertionResults ?? [];
    // A file that failed with no failing test failed outside them (a hook, an import): its tests never ran.
    const setupFailed = file.status === 'failed' && !results.some((t) => t.status === 'failed');
    if (setupFailed) {
      out.failed += 1;
      out.failures.push(`vitest: ${name} (its setup failed)${firstLine(file.message)}`);
    }
    for (const t of results) {
      const title = t.fullName || [...(t.ancestorTitles ?? []), t.title].join(' › ');
      if (t.status === 'passed') out.passed += 1;
      else if (t.status === 'failed') {
        out.failed += 1;
        out.failures.push(`vitest: ${name} › ${title}${firstLine(t.failureMessages?.[0])}`);
      } else if (setupFailed) {
        out.didNotRun += 1;
        out.notRun.push(`${name} › ${title} — did not run, because the file's setup failed`);
      } else if (['skipped', 'pending', 'todo', 'disabled'].includes(t.status)) {
        out.skipped += 1;
        const why = t.meta?.skipReason ?? t.failureMessages?.[0];
        out.skips.push(
          `${name} › ${title} — ${why ? String(why).split('\n')[0] : t.status === 'todo' ? 'marked to do' : 'no reason given in the test'}`,
        );
      }
    }
  }
}

function addPlaywright(out, report, cwd) {
  for (const error of report.errors ?? []) {
    out.failed += 1;
    out.failures.push(`playwright: ${plain(error.message ?? error.value) || 'an error outside any test'}`);
  }
  for (const file of report.suites ?? []) {
    // Report order is file order; a serial group's later tests come after the one that failed.
    const failedInFile = [];
    for (const { spec, path } of specsOf(file, [])) {
      for (const t of spec.tests ?? []) {
        const where = `${relative(cwd, spec.file ? resolveIn(report, spec.file) : file.file)}:${spec.line}`;
        const title = [...path, spec.title].join(' › ');
        const annotations = [
          ...(t.annotations ?? []),
          ...(t.results ?? []).flatMap((r) => r.annotations ?? []),
        ];
        const skip = annotations.find((a) => a.type === 'skip' || a.type === 'fixme');
        if (t.status === 'expected' || t.status === 'flaky') out.passed += 1;
        else if (t.status === 'unexpected') {
          out.failed += 1;
          failedInFile.push(title);
          const error = (t.results ?? []).map((r) => r.error?.message).find(Boolean);
          out.failures.push(`playwright: ${where} › ${title}${firstLine(error)}`);
        } else if (t.status === 'skipped' && !skip && failedInFile.length) {
          out.didNotRun += 1;
          out.notRun.push(`${where} › ${title} — did not run, because "${failedInFile.at(-1)}" failed`);
        } else if (t.status === 'skipped') {
          out.skipped += 1;
          const why =
            skip?.description ?? (skip ? `no reason written at ${at(skip, cwd)}` : 'no reason given');
          out.skips.push(`${where} › ${title} — ${why}`);
        }
      }
    }
  }
}

function* specsOf(suite, path) {
  for (const spec of suite.specs ?? []) yield { spec, path };
  for (const child of suite.suites ?? []) yield* specsOf(child, [...path, child.title]);
}

function resolveIn(report, file) {
  const root = report.config?.rootDir;
  return root ? `${root}/${file}` : file;
}

function at(annotation, cwd) {
  const loc = annotation.location;
  return loc ? `${relative(cwd, loc.file)}:${loc.line}` : 'an unknown place';
}

/** " — <first line of the message>", or nothing. */
function firstLine(message) {
  const line = plain(message);
  return line ? ` — ${line}` : '';
}

/** The first non-empty line of a message, without terminal colours (a CI log reads plain text). */
function plain(message) {
  if (!message) return '';
  // eslint-disable-next-line no-control-regex
  const text = String(message).replace(/\u001b\[[0-9;]*m/g, '');
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}
