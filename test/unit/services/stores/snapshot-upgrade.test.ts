import { describe, expect, it } from 'vitest';
import { decodeSnapshots, encodeSnapshots } from '../../../../main/services/stores/history-codec';
import { SNAPSHOT_FILE } from '../../../../main/services/stores/history-files';
import { upgrade } from '../../../../main/services/stores/versioned-file';

describe('snapshot files', () => {
  it('upgrade version 1 (crossing P50 only) to version 2 (the forecast tuple) without losing a point', () => {
    const v1 = {
      version: 1,
      points: [
        [1000, 5_000_000, 1_000_000, 'ok', null, 42_000_000, 1_795_000_000_000],
        [2000, 6_000_000, 2_000_000, 'error', 'rate-limited', null, null],
      ],
    };
    const points = decodeSnapshots(upgrade(v1, SNAPSHOT_FILE));
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({ atMs: 1000, monthToDateMicros: 5_000_000, balanceMicros: 42_000_000 });
    expect(points[0]!.forecast).toEqual({
      crossingP10Ms: null,
      crossingP50Ms: 1_795_000_000_000,
      crossingP90Ms: null,
      probabilityWithinHorizon: null,
      reloadsP50: null,
      cardChargesP50Micros: null,
      monthEndChargeP50Micros: null,
      confidence: null,
    });
    expect(points[1]).toMatchObject({ state: 'error', errorKind: 'rate-limited', forecast: null });
  });

  it('round-trip a snapshot with a full forecast', () => {
    const snapshot = {
      atMs: 3000,
      monthToDateMicros: 1,
      todayMicros: 2,
      state: 'ok' as const,
      errorKind: null,
      balanceMicros: -5_000_000,
      forecast: {
        crossingP10Ms: 10,
        crossingP50Ms: 20,
        crossingP90Ms: null,
        probabilityWithinHorizon: 0.75,
        reloadsP50: 2,
        cardChargesP50Micros: 80_000_000,
        monthEndChargeP50Micros: null,
        confidence: 'medium' as const,
      },
    };
    const file = encodeSnapshots([snapshot]);
    expect(SNAPSHOT_FILE.schema.parse(file)).toEqual(file);
    expect(decodeSnapshots(file)).toEqual([snapshot]);
  });

  it('refuse a file from a newer version rather than guess', () => {
    expect(() => upgrade({ version: 3, points: [] }, SNAPSHOT_FILE)).toThrow(/newer Creditwatch/);
  });
});
