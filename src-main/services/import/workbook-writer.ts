/**
 * Writes sheets of the import format as one .xlsx workbook (for people) or a folder of CSV files (for scripts).
 * Used by the template and by the export, so that what the app writes is always something it can read back.
 */
import { csvDocument } from '../../../src-shared/format/csv';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { IMPORT_SHEETS, SHEET_COLUMNS, SHEET_LABELS, type CellKind, type ImportSheet } from '../../../src-shared/import-format';
import { parseDateCell, parseDecimalCell } from '../../../src-shared/rules/import-cells';
import { codeLabel } from './code-labels';
import { bufferZipBytes, dosDateTime, setZipEntryDates, withZipFile } from '../../lib/zip-dates';
import { columnLetters, rowXml, type TypedCell } from './sheet-rows-xml';

export type SheetRows = Array<Array<string | number>>;
export type SheetTable = Partial<Record<ImportSheet, SheetRows>>;
/**
 * Sheets given as rows, or as a function producing them when the writer reaches that sheet: the export reads one
 * sheet from the database at a time, so that only one sheet's rows are ever in memory (issue 19).
 */
export type SheetSource = Partial<Record<ImportSheet, SheetRows | (() => SheetRows)>>;

export function sheetRows(source: SheetSource, name: ImportSheet): SheetRows | undefined {
  const rows = source[name];
  return typeof rows === 'function' ? rows() : rows;
}

/**
 * ExcelJS stamps each part of the .xlsx with the current time: dated afterwards with a fixed date, the same data
 * gives the same file, so that two exports can be compared byte for byte (issue 16 §3).
 */
const STABLE_DATE = new Date('2000-01-01T00:00:00Z');
const STABLE_ZIP_DATE = dosDateTime(2000, 1, 1);

/** The hidden sheet of code lists (ignored by the import, like « Lisez-moi »). */
export const CODES_SHEET = 'Codes';

/** A value as the cell a spreadsheet can compute with: a date cell, a number, or text. */
function typedCell(kind: CellKind | undefined, value: string | number): TypedCell {
  const text = String(value);
  // No cell at all rather than an empty one: a sheet of hours is mostly empty columns.
  if (text === '') return undefined;
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

type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamingSheet = ReturnType<StreamingWorkbook['addWorksheet']>;
/**
 * The parts of ExcelJS 4.4's streaming writer that rows written as XML need (not in its typings): the sheet's
 * stream (and what it is piped to), its next row number, and the workbook's styles. sheet-rows-xml.test.ts and the
 * export's tests fail if they change.
 */
interface StreamingSheetInternals {
  _write(xml: string): void;
  _rowZero: number;
  stream: { pipes: Writable[] };
}
interface StreamingWorkbookInternals {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>): number };
}

/**
 * The workbook is written row by row through ExcelJS's streaming writer (issue 19): each row is committed and freed
 * as it goes, each sheet is closed before the next one starts, so that the memory used does not grow with the base.
 * The writer stamps each part with the current time: the finished archive is dated STABLE_DATE afterwards
 * (lib/zip-dates.ts).
 */
async function streamingWorkbook(stream: Writable): Promise<StreamingWorkbook> {
  // Loaded when a workbook is written: 170 ms of module loading at every start otherwise (issue 19).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } } as Partial<ExcelJS.stream.xlsx.WorkbookWriterOptions>);
  workbook.creator = 'Cèdre Parcours';
  workbook.created = STABLE_DATE;
  workbook.modified = STABLE_DATE;
  return workbook;
}

