import { describe, expect, it } from 'vitest';
import type { DailyProjectSpend } from '@core/dashboard';
import { buildSpendChartBy, buildSpendCharts, topSpenders } from '@core/charts/spend-by';

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
    expect(byModel.series.map((s) => [s.label, s.valuesMicros])).toEqual([['gpt-4o', [8 * USD, 0]]]);
    expect(buildSpendChartBy(days, [], 'line-item').series.map((s) => s.label)).toEqual([
      'gpt-4o, output',
      'gpt-4o, input',
    ]);
    expect(topSpenders(days, [], 'api-key', 'USD')).toEqual([
      { key: 'key_a', label: 'key_a', totalMicros: 6 * USD, total: '$6.00', share: '75%' },
      { key: '__none__', label: 'Key not recorded', totalMicros: 2 * USD, total: '$2.00', share: '25%' },
    ]);
    expect(topSpenders(days, [{ id: 'p1', name: 'Chatbot' }], 'project', 'USD')).toEqual([
      { key: 'p1', label: 'Chatbot', totalMicros: 10 * USD, total: '$10.00', share: '100%' },
    ]);
  });

  it('builds every dimension with its top spenders for cost reports, and one chart for spend read from a balance', () => {
    const base = { daily: days, projects: [], currency: 'USD' };
    const costs = buildSpendCharts({ ...base, spendSource: { kind: 'costs' } });
    if (costs.kind !== 'by') throw new Error('expected charts by dimension');
    expect(Object.keys(costs.by)).toEqual(['project', 'model', 'line-item', 'api-key']);
    expect(costs.by['api-key'].top.map((r) => r.share)).toEqual(['75%', '25%']);
    expect(costs.by.project.chart.totalMicros).toBe(10 * USD);
    const balance = buildSpendCharts({ ...base, spendSource: { kind: 'balance', sinceMs: 0 } });
    expect(balance.kind).toBe('balance');
  });
});
