import { describe, expect, it } from 'vitest';
import { trayTooltip } from '@core/tray-model';

const at = Date.UTC(2026, 10, 24, 14, 5);

describe('trayTooltip', () => {
  it('shows month-to-date spend per org with its as-of time', () => {
    expect(
      trayTooltip([{ name: 'Acme', mtdMicros: 12_345_678, asOfMs: at, error: null }], 'en-GB', 'UTC'),
    ).toBe('Creditwatch\nAcme: $12.35 this month (as of 14:05)');
  });

  it('says when an org was never synced or its sync is failing', () => {
    const text = trayTooltip(
      [
        { name: 'New', mtdMicros: null, asOfMs: null, error: null },
        { name: 'Old', mtdMicros: 1_000_000, asOfMs: at, error: 'rate limited' },
      ],
      'en-GB',
      'UTC',
    );
    expect(text).toContain('New: not synced yet');
    expect(text).toContain('Old: $1.00 this month (as of 14:05) — sync failing');
  });

  it('adds the estimated credit and the next reload when a ledger gives them', () => {
    const reload = Date.UTC(2026, 10, 26, 9);
    const text = trayTooltip(
      [
        {
          name: 'Acme',
          mtdMicros: 12_345_678,
          asOfMs: at,
          error: null,
          balanceMicros: 38_200_000,
          reloadP50Ms: reload,
        },
      ],
      'en-GB',
      'UTC',
    );
    expect(text).toBe(
      'Creditwatch\nAcme: $12.35 this month (as of 14:05), credit ≈ $38.20, reload ~Thu 26 Nov',
    );
  });

  it('fits the Windows tooltip limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({
      name: `Organization ${i}`,
      mtdMicros: 1e9,
      asOfMs: at,
      error: null,
    }));
    expect(trayTooltip(many, 'en-GB', 'UTC').length).toBeLessThanOrEqual(120);
    expect(trayTooltip([], 'en-GB', 'UTC')).toBe('Creditwatch\nNo organization yet');
  });

  it("writes each account's figures in its own currency", () => {
    const text = trayTooltip(
      [
        { name: 'Acme', mtdMicros: 1_000_000, asOfMs: at, error: null },
        {
          name: 'DeepSeek',
          currency: 'CNY',
          mtdMicros: 12_300_000,
          asOfMs: at,
          error: null,
          balanceMicros: 56e6,
        },
      ],
      'en-GB',
      'UTC',
    );
    expect(text).toBe(
      'Creditwatch\nAcme: $1.00 this month (as of 14:05)\nDeepSeek: CN¥12.30 this month (as of 14:05), credit ≈ CN¥56.00',
    );
  });
});
