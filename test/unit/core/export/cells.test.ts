import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvField, safeText, usdText, zonedIso } from '@core/export/cells';
import { csvCell } from '@core/export/columns';

describe('CSV cells', () => {
  it('neutralises text that a spreadsheet would run as a formula (OWASP)', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")'])
      expect(safeText(bad)).toBe(`'${bad}`);
    for (const fine of ['Acme', 'a=b', ' =x', '', '5', "'quoted"]) expect(safeText(fine)).toBe(fine);
  });

  it('leaves numbers as numbers: negative amounts are not neutralised', () => {
    expect(csvCell(-1_500_000, 'usd', 'UTC')).toBe('-1.500000');
    expect(csvCell(-3, 'int', 'UTC')).toBe('-3');
    expect(csvCell(-0.25, 'float', 'UTC')).toBe('-0.25');
    expect(csvCell('-3', 'text', 'UTC')).toBe("'-3");
    expect(csvCell(null, 'usd', 'UTC')).toBe('');
  });

  it('writes micro-dollars as exact decimals', () => {
    expect(usdText(12_345_678)).toBe('12.345678');
    expect(usdText(-5)).toBe('-0.000005');
    expect(usdText(0)).toBe('0.000000');
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (micros) => {
        expect(Math.round(Number(usdText(micros)) * 1e6)).toBe(micros);
      }),
    );
  });

  it('shows an instant in the user zone with its offset', () => {
    expect(zonedIso(Date.UTC(2026, 10, 18, 15), 'Europe/Berlin')).toBe(
      '2026-11-18T16:00:00.000+01:00'.replace('.000', ''),
    );
    expect(zonedIso(Date.UTC(2026, 6, 1, 0), 'America/New_York')).toBe('2026-06-30T20:00:00-04:00');
  });
});

describe('RFC 4180 fields', () => {
  it('any text survives a CSV parser, formula starts gaining only their apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', '-', '+', '@', '\t', 'é') }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (cells) => {
          const line = `${cells.map((c) => csvField(safeText(c))).join(',')}\r\n`;
          const parsed = Papa.parse<string[]>(line, { newline: '\r\n', delimiter: ',' });
          expect(parsed.data[0]).toEqual(cells.map(safeText));
        },
      ),
      { numRuns: 500 },
    );
  });
});
