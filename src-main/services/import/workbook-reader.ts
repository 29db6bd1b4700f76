/**
 * Turns what the user gives (one .xlsx workbook, or .csv files, from disk or uploaded) into raw sheets of text cells.
 * Every way a file can be wrong ends as a French problem on the file, never an exception: size and row limits keep a
 * foreign or damaged file from exhausting memory, and nothing here touches the database.
 */
import { unneutralizeCsvCell } from '../../../src-shared/format/csv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { ATTACHMENTS_FOLDER } from '../../../src-shared/import-format-registers';
import type ExcelJS from 'exceljs';
import { readZipBounded, ZipRefusedError } from '../../lib/bounded-zip';
import { isNotePart, workbookWithoutNotes } from './xlsx-without-notes';
import { readOdsSheets } from './ods-reader';
import { leiColumnIndex } from './lei/lei-format';
import type { LeiTable } from './lei/lei-convert';
import { CODES_SHEET } from './workbook-writer';
import Papa from 'papaparse';
import { IMPORT_LIMITS, IMPORT_SHEETS, SHEET_COLUMNS, type ImportProblem, type ImportSheet } from '../../../src-shared/import-format';
import { normalizeHeader } from '../../../src-shared/rules/import-cells';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface RawRow {
  /** Line in the spreadsheet: the header is line 1. */
  line: number;
  cells: string[];
}

export interface RawSheet {
  name: ImportSheet;
  headers: string[];
  rows: RawRow[];
}

export interface RawWorkbook {
  sheets: Map<ImportSheet, RawSheet>;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** Files brought beside the workbook (`documents/…`, issue 16 §3), read when a sheet names them. */
  attachment?: (path: string) => Uint8Array | undefined;
  /** An export of Les emplois de l'inclusion, recognised by its headers (issue 16 §2), converted with the base. */
  lei?: LeiTable;
}

/**
 * An .xlsx is a ZIP: before ExcelJS reads it, every part is inflated once here counting the real bytes (ZIP bombs,
 * lying directories) and its XML is checked for nesting and DOCTYPE (bounded-zip.ts). 200 000 rows of 60 short
 * columns stay under these bounds.
 */
const XLSX_LIMITS = { maxEntries: 2000, maxInflatedBytes: 250 * 1024 * 1024, maxXmlDepth: 64 };

function fileProblem(feuille: string, message: string): ImportProblem {
  return { feuille, ligne: 0, colonne: null, message };
}

function sheetNameOf(raw: string): ImportSheet | null {
  const n = normalizeHeader(raw);
  return (IMPORT_SHEETS as readonly string[]).includes(n) ? (n as ImportSheet) : null;
}

/** Reads a path: an .xlsx file, a .csv file, or a folder holding `<sheet>.csv` files. */
export async function readImportPath(path: string): Promise<RawWorkbook> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { sheets: new Map(), problems: [fileProblem(basename(path), `Fichier ou dossier introuvable : ${path}`)], warnings: [] };
  }
  if (stat.isDirectory()) {
    const files = readdirSync(path)
      .filter((f) => extname(f).toLowerCase() === '.csv')
      .map((f) => join(path, f));
    if (files.length === 0) return { sheets: new Map(), problems: [fileProblem(basename(path), 'Ce dossier ne contient aucun fichier .csv.')], warnings: [] };
    const tooBig = files.find((f) => statSync(f).size > IMPORT_LIMITS.maxFileBytes);
    if (tooBig) return { sheets: new Map(), problems: [fileProblem(basename(tooBig), tooBigMessage())], warnings: [] };
    return withFolderAttachments(await readImportFiles(files.map((f) => ({ name: basename(f), bytes: readFileSync(f) }))), path);
  }
  if (stat.size > IMPORT_LIMITS.maxFileBytes) return { sheets: new Map(), problems: [fileProblem(basename(path), tooBigMessage())], warnings: [] };
  const book = await readImportFiles([{ name: basename(path), bytes: readFileSync(path) }]);
  return book.attachment ? book : withFolderAttachments(book, dirname(path));
}

/** Attached files in the `documents` folder beside the workbook; a name never leads out of that folder. */
function withFolderAttachments(book: RawWorkbook, base: string): RawWorkbook {
  const folder = resolve(base, ATTACHMENTS_FOLDER);
  book.attachment = (path) => {
    const file = resolve(base, path);
    if (!file.startsWith(folder + sep)) return undefined;
    try {
      return statSync(file).size <= IMPORT_LIMITS.maxFileBytes ? readFileSync(file) : undefined;
    } catch {
      return undefined;
    }
  };
  return book;
}

