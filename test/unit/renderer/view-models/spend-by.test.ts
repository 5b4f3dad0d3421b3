import { describe, expect, it } from 'vitest';
import type { DailyProjectSpend } from '@core/dashboard';
import { buildSpendChartBy, topSpenders } from '../../../../renderer/view-models/spend-by';

const USD = 1_000_000;
const days: DailyProjectSpend[] = [
  {
    dayStartMs: 0,
    byProject: [{ projectId: 'p1', micros: 8 * USD }],
    byLineItem: [
      { key: 'gpt-4o, input', micros: 3 * USD },
      { key: 'gpt-4o, output', micros: 5 * USD },
    ],
    byApiKey: [
      { key: 'key_a', micros: 6 * USD },
      { key: null, micros: 2 * USD },
    ],
    totalMicros: 8 * USD,
  },
  { dayStartMs: 86_400_000, byProject: [{ projectId: 'p1', micros: 2 * USD }], totalMicros: 2 * USD },
];

describe('spend by dimension', () => {
  it('groups line items by model, keeps keys, and ranks the top spenders with their share', () => {
    const byModel = buildSpendChartBy(days, [], 'model');
    expect(byModel.series.map((s) => [s.label, s.values])).toEqual([['gpt-4o', [8, 0]]]);
    expect(buildSpendChartBy(days, [], 'line-item').series.map((s) => s.label)).toEqual([
      'gpt-4o, output',
      'gpt-4o, input',
    ]);
    expect(topSpenders(days, [], 'api-key', 'USD')).toEqual([
      { key: 'key_a', label: 'key_a', total: '$6.00', share: '75%' },
      { key: '__none__', label: 'Key not recorded', total: '$2.00', share: '25%' },
    ]);
    expect(topSpenders(days, [{ id: 'p1', name: 'Chatbot' }], 'project', 'USD')).toEqual([
      { key: 'p1', label: 'Chatbot', total: '$10.00', share: '100%' },
    ]);
  });
});
