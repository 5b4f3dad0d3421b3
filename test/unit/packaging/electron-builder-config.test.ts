// electron-builder.yml checked against electron-builder's own configuration schema (the one it validates
// with at build time), plus the choices docs/packaging.md promises: app id, product name, asar, no file
// associations, and icons at every size the targets need.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root));
const require = createRequire(import.meta.url);
interface Target {
  target: string[];
  icon: string;
}
const config = parse((await read('electron-builder.yml')).toString('utf8')) as Record<string, unknown> & {
  linux: Target;
  mac: Target;
  win: Target;
};
const size = async (path: string) => {
  const png = PNG.sync.read(await read(path));
  return [png.width, png.height];
};

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", async () => {
    const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The schema has teeth: a misspelt key is refused.
    expect(validate({ ...config, asarr: true })).toBe(false);
  });

  it('names the app, packs it in asar, associates no files and targets AppImage, deb, dmg and nsis', () => {
    expect(config.appId).toBe('dev.creditwatch.app');
    expect(config.productName).toBe('Creditwatch');
    expect(config.asar).toBe(true);
    expect(JSON.stringify(config)).not.toMatch(/fileAssociations/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('has icons at every size: Linux from the NxN folder, macOS and Windows from a 1024 px PNG', async () => {
    expect(config.linux.icon).toBe('main/assets/icons');
    const names = (await readdir(new URL('main/assets/icons/', root))).sort();
    for (const s of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(names).toContain(`${s}x${s}.png`);
      expect(await size(`main/assets/icons/${s}x${s}.png`)).toEqual([s, s]);
    }
    // electron-builder makes icns (needs ≥ 512 px) and ico (needs ≥ 256 px) from this file.
    expect(config.mac.icon).toBe('main/assets/icon.png');
    expect(config.win.icon).toBe('main/assets/icon.png');
    expect(await size('main/assets/icon.png')).toEqual([1024, 1024]);
  });
});
