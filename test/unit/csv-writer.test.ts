/**
 * The app's one CSV writer (issue 16 §5): what a French spreadsheet opens, with formulas neutralised (OWASP CSV
 * injection), masked and missing values told apart, and the import reading its own neutralised cells back.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_MASKED, csvCell, csvDocument, neutralizeFormula, unneutralizeCsvCell } from '../../src-shared/format/csv';

describe('the CSV writer', () => {
  it('neutralises every cell a spreadsheet would run, and only those', () => {
    for (const hostile of ['=1+2', '+33 6 12 34 56 78', '-2+3', '@SUM(A1:A9)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x";"clic")']) {
      const written = csvCell(hostile);
      expect(written.replace(/^"/, ''), hostile).toMatch(/^'/);
      expect(unneutralizeCsvCell(neutralizeFormula(hostile))).toBe(hostile);
    }
    for (const harmless of ['Durand', 'Élodie', "l'atelier", '2024-01-15', '', 'a=b']) expect(csvCell(harmless)).toBe(harmless.includes(';') ? `"${harmless}"` : harmless);
    // Numbers are numbers, not text: a negative hour count is not a formula.
    expect(csvCell(-1.5)).toBe('-1,5');
    expect(csvCell(151.67, { decimal: 'dot' })).toBe('151.67');
  });

  it('writes « s » for a masked value and nothing for a missing one, with BOM, « ; », CRLF and quotes doubled', () => {
    const text = csvDocument(['id', 'valeur', 'note'], [['a', CSV_MASKED, 'x;y'], ['b', null, 'il a dit "oui"'], ['c', 12.5, true]]);
    expect(text).toBe('\uFEFFid;valeur;note\r\na;s;"x;y"\r\nb;;"il a dit ""oui"""\r\nc;12,5;oui\r\n');
    // Read back by a CSV parser, every cell is what was meant.
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    expect(rows).toEqual([['id', 'valeur', 'note'], ['a', 's', 'x;y'], ['b', '', 'il a dit "oui"'], ['c', '12,5', 'oui']]);
  });
});
