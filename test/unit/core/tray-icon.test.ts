/**
 * Golden images of the tray icons: every state, at each size and @2x, colour and macOS template. Pixels
 * are compared after decoding (not file bytes). To accept a deliberate change of the drawing, run with
 * UPDATE_GOLDEN=1 and review the PNGs in test/fixtures/tray-icons/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTrayIcon, TRAY_ICON_SCALES, TRAY_ICON_SIZES } from '@core/tray-icon';
import { TRAY_STATES } from '@core/tray-state';
import { decodePng, encodePng } from '../../../main/services/tray-icons';

const DIR = join(__dirname, '../../fixtures/tray-icons');
const isUpdating = process.env.UPDATE_GOLDEN === '1';

const cases = TRAY_STATES.flatMap((state) =>
  TRAY_ICON_SIZES.flatMap((size) =>
    TRAY_ICON_SCALES.flatMap((scale) =>
      [false, true].map((isTemplate) => ({ state, size, scale, isTemplate })),
    ),
  ),
);

describe.each(cases)(
  'tray icon $state $size px @$scale x template=$isTemplate',
  ({ state, size, scale, isTemplate }) => {
    const name = `${state}-${size}${scale === 2 ? '@2x' : ''}${isTemplate ? '-template' : ''}.png`;
    it('matches its golden image pixel for pixel', () => {
      const image = renderTrayIcon(state, size * scale, isTemplate);
      const path = join(DIR, name);
      if (isUpdating || !existsSync(path)) {
        if (!isUpdating) throw new Error(`missing golden ${name}: run with UPDATE_GOLDEN=1 and review it`);
        writeFileSync(path, encodePng(image));
      }
      const golden = decodePng(readFileSync(path));
      expect([golden.width, golden.height]).toEqual([size * scale, size * scale]);
      expect(Buffer.from(image.data).equals(Buffer.from(golden.data))).toBe(true);
    });
  },
);

describe('tray icon drawing', () => {
  const pixels = (state: (typeof TRAY_STATES)[number], isTemplate = false) => {
    const img = renderTrayIcon(state, 32, isTemplate);
    const out: Array<[number, number, number, number]> = [];
    for (let i = 0; i < img.data.length; i += 4)
      out.push([img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, img.data[i + 3]!]);
    return out;
  };
  it('each alarm state shows its badge colour', () => {
    expect(pixels('low').some(([r, g, b, a]) => a === 255 && r === 211 && g === 47 && b === 47)).toBe(true);
    expect(
      pixels('card-charge-soon').some(([r, g, b, a]) => a === 255 && r === 237 && g === 150 && b === 0),
    ).toBe(true);
    expect(pixels('reload-soon').some(([r, , b, a]) => a === 255 && r === 33 && b === 210)).toBe(true);
  });
  it('a stale icon is dimmed and has no badge', () => {
    const stale = pixels('stale');
    expect(Math.max(...stale.map((p) => p[3]))).toBeLessThanOrEqual(Math.round(255 * 0.45));
    expect(stale.every(([r, g, b, a]) => a === 0 || (r === 96 && g === 103 && b === 112))).toBe(true);
  });
  it('template icons are black with alpha only, and alarm states differ from healthy', () => {
    for (const state of TRAY_STATES)
      expect(pixels(state, true).every(([r, g, b]) => r + g + b === 0)).toBe(true);
    const alpha = (s: (typeof TRAY_STATES)[number]) =>
      pixels(s, true)
        .map((p) => p[3])
        .join(',');
    expect(alpha('low')).not.toBe(alpha('healthy'));
    expect(alpha('reload-soon')).not.toBe(alpha('low'));
  });
});
