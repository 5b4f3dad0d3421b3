import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@core/alerts/alert-state';
import { buildEpisodes } from '../../../../renderer/view-models/alert-episodes';

const line = (event: HistoryEntry['event'], atMs: number, alertId = 'low-credit:org_a'): HistoryEntry =>
  ({ alertId, title: 'Acme: credit low', event, atMs, note: null }) as HistoryEntry;

describe('buildEpisodes', () => {
  it('gives one row per episode, newest first', () => {
    const history = [line('cleared', 300), line('notified', 110), line('started', 100)];
    expect(buildEpisodes(history)).toEqual([
      expect.objectContaining({ startedMs: 100, notifiedMs: 110, clearedMs: 300 }),
    ]);
  });

  it('keeps one row when an episode starts, is notified and clears in one instant (a pinned clock)', () => {
    // Newest first, as the view gives them: the second episode started and was notified at 200.
    const history = [
      line('notified', 200),
      line('started', 200),
      line('cleared', 200),
      line('notified', 100),
      line('started', 100),
    ];
    const rows = buildEpisodes(history);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ startedMs: 200, notifiedMs: 200, clearedMs: null });
    expect(rows[1]).toMatchObject({ startedMs: 100, notifiedMs: 100, clearedMs: 200 });
  });
});
