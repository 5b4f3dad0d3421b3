// The lint rule that keeps money arithmetic out of the renderer catches each way of doing it, and leaves
// formatting, comparisons for equality and pixel mapping through core alone.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const RULE = 'no-restricted-syntax';

async function moneyErrors(code: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: 'renderer/view-models/lint-probe.ts' });
  return result!.messages
    .filter((m) => m.ruleId === RULE && m.message.includes('computes no money figure'))
    .map((m) => m.line);
}

describe('no money arithmetic in the renderer', () => {
  it('refuses sums, differences, scalings, comparisons and Math on an amount', async () => {
    const lines = await moneyErrors(
      [
        'const e = { micros: 1, balanceMicros: 2, totalMicros: 3 };',
        'export const a = e.totalMicros + e.micros;',
        'export const b = e.micros * 2;',
        'export const c = e.balanceMicros < 0;',
        'let t = 0;',
        't += e.micros;',
        'export const d = Math.max(0, e.balanceMicros);',
        'export const g = [e].reduce((s, x) => s + x.micros, 0);',
        'export { t };',
      ].join('\n'),
    );
    expect([...new Set(lines)]).toEqual([2, 3, 4, 6, 7, 8]);
  }, 30_000);

  it('lets formatting and equality through', async () => {
    const lines = await moneyErrors(
      [
        "import { formatMoney, fromMicros } from '@core/money';",
        'const e = { micros: 1 };',
        "export const text = formatMoney(e.micros, 'USD');",
        'export const px = fromMicros(e.micros);',
        'export const none = e.micros === 0;',
      ].join('\n'),
    );
    expect(lines).toEqual([]);
  }, 30_000);
});
