import { describe, expect, it } from 'vitest';
import type { DailyProjectSpend } from '@core/dashboard';
import { perKeyNote } from '../../../../renderer/view-models/spend-by';

const DAY = 86_400_000;
const FIRST = Date.UTC(2026, 10, 8);
const daily: DailyProjectSpend[] = Array.from({ length: 30 }, (_, i) => ({
  dayStartMs: FIRST + i * DAY,
  byProject: [],
  totalMicros: 0,
}));

describe('the per-key note', () => {
  it('names the first day with a per-key split when shown days lack it', () => {
    expect(perKeyNote(daily, Date.UTC(2026, 10, 20), 'api-key')).toBe(
      'Per-key figures not available before Nov 20, 2026: OpenAI did not split the days before it by key; their spend shows as “Key not recorded”.',
    );
  });
  it('says nothing when every shown day has the split, none was refused, or another view is shown', () => {
    expect(perKeyNote(daily, FIRST, 'api-key')).toBeNull();
    expect(perKeyNote(daily, null, 'api-key')).toBeNull();
    expect(perKeyNote(daily, Date.UTC(2026, 10, 20), 'project')).toBeNull();
  });
});