/**
 * A ZIP holding the workbook (or CSV files) and its `documents` folder, as the app's export writes it when the
 * quality manual has attached files.
 */
async function readBundle(file: ImportFile, book: RawWorkbook): Promise<void> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = await readZipBounded(file.bytes, { maxEntries: 5000, maxInflatedBytes: 400 * 1024 * 1024 });
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    book.problems.push(fileProblem(file.name, `Archive ZIP illisible ou refusée (${err.reason.replace(/_/g, ' ')}).`));
    return;
  }
  const attachments = new Map<string, Uint8Array>();
  const inner: ImportFile[] = [];
  for (const [name, bytes] of entries) {
    if (name.endsWith('/')) continue;
    if (name.startsWith(`${ATTACHMENTS_FOLDER}/`)) attachments.set(name, bytes);
    else if (['.xlsx', '.ods', '.csv'].includes(extname(name).toLowerCase())) inner.push({ name: basename(name), bytes });
  }
  if (inner.length === 0) {
    book.problems.push(fileProblem(file.name, 'Cette archive ne contient ni classeur (.xlsx) ni fichiers .csv.'));
    return;
  }
  const read = await readImportFiles(inner);
  for (const [name, sheet] of read.sheets) book.sheets.set(name, sheet);
  book.problems.push(...read.problems);
  book.warnings.push(...read.warnings);
  book.attachment = (path) => attachments.get(path);
}

function tooBigMessage(): string {
  return `Fichier trop volumineux (plus de ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} Mo) : découpez-le en plusieurs imports.`;
}

export async function readImportFiles(files: ImportFile[]): Promise<RawWorkbook> {
  const book: RawWorkbook = { sheets: new Map(), problems: [], warnings: [] };
  for (const file of files) {
    if (file.bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
      book.problems.push(fileProblem(file.name, tooBigMessage()));
      continue;
    }
    const ext = extname(file.name).toLowerCase();
    if (ext === '.xlsx') await readXlsx(file, book);
    else if (ext === '.csv') readCsv(file, book);
    else if (ext === '.ods') await readOds(file, book);
    else if (ext === '.zip') await readBundle(file, book);
    else book.problems.push(fileProblem(file.name, 'Format non reconnu : choisissez un classeur Excel (.xlsx) ou LibreOffice (.ods), des fichiers .csv ou l’archive .zip d’un export.'));
  }
  if (book.problems.length === 0 && book.sheets.size === 0 && !book.lei) {
    book.problems.push(fileProblem(files[0]?.name ?? '', 'Aucune feuille reconnue : les noms attendus sont ' + IMPORT_SHEETS.join(', ') + '.'));
  }
  return book;
}

/**
 * A sheet or CSV file that is none of the format's, but has the columns of an export of Les emplois de l'inclusion:
 * kept whole for the conversion (lei/lei-convert.ts). Returns false when it is not one.
 */
function addLeiTable(book: RawWorkbook, source: string, table: string[][]): boolean {
  const [headers = [], ...body] = table;
  const index = leiColumnIndex(headers);
  if (!index) return false;
  if (book.lei) {
    book.problems.push(fileProblem(source, 'Deux exports des emplois de l’inclusion à la fois : importez-les l’un après l’autre.'));
    return true;
  }
  if (body.length > IMPORT_LIMITS.maxRowsPerSheet) {
    book.problems.push(fileProblem(source, `Trop de lignes (${body.length}, ${IMPORT_LIMITS.maxRowsPerSheet} au plus) : découpez le fichier.`));
    return true;
  }
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 2, cells });
  });
  book.lei = { source, index, rows };
  return true;
}

function addSheet(book: RawWorkbook, source: string, name: ImportSheet, table: string[][], maxRows: number = IMPORT_LIMITS.maxRowsPerSheet): void {
  if (book.sheets.has(name)) {
    book.problems.push(fileProblem(name, `La feuille « ${name} » est fournie deux fois (${source}).`));
    return;
  }
  const [headerCells = [], ...body] = table;
  if (headerCells.length > IMPORT_LIMITS.maxColumns) {
    book.problems.push(fileProblem(name, `Trop de colonnes (${headerCells.length}) : ce n’est pas une feuille du format d’import.`));
    return;
  }
  if (body.length > maxRows) {
    book.problems.push(fileProblem(name, `Trop de lignes (${body.length}, ${IMPORT_LIMITS.maxRowsPerSheet} au plus par feuille) : découpez le fichier.`));
    return;
  }
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 2, cells });
  });
  book.sheets.set(name, { name, headers: headerCells.map((h) => h.trim()), rows });
}