/** The hidden sheet of every coded column's values and labels; returns each list's range for the validations. */
function writeCodesSheet(workbook: StreamingWorkbook): Map<string, string> {
  const codes = workbook.addWorksheet(CODES_SHEET, { state: 'hidden' });
  const lists = new Map<string, string>();
  const columns: Array<{ header: string; values: string[] }> = [];
  for (const name of IMPORT_SHEETS) {
    for (const c of SHEET_COLUMNS[name]) {
      if (c.kind.type !== 'code' && c.kind.type !== 'bool') continue;
      const values = c.kind.type === 'code' ? [...c.kind.values] : ['oui', 'non'];
      columns.push({ header: `${name}.${c.name}`, values });
      columns.push({ header: 'libellé', values: values.map((v) => (c.kind.type === 'code' ? codeLabel(name, c.name, v) : '')) });
      const valuesColumn = codes.getColumn(columns.length - 1);
      valuesColumn.numFmt = '@';
      codes.getColumn(columns.length).width = 40;
      lists.set(`${name}.${c.name}`, `'${CODES_SHEET}'!$${valuesColumn.letter}$2:$${valuesColumn.letter}$${values.length + 1}`);
    }
  }
  const depth = Math.max(...columns.map((c) => c.values.length));
  codes.addRow(columns.map((c) => c.header)).commit();
  for (let r = 0; r < depth; r++) codes.addRow(columns.map((c) => c.values[r] ?? null)).commit();
  codes.commit();
  return lists;
}

/** Rows produced between two pauses that let the archiver compress what was written. */
const ROWS_BETWEEN_PAUSES = 2000;

/**
 * Resolves once the archiver has compressed the sheet into the ZIP. Each sheet is awaited before the next starts,
 * so that at most one sheet's XML waits in memory. (The archiver is a field the typings do not show; `entry` is its
 * documented event.)
 */
function sheetArchived(workbook: StreamingWorkbook, sheet: StreamingSheet): Promise<void> {
  const zip = (workbook as unknown as { zip: EventEmitter }).zip;
  const name = `worksheets/sheet${sheet.id}.xml`;
  return new Promise((resolve, reject) => {
    const onEntry = (entry: { name: string }) => {
      if (!entry.name.endsWith(name)) return;
      zip.off('entry', onEntry);
      zip.off('error', reject);
      resolve();
    };
    zip.on('entry', onEntry);
    zip.once('error', reject);
  });
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** XML the compressor may have waiting before the rows wait for it. */
const COMPRESSOR_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Resolves once the compressor has caught up with the sheet. ExcelJS's sheet stream ignores backpressure, and rows
 * written as XML come faster than zlib compresses them: the hours of ×10 waited whole in memory (30 MB of XML;
 * docs/performance.md, session 15). The archiver's input is a readable-stream 2 PassThrough, whose backlog is
 * `_writableState.length` (`writableLength` in later versions); its documented 'drain' says when it is empty.
 */
async function compressorCaughtUp(sheet: StreamingSheet): Promise<void> {
  for (const pipe of (sheet as unknown as StreamingSheetInternals).stream.pipes) {
    const backlog = pipe.writableLength ?? (pipe as unknown as { _writableState?: { length: number } })._writableState?.length ?? 0;
    if (backlog > COMPRESSOR_BACKLOG_BYTES) await new Promise((resolve) => pipe.once('drain', resolve));
  }
}

/** Each row handed over once: rows read for this sheet alone (a SheetSource function) are let go as they are written. */
function* handedOver(rows: SheetRows): Generator<Array<string | number>> {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    (rows as Array<Array<string | number> | undefined>)[i] = undefined;
    yield row;
  }
}

