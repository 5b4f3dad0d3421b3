// The charts draw in the stylesheet's colours: every colour they read is defined there, for light and for dark,
// and is read from the element the chart sits in.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChartColors } from '../../../../renderer/hooks/use-chart-colors';

const CSS = readFileSync(new URL('../../../../renderer/styles/main.css', import.meta.url), 'utf8');
const LIGHT = CSS.slice(CSS.indexOf(':root {'), CSS.indexOf('}', CSS.indexOf(':root {')));
const DARK_START = CSS.indexOf('@media (prefers-color-scheme: dark)');
const DARK = CSS.slice(DARK_START, CSS.indexOf('}', CSS.indexOf(':root {', DARK_START)));
const NAMED = ['text', 'grid', 'line', 'fan', 'actual', 'mark', 'threshold'];

/** The custom properties a block of CSS sets. */
function props(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

afterEach(() => vi.unstubAllGlobals());

describe('chart colours', () => {
  it('are each defined by the stylesheet, and the scheme-dependent ones again for dark', () => {
    const light = props(LIGHT);
    const dark = props(DARK);
    for (const n of NAMED) {
      expect(light.get(`--chart-${n}`), `--chart-${n} (light)`).toBeTruthy();
      expect(dark.get(`--chart-${n}`), `--chart-${n} (dark)`).toBeTruthy();
    }
    // The text and the lines change with the scheme (light text on dark, dark on light).
    expect(dark.get('--chart-text')).not.toBe(light.get('--chart-text'));
    expect(dark.get('--chart-line')).not.toBe(light.get('--chart-line'));
    for (let i = 1; i <= 9; i++) expect(light.get(`--series-${i}`), `--series-${i}`).toBeTruthy();
    expect(light.get('--series-other')).toBeTruthy();
  });

  it('are read from the element the chart is drawn in', () => {
    const seen: unknown[] = [];
    const box = { id: 'chart-box' } as unknown as Element;
    vi.stubGlobal('getComputedStyle', (el: unknown) => {
      seen.push(el);
      return { getPropertyValue: (name: string) => ` value-of${name} ` };
    });
    const colors = readChartColors(box);
    expect(seen.every((el) => el === box)).toBe(true);
    expect(colors.text).toBe('value-of--chart-text');
    expect(colors.threshold).toBe('value-of--chart-threshold');
    expect(colors.series).toHaveLength(9);
    expect(colors.series[0]).toBe('value-of--series-1');
    expect(colors.other).toBe('value-of--series-other');
  });
});