/** Sheets already in memory (the demo generator): the same checks as a file, without a file. */
export function readTables(tables: Partial<Record<ImportSheet, Array<Array<string | number>>>>): RawWorkbook {
  const book: RawWorkbook = { sheets: new Map(), problems: [], warnings: [] };
  for (const name of IMPORT_SHEETS) {
    const rows = tables[name];
    if (rows) addSheet(book, name, name, [SHEET_COLUMNS[name].map((c) => c.name), ...rows.map((r) => r.map(String))], Infinity);
  }
  return book;
}

// ---- CSV ------------------------------------------------------------------------------------------------------

function readCsv(file: ImportFile, book: RawWorkbook): void {
  const name = sheetNameOf(basename(file.name, extname(file.name)));
  // A CSV named after none of the sheets may be an export of Les emplois de l'inclusion saved as CSV.
  const table = csvTable(file, book, name ?? file.name, name === null);
  if (table === null) return;
  if (name) addSheet(book, file.name, name, table);
  else if (!addLeiTable(book, file.name, table)) book.warnings.push(fileProblem(file.name, `Fichier ignoré : « ${file.name} » ne correspond à aucune feuille du format.`));
}

/** The cells of a CSV file; null (with the problem said, unless `quiet`) when it is not text. */
function csvTable(file: ImportFile, book: RawWorkbook, label: string, quiet: boolean): string[][] | null {
  const decoded = decodeCsvText(file.bytes);
  if (decoded === null) {
    if (quiet) book.warnings.push(fileProblem(file.name, `Fichier ignoré : « ${file.name} » ne correspond à aucune feuille du format.`));
    else book.problems.push(fileProblem(label, `« ${file.name} » n’est pas un fichier texte CSV (contenu binaire).`));
    return null;
  }
  let text = decoded.text;
  if (decoded.encoding === 'windows-1252') {
    book.warnings.push(fileProblem(label, `« ${file.name} » est encodé en Windows-1252 (« CSV (séparateur : point-virgule) » d’Excel) : il a été lu comme tel. Vérifiez les accents dans l’aperçu.`));
  }
  // Files edited by hand mix Windows and Unix line ends: one kind for the parser.
  text = text.replace(/\r\n?/g, '\n');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = ([';', ',', '\t'] as const).reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ';' as string);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  // A cell the app's CSV writer neutralised (« '=… », CSV injection) comes back as it was written.
  return parsed.data.filter((row, i) => !(i === parsed.data.length - 1 && row.length === 1 && row[0] === '')).map((row) => row.map(unneutralizeCsvCell));
}

