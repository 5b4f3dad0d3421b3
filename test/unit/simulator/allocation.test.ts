// What the Anthropic simulator allocates to answer the demo's reports: the demo host runs the simulator
// in its own process, so garbage made here is the host's memory peak. Measured in a separate node with a
// young generation large enough that nothing is collected while measuring (a control allocation checks it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('../../support/anthropic-allocation-child.ts', import.meta.url));
const MB = 1024 * 1024;

describe('Anthropic simulator allocations', () => {
  it('builds each cost line and a 31-day daily cost report without a hidden class per object', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256', CHILD],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    const m = JSON.parse(run.stdout) as {
      lineCount: number;
      bytesPerLine: number;
      reportBytes: number;
      controlBytes: number;
    };
    // Over 10 MB of small objects measure as such: no collection ran while measuring.
    expect(m.controlBytes).toBeGreaterThan(10 * MB);
    expect(m.lineCount).toBeGreaterThan(10_000);
    // A line (its object, description and key id) is a few hundred bytes; a line spread from a shared
    // part and then given more fields took about 3.9 KB.
    expect(m.bytesPerLine).toBeLessThan(1_500);
    // The report of a month of the Claude team demo allocated about 80 MB that way; 30 MB now.
    expect(m.reportBytes).toBeLessThan(50 * MB);
  });
});
