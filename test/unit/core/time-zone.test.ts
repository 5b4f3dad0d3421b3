// The one display-zone fallback: the zone set in settings, else the machine's, else UTC.
import { describe, expect, it } from 'vitest';
import { displayZone } from '@core/time-zone';

describe('displayZone', () => {
  it('uses the zone set in settings when Intl knows it', () => {
    expect(displayZone('Asia/Tokyo', 'Europe/Berlin')).toBe('Asia/Tokyo');
  });

  it('falls back to the machine’s zone when none is set', () => {
    expect(displayZone(null, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(displayZone(undefined, 'America/New_York')).toBe('America/New_York');
  });

  it('falls back past an unknown setting and an unknown machine zone to UTC, never throwing', () => {
    expect(displayZone('Mars/Olympus', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(displayZone('Mars/Olympus', 'Venus/Maxwell')).toBe('UTC');
    expect(displayZone(null, undefined)).toBe('UTC');
  });
});
