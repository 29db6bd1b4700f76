/**
 * The data rows of a sheet as SpreadsheetML, exactly as ExcelJS's streaming writer writes them (the same bytes:
 * test/unit/sheet-rows-xml.test.ts renders the same rows through ExcelJS and compares), without ExcelJS's objects
 * for each row, cell and style: those were 3 s of the 12 s export of a ×10 base, and most of its garbage (issue 19).
 * ExcelJS still writes everything else (styles, header notes, lists, the workbook's parts), so what Excel,
 * LibreOffice and openpyxl read is unchanged.
 */

/** A cell's value as the workbook types it: text, a number, a date cell; undefined writes no cell. */
export type TypedCell = string | number | Date | undefined;

/** What ExcelJS's xmlEncode does: the five XML entities, and characters XML 1.0 cannot hold dropped. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found here
const TO_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- idem
const TO_ESCAPE_ALL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function xmlText(text: string): string {
  return TO_ESCAPE.test(text) ? text.replace(TO_ESCAPE_ALL, (c) => ENTITIES[c] ?? '') : text;
}

/** Days since 30 December 1899, as Excel counts dates (ExcelJS's dateToExcel, 1900 date system). */
function excelSerial(date: Date): number {
  return 25569 + date.getTime() / (24 * 3600 * 1000);
}

/** A, B, …, Z, AA, AB…: the column's letters in a cell reference. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * `styleIds[i]`: the style ExcelJS gave column i's cells (its styles' index, 0 for none). Returns the row's XML, or ''
 * for a row without a cell (ExcelJS writes no element for it; its number is still used).
 */
export function rowXml(rowNumber: number, cells: readonly TypedCell[], styleIds: readonly number[], letters: readonly string[]): string {
  let xml = '';
  let first = 0;
  let last = 0;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === undefined) continue;
    if (!first) first = i + 1;
    last = i + 1;
    const style = styleIds[i] ? ` s="${styleIds[i]}"` : '';
    const ref = `${letters[i]}${rowNumber}`;
    if (typeof value === 'string') xml += `<c r="${ref}"${style} t="str"><v>${xmlText(value)}</v></c>`;
    else xml += `<c r="${ref}"${style}><v>${typeof value === 'number' ? value : excelSerial(value)}</v></c>`;
  }
  return first ? `<row r="${rowNumber}" spans="${first}:${last}" x14ac:dyDescent="0.25">${xml}</row>` : '';
}
