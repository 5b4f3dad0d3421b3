/** What `npm test` ran, as counted from the vitest and Playwright JSON reports. */
export interface TestSummary {
  passed: number;
  failed: number;
  /** Skipped on purpose (each with its reason in `skips`). */
  skipped: number;
  /** Not run because an earlier test of their serial group failed. */
  didNotRun: number;
  /** "vitest: file › test — first line of the error" or "playwright: file:line › test — …". */
  failures: string[];
  skips: string[];
  notRun: string[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reports are JSON of two tools
export function summarize(reports: { unit: any; e2e: any; cwd: string }): TestSummary;
export function closingLine(s: Pick<TestSummary, 'passed' | 'failed' | 'skipped' | 'didNotRun'>): string;
export function detailLines(s: TestSummary): string[];
