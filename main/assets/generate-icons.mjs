// Draws the app icon at every size the installers need (npm run icons): a teal coin with a white cent-like
// mark, anti-aliased by 4×4 supersampling. Linux takes the icons/ folder (NxN.png); macOS (icns) and
// Windows (ico) are made by electron-builder from icon.png (1024 px; it needs at least 512 and 256).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const TEAL = [16, 163, 127];
const SAMPLES = 4;

/** Coverage of (x, y) in unit coordinates (centre 0, edge ±0.5): 0 outside, 1 coin, 2 white mark. */
function shade(x, y) {
  const r = Math.hypot(x, y);
  if (r > 0.47) return 0;
  const angle = Math.abs(Math.atan2(y, x));
  const isArc = r >= 0.17 && r <= 0.26 && angle > 0.75;
  const isBar = Math.abs(x) < 0.035 && Math.abs(y) < 0.34;
  return isArc || isBar ? 2 : 1;
}

/** The icon as a PNG of `size` × `size`. */
export function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let coin = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const s = shade((px + (sx + 0.5) / SAMPLES) / size - 0.5, (py + (sy + 0.5) / SAMPLES) / size - 0.5);
          if (s > 0) coin++;
          if (s === 2) white++;
        }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const w = coin ? white / coin : 0;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(TEAL[c] * (1 - w) + 255 * w);
      png.data[i + 3] = Math.round((255 * coin) / n);
    }
  return PNG.sync.write(png);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  mkdirSync(`${dir}icons`, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(`${dir}icons/${size}x${size}.png`, drawIcon(size));
  writeFileSync(`${dir}icon.png`, drawIcon(1024));
  process.stdout.write(
    `icons: ${ICON_SIZES.join(', ')} px in main/assets/icons, 1024 px main/assets/icon.png\n`,
  );
}