async function writeFormatSheet(workbook: StreamingWorkbook, name: ImportSheet, rows: Iterable<Array<string | number>>, lists: Map<string, string>): Promise<void> {
  const sheet: StreamingSheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = SHEET_COLUMNS[name];
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, c.name.length + 4, c.kind.type === 'date' ? 12 : 0, c.kind.type === 'text' && (c.kind.max ?? 0) > 60 ? 30 : 0);
    // Dates as date cells, numbers as numbers; everything else as text, so codes such as « 03 » and PASS numbers
    // stay as typed.
    column.numFmt = c.kind.type === 'date' ? 'dd/mm/yyyy' : c.kind.type === 'decimal' ? '0.00' : '@';
  });
  const header = sheet.addRow(columns.map((c) => c.name));
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: c.required };
    cell.note = i === 0 ? `${SHEET_LABELS[name]}\n${columnHint(name, c.name)}` : columnHint(name, c.name);
  });
  header.commit();
  // The data rows are written as XML here rather than as ExcelJS rows (sheet-rows-xml.ts: the same bytes, without
  // its objects per cell); each column's cells take the column's style, registered once with ExcelJS's styles.
  const internals = sheet as unknown as StreamingSheetInternals;
  const styleIds = columns.map((_, i) => (workbook as unknown as StreamingWorkbookInternals).styles.addStyleModel({ ...sheet.getColumn(i + 1).style }));
  const letters = columns.map((_, i) => columnLetters(i + 1));
  let count = 0;
  let rowNumber = internals._rowZero;
  let pending = '';
  for (const values of rows) {
    pending += rowXml(rowNumber++, values.map((v, i) => typedCell(columns[i]?.kind, v)), styleIds, letters);
    if (++count % ROWS_BETWEEN_PAUSES === 0) {
      internals._write(pending);
      pending = '';
      await pause();
      await compressorCaughtUp(sheet);
    }
  }
  if (pending) internals._write(pending);
  // The rows written are ExcelJS's rows too: its next row number follows them.
  internals._rowZero = rowNumber;
  const lastRow = Math.max(1000, count + 1 + 500);
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
  const archived = sheetArchived(workbook, sheet);
  sheet.commit();
  await archived;
}

/**
 * `readme`: lines of a first "Lisez-moi" sheet (ignored by the import). Every sheet of the format is written to
 * `stream`, with its header row (required columns in bold, a note on each saying what it holds) and the given rows.
 */
export async function writeWorkbook(stream: Writable, tables: SheetSource, readme: string[] = []): Promise<void> {
  const workbook = await streamingWorkbook(stream);
  if (readme.length) {
    const sheet = workbook.addWorksheet('Lisez-moi');
    sheet.getColumn(1).width = 110;
    readme.forEach((line, i) => {
      const row = sheet.addRow([line]);
      if (i === 0) row.getCell(1).font = { bold: true, size: 14 };
      row.commit();
    });
    sheet.commit();
  }
  // The lists of codes first (hidden), so that each coded column can offer its list (issue 16 §4).
  const lists = writeCodesSheet(workbook);
  for (const name of IMPORT_SHEETS) {
    const source = tables[name];
    // The export's sheets are read when reached: written, each row can go (the hours of ×10 are 160 000 rows).
    const rows = typeof source === 'function' ? handedOver(source()) : (source ?? []);
    await writeFormatSheet(workbook, name, rows, lists);
  }
  await workbook.commit();
}

/** The workbook as bytes (the template, a download). */
export async function workbookBuffer(tables: SheetSource, readme: string[] = []): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeWorkbook(sink, tables, readme);
  const bytes = Buffer.concat(chunks);
  setZipEntryDates(bufferZipBytes(bytes), STABLE_ZIP_DATE);
  return bytes;
}

/** The workbook written to a file as it is produced. */
export async function writeWorkbookFile(path: string, tables: SheetSource, readme: string[] = []): Promise<void> {
  await writeWorkbook(createWriteStream(path), tables, readme);
  withZipFile(path, (zip) => setZipEntryDates(zip, STABLE_ZIP_DATE));
}

/** `;`-separated, UTF-8 with BOM (Excel opens it with accents), one file per sheet. */
export function writeCsvFolder(dir: string, tables: SheetSource): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const name of IMPORT_SHEETS) {
    const rows = sheetRows(tables, name);
    if (!rows) continue;
    const header = SHEET_COLUMNS[name].map((c) => c.name);
    const path = join(dir, `${name}.csv`);
    // The import format's own text (numbers already written as the reader expects); formulas neutralised.
    writeFileSync(path, csvDocument(header, rows.map((r) => r.map((v) => String(v)))));
    written.push(path);
  }
  return written;
}
