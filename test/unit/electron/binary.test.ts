import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../../main/electron/binary';

const made: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cw-electron-bin-'));
  made.push(d);
  return d;
};
afterEach(() => {
  delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  for (const d of made.splice(0))
    rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** A project folder with an `electron` package, optionally with its downloaded binary. */
function fakeProject(withBinary: boolean): string {
  const root = tempDir();
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
  if (withBinary) {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
  }
  return root;
}

describe('findElectronBinary', () => {
  it('finds a downloaded binary without downloading anything', () => {
    const root = fakeProject(true);
    expect(findElectronBinary(root)).toEqual({
      found: true,
      path: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('explains when the package is there but its binary was never downloaded', () => {
    const result = findElectronBinary(fakeProject(false));
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/never downloaded/);
  });

  it('explains when the package itself is missing', () => {
    const result = findElectronBinary(tempDir());
    expect(!result.found && result.reason).toMatch(/not installed/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'electron'), '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    expect(findElectronBinary(tempDir())).toEqual({ found: true, path: join(dist, 'electron') });
  });
});
