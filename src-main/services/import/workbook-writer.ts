/**
 * Writes sheets of the import format as one .xlsx workbook (for people) or a folder of CSV files (for scripts).
 * Used by the template and by the export, so that what the app writes is always something it can read back.
 */
import { csvDocument } from '../../../src-shared/format/csv';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { IMPORT_SHEETS, SHEET_COLUMNS, SHEET_LABELS, type CellKind, type ImportSheet } from '../../../src-shared/import-format';
import { parseDateCell, parseDecimalCell } from '../../../src-shared/rules/import-cells';
import { codeLabel } from './code-labels';

export type SheetTable = Partial<Record<ImportSheet, Array<Array<string | number>>>>;

/**
 * ExcelJS stamps each part of the .xlsx with the current time: repacked with a fixed date, the same data gives the
 * same file, so that two exports can be compared byte for byte (issue 16 §3).
 */
const STABLE_DATE = new Date('2000-01-01T00:00:00Z');

/** The hidden sheet of code lists (ignored by the import, like « Lisez-moi »). */
export const CODES_SHEET = 'Codes';

/** A value as the cell a spreadsheet can compute with: a date cell, a number, or text. */
function typedCell(kind: CellKind | undefined, value: string | number): ExcelJS.CellValue {
  const text = String(value);
  if (text === '') return null;
  if (kind?.type === 'date') {
    const iso = parseDateCell(text);
    return iso ? new Date(`${iso}T00:00:00Z`) : text;
  }
  if (kind?.type === 'decimal') return parseDecimalCell(text) ?? text;
  return text;
}

const FORMAT_HINTS: Record<string, string> = {
  date: 'Date : JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ',
  month: 'Mois : AAAA-MM ou MM/AAAA',
  decimal: 'Nombre : virgule ou point',
  bool: 'oui ou non',
  text: 'Texte',
};

function columnHint(sheet: ImportSheet, name: string): string {
  const col = SHEET_COLUMNS[sheet].find((c) => c.name === name)!;
  const kind =
    col.kind.type === 'code'
      ? `Valeurs : ${col.kind.values.join(', ')}`
      : col.kind.type === 'codes'
        ? `Une ou plusieurs valeurs séparées par des virgules : ${col.kind.values.join(', ')}`
        : FORMAT_HINTS[col.kind.type]!;
  return `${col.required ? 'Obligatoire' : 'Facultatif'}. ${kind}`;
}

/**
 * `readme`: lines of a first "Lisez-moi" sheet (ignored by the import). Every sheet of the format is written, with
 * its header row (required columns in bold, a note on each saying what it holds) and the given rows.
 */
export async function workbookBuffer(tables: SheetTable, readme: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cèdre Parcours';
  workbook.created = STABLE_DATE;
  workbook.modified = STABLE_DATE;
  if (readme.length) {
    const sheet = workbook.addWorksheet('Lisez-moi');
    sheet.getColumn(1).width = 110;
    readme.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = line;
      if (i === 0) cell.font = { bold: true, size: 14 };
    });
  }
  // The lists of codes first (hidden), so that each coded column can offer its list (issue 16 §4).
  const codes = workbook.addWorksheet(CODES_SHEET, { state: 'hidden' });
  const lists = new Map<string, string>();
  for (const name of IMPORT_SHEETS) {
    for (const c of SHEET_COLUMNS[name]) {
      if (c.kind.type !== 'code' && c.kind.type !== 'bool') continue;
      const values = c.kind.type === 'code' ? c.kind.values : ['oui', 'non'];
      const col = codes.columnCount + 1;
      codes.getCell(1, col).value = `${name}.${c.name}`;
      codes.getCell(1, col + 1).value = 'libellé';
      values.forEach((v, i) => {
        codes.getCell(i + 2, col).value = v;
        codes.getCell(i + 2, col + 1).value = c.kind.type === 'code' ? codeLabel(name, c.name, v) : '';
      });
      codes.getColumn(col).numFmt = '@';
      codes.getColumn(col + 1).width = 40;
      const letter = codes.getColumn(col).letter;
      lists.set(`${name}.${c.name}`, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`);
    }
  }
  for (const name of IMPORT_SHEETS) {
    const sheet = workbook.addWorksheet(name);
    const columns = SHEET_COLUMNS[name];
    sheet.addRow(columns.map((c) => c.name));
    columns.forEach((c, i) => {
      const cell = sheet.getCell(1, i + 1);
      cell.font = { bold: c.required };
      cell.note = columnHint(name, c.name);
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(12, c.name.length + 4, c.kind.type === 'date' ? 12 : 0, c.kind.type === 'text' && (c.kind.max ?? 0) > 60 ? 30 : 0);
      // Dates as date cells, numbers as numbers; everything else as text, so codes such as « 03 » and PASS numbers
      // stay as typed.
      column.numFmt = c.kind.type === 'date' ? 'dd/mm/yyyy' : c.kind.type === 'decimal' ? '0.00' : '@';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of tables[name] ?? []) sheet.addRow(row.map((v, i) => typedCell(columns[i]?.kind, v)));
    const lastRow = Math.max(1000, sheet.rowCount + 500);
    columns.forEach((c, i) => {
      const list = lists.get(`${name}.${c.name}`);
      if (!list) return;
      const letter = sheet.getColumn(i + 1).letter;
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Valeur inconnue',
        error: `Choisissez une valeur de la liste (feuille « ${CODES_SHEET} » pour leur signification).`,
      });
    });
    sheet.getCell(1, 1).note = `${SHEET_LABELS[name]}\n${columnHint(name, columns[0]!.name)}`;
  }
  return stableZip(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Repacks the .xlsx with every part dated STABLE_DATE. */
function stableZip(xlsx: Buffer): Buffer {
  const parts = unzipSync(xlsx);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, bytes] of Object.entries(parts)) entries[name] = [bytes, { mtime: STABLE_DATE }];
  return Buffer.from(zipSync(entries, { level: 6 }));
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
