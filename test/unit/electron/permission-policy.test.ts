import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../main/electron/permission-policy';

describe('permission policy', () => {
  it('grants notifications only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const p of [
      'media',
      'geolocation',
      'clipboard-read',
      'midi',
      'hid',
      'serial',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'display-capture',
      'unknown',
    ])
      expect(isPermissionAllowed(p), p).toBe(false);
  });
});
