import { describe, expect, it } from 'vitest';
import { CostFileSchema } from '../../../../main/services/stores/history-files';
import { decodeCostDays, encodeCostDays } from '../../../../main/services/stores/history-codec';

describe('cost file codec', () => {
  it('keeps the API key of each row, and reads files written before keys were recorded', () => {
    const days = [
      {
        dayStartMs: 0,
        rows: [
          { projectId: 'proj_a', lineItem: 'gpt-4o, input', apiKeyId: 'key_1', micros: 5 },
          { projectId: 'proj_a', lineItem: 'gpt-4o, input', apiKeyId: 'key_2', micros: 7 },
          { projectId: null, lineItem: null, micros: 1 },
        ],
      },
    ];
    const file = encodeCostDays(days);
    expect(file.apiKeys).toEqual(['key_1', 'key_2']);
    expect(decodeCostDays(CostFileSchema.parse(JSON.parse(JSON.stringify(file))))).toEqual(days);
    const old = CostFileSchema.parse({
      version: 1,
      projects: ['proj_a'],
      lineItems: ['x'],
      days: [{ day: 0, rows: [[0, 0, 9]] }],
    });
    expect(decodeCostDays(old)).toEqual([
      { dayStartMs: 0, rows: [{ projectId: 'proj_a', lineItem: 'x', micros: 9 }] },
    ]);
  });
});
