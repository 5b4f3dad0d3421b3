/**
 * Tray icon pixels, pure: a coin-like ring with a coloured badge for the state, dimmed when stale, and a
 * monochrome macOS template variant (black + alpha; the state is the badge's shape). Encoding to PNG
 * happens at the edge (main/services/tray-icons.ts).
 *
 * Example: `renderTrayIcon('low', 32)` → 32×32 RGBA, a grey ring with a red dot at the bottom right.
 */
import type { TrayState } from './tray-state';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel. */
  data: Uint8Array;
}

/** Sizes the platforms ask for: 16 (Windows), 22 (Linux, macOS menu bar), 32, and each at @2x. */
export const TRAY_ICON_SIZES = [16, 22, 32] as const;
export const TRAY_ICON_SCALES = [1, 2] as const;

const BADGE: Record<TrayState, [number, number, number] | null> = {
  healthy: [46, 160, 67], // green
  'reload-soon': [33, 118, 210], // blue
  low: [211, 47, 47], // red
  'card-charge-soon': [237, 150, 0], // amber
  stale: null,
  error: [211, 47, 47],
};
const RING: [number, number, number] = [96, 103, 112];

/** Renders one icon; `isTemplate` gives the macOS template variant. */
export function renderTrayIcon(state: TrayState, size: number, isTemplate = false): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const c = size / 2;
  const outer = size * 0.44;
  const inner = size * 0.3;
  const badgeR = size * 0.22;
  const bx = size * 0.76;
  const by = size * 0.76;
  const dim = state === 'stale' ? 0.45 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const d = Math.hypot(px - c, py - c);
      const db = Math.hypot(px - bx, py - by);
      let rgb: [number, number, number] | null = null;
      let alpha = 0;
      const ring = coverage(d, outer) - coverage(d, inner);
      if (ring > 0) {
        rgb = isTemplate ? [0, 0, 0] : RING;
        alpha = ring;
      }
      const badge = BADGE[state];
      const inBadge = coverage(db, badgeR);
      if (badge && inBadge > 0) {
        // The badge sits on a cut-out so it reads at 16 px; template: filled for alarms, a ring otherwise.
        const isHollow =
          isTemplate && (state === 'healthy' || state === 'reload-soon' || state === 'card-charge-soon');
        const hollow = isHollow ? inBadge - coverage(db, badgeR * 0.5) : inBadge;
        rgb = isTemplate ? [0, 0, 0] : badge;
        alpha = state === 'healthy' && isTemplate ? 0 : Math.max(0, hollow);
      } else if (badge && coverage(db, badgeR * 1.35) > 0) {
        alpha = 0; // the cut-out around the badge
      }
      const i = (y * size + x) * 4;
      if (rgb && alpha > 0) {
        data[i] = rgb[0];
        data[i + 1] = rgb[1];
        data[i + 2] = rgb[2];
        data[i + 3] = Math.round(255 * Math.min(1, alpha) * dim);
      }
    }
  }
  return { width: size, height: size, data };
}

/** Anti-aliased coverage of a pixel at distance `d` by a disc of radius `r` (one-pixel soft edge). */
function coverage(d: number, r: number): number {
  return Math.max(0, Math.min(1, r - d + 0.5));
}
