/**
 * Tray icons as PNG: core draws the pixels (main/core/tray-icon.ts), this edge encodes them with pngjs.
 */
import { PNG } from 'pngjs';
import { renderTrayIcon, TRAY_ICON_SCALES, type RgbaImage } from '@core/tray-icon';
import type { TrayState } from '@core/tray-state';

/** PNG bytes of an RGBA image. */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png);
}

/** Decoded RGBA of PNG bytes (tests compare pixels, not file bytes). */
export function decodePng(bytes: Buffer): RgbaImage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** One PNG per scale factor (1× and @2x) of a `baseSize` icon, as Electron's nativeImage wants them. */
export function trayIconPngs(
  state: TrayState,
  baseSize: number,
  isTemplate: boolean,
): Array<{ scaleFactor: number; png: Buffer }> {
  return TRAY_ICON_SCALES.map((scale) => ({
    scaleFactor: scale,
    png: encodePng(renderTrayIcon(state, baseSize * scale, isTemplate)),
  }));
}
