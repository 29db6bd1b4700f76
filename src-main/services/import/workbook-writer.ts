/**
 * Writes sheets of the import format as one .xlsx workbook (for people) or a folder of CSV files (for scripts).
 * Used by the template and by the export, so that what the app writes is always something it can read back.
 */
import { csvDocument } from '../../../src-shared/format/csv';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { IMPORT_SHEETS, SHEET_COLUMNS, SHEET_LABELS, type ImportSheet } from '../../../src-shared/import-format';

export type SheetTable = Partial<Record<ImportSheet, Array<Array<string | number>>>>;

const FORMAT_HINTS: Record<string, string> = {
  date: 'Date : JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ',
  month: 'Mois : AAAA-MM ou MM/AAAA',
  decimal: 'Nombre : virgule ou point',
  bool: 'oui ou non',
  text: 'Texte',
};

function columnHint(sheet: ImportSheet, name: string): string {
  const col = SHEET_COLUMNS[sheet].find((c) => c.name === name)!;
  const kind = col.kind.type === 'code' ? `Valeurs : ${col.kind.values.join(', ')}` : FORMAT_HINTS[col.kind.type]!;
  return `${col.required ? 'Obligatoire' : 'Facultatif'}. ${kind}`;
}

/**
 * `readme`: lines of a first "Lisez-moi" sheet (ignored by the import). Every sheet of the format is written, with
 * its header row (required columns in bold, a note on each saying what it holds) and the given rows.
 */
export async function workbookBuffer(tables: SheetTable, readme: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cèdre Parcours';
  if (readme.length) {
    const sheet = workbook.addWorksheet('Lisez-moi');
    sheet.getColumn(1).width = 110;
    readme.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = line;
      if (i === 0) cell.font = { bold: true, size: 14 };
    });
  }
  for (const name of IMPORT_SHEETS) {
    const sheet = workbook.addWorksheet(name);
    const columns = SHEET_COLUMNS[name];
    sheet.addRow(columns.map((c) => c.name));
    columns.forEach((c, i) => {
      const cell = sheet.getCell(1, i + 1);
      cell.font = { bold: c.required };
      cell.note = columnHint(name, c.name);
      sheet.getColumn(i + 1).width = Math.max(12, c.name.length + 4);
      // Text cells keep codes such as "03" and PASS numbers as typed.
      sheet.getColumn(i + 1).numFmt = '@';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of tables[name] ?? []) sheet.addRow(row.map((v) => String(v)));
    sheet.getCell(1, 1).note = `${SHEET_LABELS[name]}\n${columnHint(name, columns[0]!.name)}`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `;`-separated, UTF-8 with BOM (Excel opens it with accents), one file per sheet. */
export function writeCsvFolder(dir: string, tables: SheetTable): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const name of IMPORT_SHEETS) {
    const rows = tables[name];
    if (!rows) continue;
    const header = SHEET_COLUMNS[name].map((c) => c.name);
    const path = join(dir, `${name}.csv`);
    // The import format's own text (numbers already written as the reader expects); formulas neutralised.
    writeFileSync(path, csvDocument(header, rows.map((r) => r.map((v) => String(v)))));
    written.push(path);
  }
  return written;
}
