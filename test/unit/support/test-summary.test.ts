import { describe, expect, it } from 'vitest';
import { closingLine, detailLines, summarize } from '../../support/test-summary.mjs';

const CWD = '/repo';

/** A Playwright JSON report of one file: a serial group whose first test failed, and two skips. */
const E2E = {
  config: { rootDir: '/repo/test/e2e' },
  errors: [],
  suites: [
    {
      title: 'alerts.spec.ts',
      file: 'alerts.spec.ts',
      specs: [
        {
          title: 'notify once',
          file: 'alerts.spec.ts',
          line: 106,
          tests: [
            {
              status: 'unexpected',
              annotations: [{ type: 'serial' }],
              results: [
                {
                  status: 'failed',
                  error: { message: '\u001b[31mexpect(x).toHaveCount(0)\u001b[39m\nmore' },
                },
              ],
            },
          ],
        },
        {
          title: 'offered by a button',
          file: 'alerts.spec.ts',
          line: 150,
          tests: [{ status: 'skipped', annotations: [{ type: 'serial' }], results: [{ status: 'skipped' }] }],
        },
        {
          title: 'electron only',
          file: 'alerts.spec.ts',
          line: 170,
          tests: [
            {
              status: 'skipped',
              annotations: [{ type: 'skip', description: 'no Electron binary on this machine' }],
              results: [{ status: 'skipped' }],
            },
          ],
        },
      ],
      suites: [
        {
          title: 'settings',
          specs: [
            {
              title: 'saved',
              file: 'alerts.spec.ts',
              line: 190,
              tests: [{ status: 'expected', annotations: [], results: [{ status: 'passed' }] }],
            },
          ],
        },
      ],
    },
  ],
};

const UNIT = {
  testResults: [
    {
      name: '/repo/test/unit/a.test.ts',
      status: 'failed',
      assertionResults: [
        { fullName: 'scheduler runs', status: 'passed' },
        {
          fullName: 'scheduler stops',
          status: 'failed',
          failureMessages: ['AssertionError: expected 0 to be 1\n at …'],
        },
        { fullName: 'later', status: 'todo' },
      ],
    },
    {
      name: '/repo/test/unit/b.test.ts',
      status: 'failed',
      message: 'Hook timed out in 60000ms.',
      assertionResults: [{ fullName: 'suite case', status: 'skipped' }],
    },
  ],
};

describe('summarize', () => {
  const s = summarize({ unit: UNIT, e2e: E2E, cwd: CWD });

  it('counts a test left out after a failure in its serial group as "did not run", not as skipped', () => {
    expect(s).toMatchObject({ passed: 2, failed: 3, skipped: 2, didNotRun: 2 });
    expect(s.notRun).toEqual([
      "test/unit/b.test.ts › suite case — did not run, because the file's setup failed",
      'test/e2e/alerts.spec.ts:150 › offered by a button — did not run, because "notify once" failed',
    ]);
  });

  it('names every failing test, vitest and Playwright, with the first line of its error', () => {
    expect(s.failures).toEqual([
      'vitest: test/unit/a.test.ts › scheduler stops — AssertionError: expected 0 to be 1',
      'vitest: test/unit/b.test.ts (its setup failed) — Hook timed out in 60000ms.',
      'playwright: test/e2e/alerts.spec.ts:106 › notify once — expect(x).toHaveCount(0)',
    ]);
  });

  it('gives every skip its reason', () => {
    expect(s.skips).toEqual([
      'test/unit/a.test.ts › later — marked to do',
      'test/e2e/alerts.spec.ts:170 › electron only — no Electron binary on this machine',
    ]);
    expect(detailLines(s)).toContain(
      'skipped: test/e2e/alerts.spec.ts:170 › electron only — no Electron binary on this machine',
    );
  });

  it('counts a missing report as a failure of that runner', () => {
    const none = summarize({ unit: null, e2e: null, cwd: CWD });
    expect(none).toMatchObject({ passed: 0, failed: 2 });
    expect(none.failures[0]).toMatch(/^vitest: no report was written/);
  });
});

describe('closingLine', () => {
  it('starts with "N passed, N failed" for CI parsers and adds the skipped and not-run counts', () => {
    const line = closingLine({ passed: 10, failed: 0, skipped: 3, didNotRun: 0 });
    expect(line).toBe('tests: 10 passed, 0 failed, 3 skipped, 0 did not run');
    expect(/^tests: (\d+) passed, (\d+) failed/.exec(line)?.slice(1)).toEqual(['10', '0']);
  });
});