/**
 * The text of a CSV whatever wrote it (issue 16 §1): UTF-8 with or without BOM, UTF-16 (Excel's « Texte Unicode »)
 * with its BOM or recognised by its zero bytes, and otherwise Windows-1252 (Excel's default « CSV (séparateur :
 * point-virgule) » in France). Null for a binary file.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } | null {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) encoding = 'utf-16le';
  else if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) encoding = 'utf-16be';
  let text: string;
  if (encoding) {
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'windows-1252';
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // A NUL left after decoding is not text (an image, a zip renamed .csv).
  return text.includes('\u0000') ? null : { text, encoding };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

// ---- ODS ------------------------------------------------------------------------------------------------------

async function readOds(file: ImportFile, book: RawWorkbook): Promise<void> {
  let sheets;
  try {
    sheets = await readOdsSheets(file.bytes, IMPORT_LIMITS.maxColumns, IMPORT_LIMITS.maxRowsPerSheet);
  } catch (err) {
    book.problems.push(
      fileProblem(file.name, err instanceof ZipRefusedError ? xlsxRefusal(file.name, err, 'LibreOffice') : `« ${file.name} » n’est pas un classeur LibreOffice lisible (fichier endommagé ou d’un autre format).`),
    );
    return;
  }
  for (const sheet of sheets) {
    const name = sheetNameOf(sheet.name);
    if (!name) {
      if (normalizeHeader(sheet.name) === 'lisez_moi' || sheet.name === CODES_SHEET) continue;
      if (addLeiTable(book, `${file.name}, feuille « ${sheet.name} »`, sheet.rows)) continue;
      book.warnings.push(fileProblem(sheet.name, `Feuille ignorée : « ${sheet.name} » ne correspond à aucune feuille du format.`));
      continue;
    }
    for (const [line, column, formula] of sheet.formulasWithoutResult) {
      book.problems.push({ feuille: name, ligne: line, colonne: sheet.rows[0]?.[column] ?? null, message: `Formule « =${formula} » sans résultat enregistré : ouvrez le classeur dans LibreOffice et enregistrez-le, pour que le résultat y soit écrit.` });
    }
    addSheet(book, file.name, name, sheet.rows);
  }
}

// ---- XLSX -----------------------------------------------------------------------------------------------------

async function readXlsx(file: ImportFile, book: RawWorkbook): Promise<void> {
  let bytes = file.bytes;
  try {
    let hasNotes = false;
    await readZipBounded(file.bytes, XLSX_LIMITS, (name) => {
      hasNotes ||= isNotePart(name);
      return false;
    });
    // Notes from other writers break ExcelJS (xlsx-without-notes.ts): such a workbook is repacked without them.
    if (hasNotes) bytes = workbookWithoutNotes(await readZipBounded(file.bytes, XLSX_LIMITS));
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    book.problems.push(fileProblem(file.name, xlsxRefusal(file.name, err)));
    return;
  }
  // Loaded when a workbook is read: 170 ms of module loading at every start otherwise (issue 19).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    book.problems.push(fileProblem(file.name, `« ${file.name} » n’est pas un classeur Excel lisible (fichier endommagé ou d’un autre format).`));
    return;
  }
  for (const worksheet of workbook.worksheets) {
    const name = sheetNameOf(worksheet.name);
    if (!name) {
      if (normalizeHeader(worksheet.name) === 'lisez_moi' || worksheet.name === CODES_SHEET) continue;
      if (looksLikeLei(worksheet) && addLeiTable(book, `${file.name}, feuille « ${worksheet.name} »`, worksheetTable(worksheet, worksheet.name, book))) continue;
      book.warnings.push(fileProblem(worksheet.name, `Feuille ignorée : « ${worksheet.name} » ne correspond à aucune feuille du format.`));
      continue;
    }
    if (worksheet.rowCount > IMPORT_LIMITS.maxRowsPerSheet + 1) {
      book.problems.push(fileProblem(name, `Trop de lignes (${worksheet.rowCount - 1}, ${IMPORT_LIMITS.maxRowsPerSheet} au plus par feuille) : découpez le fichier.`));
      continue;
    }
    addSheet(book, file.name, name, worksheetTable(worksheet, name, book));
  }
}

/** A worksheet's cells as text, formulas by their saved result (one without is an error on its cell). */
function worksheetTable(worksheet: ExcelJS.Worksheet, name: string, book: RawWorkbook): string[][] {
  const width = Math.min(worksheet.columnCount, IMPORT_LIMITS.maxColumns + 1);
  const table: string[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      // A formula saved without its result (a script wrote it, no spreadsheet computed it): an error on its cell,
      // never a silent empty (issue 16 §1).
      if (value !== null && typeof value === 'object' && 'formula' in value && (value.result === undefined || value.result === null)) {
        book.problems.push({ feuille: name, ligne: r, colonne: table[0]?.[c - 1] ?? null, message: `Formule « =${value.formula} » sans résultat enregistré : ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le, pour que le résultat y soit écrit.` });
      }
      cells.push(cellText(value));
    }
    table.push(cells);
  }
  return table;
}

/** The header line of a sheet that is none of the format's: is it an export of Les emplois de l'inclusion? */
function looksLikeLei(worksheet: ExcelJS.Worksheet): boolean {
  const width = Math.min(worksheet.columnCount, IMPORT_LIMITS.maxColumns);
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(cellText(worksheet.getRow(1).getCell(c).value));
  return leiColumnIndex(headers) !== null && worksheet.rowCount <= IMPORT_LIMITS.maxRowsPerSheet + 1;
}

function xlsxRefusal(name: string, err: ZipRefusedError, tool: 'Excel' | 'LibreOffice' = 'Excel'): string {
  switch (err.reason) {
    case 'trop_volumineux':
    case 'trop_de_fichiers':
      return `« ${name} » est trop volumineux une fois décompressé : découpez-le en plusieurs classeurs.`;
    case 'taille_mensongere':
      return `« ${name} » est un classeur fabriqué ou endommagé : les tailles qu’il annonce sont fausses. Enregistrez-le à nouveau depuis votre tableur.`;
    case 'xml_trop_profond':
    case 'xml_doctype':
      return `« ${name} » contient une structure qu’aucun tableur n’écrit (${err.reason === 'xml_doctype' ? 'déclaration DOCTYPE' : 'imbrication excessive'}) : il est refusé par précaution.`;
    case 'chiffre':
      return `« ${name} » est protégé par un mot de passe : enregistrez-le sans protection avant de l’importer.`;
    default:
      return `« ${name} » n’est pas un classeur ${tool} lisible (fichier endommagé ou d’un autre format).`;
  }
}

/** A cell as the text a user would see: dates as AAAA-MM-JJ, formulas by their result, rich text flattened. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    const d = String(value.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
