/**
 * The chart colours, read from the page's CSS custom properties (`--chart-*`, `--series-*` in
 * `styles/main.css`): a canvas cannot use CSS itself, so it asks the stylesheet at draw time, and again when
 * the colour scheme changes. One home for each colour: the stylesheet.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The colours a chart draws with. */
export interface ChartColors {
  text: string;
  grid: string;
  line: string;
  fan: string;
  actual: string;
  mark: string;
  threshold: string;
  /** The spend series palette, largest first. */
  series: string[];
  /** The folded "Other …" series. */
  other: string;
}

const NAMED = ['text', 'grid', 'line', 'fan', 'actual', 'mark', 'threshold'] as const;
const SERIES_COUNT = 9;

/** Reads the colours as `element` sees them (the document's root before the chart is on the page). */
export function readChartColors(element: Element | null): ChartColors {
  const target = element ?? (typeof document === 'undefined' ? null : document.documentElement);
  const style = target ? getComputedStyle(target) : null;
  const read = (name: string) => style?.getPropertyValue(name).trim() ?? '';
  const named = Object.fromEntries(NAMED.map((n) => [n, read(`--chart-${n}`)])) as Record<
    (typeof NAMED)[number],
    string
  >;
  return {
    ...named,
    series: Array.from({ length: SERIES_COUNT }, (_, i) => read(`--series-${i + 1}`)),
    other: read('--series-other'),
  };
}

/**
 * The chart's colours and the ref to put on its box: read on the first render from the page, then from the
 * box itself, and again whenever `isDark` (the colour scheme) changes.
 */
export function useChartColors(isDark: boolean): {
  ref: RefObject<HTMLDivElement | null>;
  colors: ChartColors;
} {
  const ref = useRef<HTMLDivElement | null>(null);
  const [colors, setColors] = useState<ChartColors>(() => readChartColors(null));
  useLayoutEffect(() => {
    const next = readChartColors(ref.current);
    setColors((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
  }, [isDark]);
  return { ref, colors };
}
