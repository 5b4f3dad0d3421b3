import { describe, expect, it } from 'vitest';
import { findChromium } from '../../support/find-chromium';

describe('findChromium', () => {
  it('takes the Chromium inside @sparticuz/chromium when asked, whatever else is set or installed', async () => {
    const found = await findChromium({ CREDITWATCH_CHROMIUM: 'packaged', CHROMIUM_PATH: process.execPath });
    expect(found.source).toBe('@sparticuz/chromium');
    expect(found.executablePath).not.toBe(process.execPath);
  });
  it('refuses a choice it does not know, rather than quietly testing another browser', async () => {
    await expect(findChromium({ CREDITWATCH_CHROMIUM: 'system' })).rejects.toThrow(
      "CREDITWATCH_CHROMIUM is 'system': the only value it takes is 'packaged'.",
    );
  });
  it('lets a developer pick a binary with CHROMIUM_PATH', async () => {
    expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      executablePath: process.execPath,
      source: 'CHROMIUM_PATH',
    });
  });
});
