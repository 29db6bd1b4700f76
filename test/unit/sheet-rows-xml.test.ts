/**
 * The export writes its data rows as XML itself (issue 19): the sheet must be byte for byte what ExcelJS's own
 * streaming writer makes of the same rows and styles, so that what Excel, LibreOffice and openpyxl read does not
 * change. Both are written here into real workbooks and their sheets compared, with values chosen to hit every
 * branch: entities, characters XML cannot hold, line breaks, emoji, formula-like text, numbers, dates, empty cells
 * at either end and a row without any cell.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, rowXml, type TypedCell } from '../../src-main/services/import/sheet-rows-xml';

const FORMATS = ['@', 'dd/mm/yyyy', '0.00', '@', '@'];
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ROWS: TypedCell[][] = [
  ['P0001', date('2024-02-29'), 151.67, 'Dupont & fils <SARL>', 'l’été "chaud"'],
  ['\u0001bell\u0007 and del\u007f', date('1900-03-01'), 0, 'tab\tline\nreturn\r', '😀 émoji'],
  [undefined, date('1970-01-01'), -12.5, '=SUM(A1:A3)', undefined],
  [undefined, undefined, undefined, undefined, undefined],
  ['  spaces kept  ', date('2099-12-31'), 1e-7, "apostrophe ' seule", '&amp; déjà échappé'],
  [undefined, undefined, 123456789.123, undefined, undefined],
  ['x'.repeat(5000), date('2026-11-30'), 35, '', 'fin'],
];

async function workbookBytes(write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, styles: Array<Partial<ExcelJS.Style>>) => void): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false } as Partial<ExcelJS.stream.xlsx.WorkbookWriterOptions>);
  const sheet = workbook.addWorksheet('personnes');
  FORMATS.forEach((numFmt, i) => (sheet.getColumn(i + 1).numFmt = numFmt));
  sheet.addRow(FORMATS.map((_, i) => `colonne ${i + 1}`)).commit();
  write(workbook, sheet, FORMATS.map((_, i) => ({ ...sheet.getColumn(i + 1).style })));
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const sheetXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
const internals = (o: unknown) => o as { styles: { addStyleModel(s: Partial<ExcelJS.Style>): number }; _write(xml: string): void; _rowZero: number };

describe('data rows written as XML (issue 19)', () => {
  it('are the bytes ExcelJS writes for the same rows and column styles', async () => {
    const byExcelJs = await workbookBytes((workbook, sheet, styles) => {
      styles.forEach((style) => internals(workbook).styles.addStyleModel(style));
      for (const cells of ROWS) {
        // Empty text is no cell, as typedCell gives it.
        const values = cells.map((v) => (v === '' ? undefined : v));
        const row = sheet.addRow(values);
        values.forEach((v, i) => v !== undefined && (row.getCell(i + 1).style = styles[i]!));
        row.commit();
      }
    });
    const byHand = await workbookBytes((workbook, sheet, styles) => {
      const ids = styles.map((style) => internals(workbook).styles.addStyleModel(style));
      const letters = FORMATS.map((_, i) => columnLetters(i + 1));
      let rowNumber = internals(sheet)._rowZero;
      internals(sheet)._write(ROWS.map((cells) => rowXml(rowNumber++, cells.map((v) => (v === '' ? undefined : v)), ids, letters)).join(''));
      internals(sheet)._rowZero = rowNumber;
    });
    const expected = sheetXml(byExcelJs);
    expect(sheetXml(byHand)).toBe(expected);
    // What the comparison covers: styles, dates as serial numbers, entities, dropped control characters, the gap.
    expect(expected).toContain('<c r="B2" s=');
    expect(expected).toContain('<v>45351</v>');
    expect(expected).toContain('Dupont &amp; fils &lt;SARL&gt;');
    expect(expected).toContain('<v>bell and del</v>');
    expect(expected).not.toContain('<row r="5"');
    expect(expected).toContain('<row r="7" spans="3:3"');
    // The rest of the workbook (styles, parts) is ExcelJS's in both.
    expect(strFromU8(unzipSync(byHand)['xl/styles.xml']!)).toBe(strFromU8(unzipSync(byExcelJs)['xl/styles.xml']!));
  });

  it('name columns past Z as spreadsheets do', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
