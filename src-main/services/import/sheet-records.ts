/**
 * First pass of an import: every raw sheet checked against the format (columns present, each cell readable,
 * required cells filled) into typed records. Problems carry sheet, line and column; nothing reads the database.
 */
import { SHEET_COLUMNS, IMPORT_SHEETS, type ImportProblem, type ImportSheet } from '../../../src-shared/import-format';
import { normalizeHeader, parseCell, type CellValue } from '../../../src-shared/rules/import-cells';
import type { RawWorkbook } from './workbook-reader';

/** A checked row; `C`, its sheet's column names (ColumnOf), lets the compiler refuse a column the sheet lacks. */
export interface SheetRecord<C extends string = string> {
  line: number;
  values: Partial<Record<C, CellValue>>;
}

export interface ParsedSheet {
  name: ImportSheet;
  /** The format's columns this sheet has: absent optional columns leave existing values untouched on update. */
  columns: Set<string>;
  records: SheetRecord[];
  /** Refs of rows left out for an error: other sheets pointing at them get no second, misleading error. */
  rejectedRefs: Set<string>;
  rejectedRows: number;
}

export type ParsedWorkbook = Partial<Record<ImportSheet, ParsedSheet>>;

export class ProblemList {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  errorCount = 0;

  constructor(private readonly maxListed: number) {}

  /** Cells that already carry an error: a second one on the same cell would only follow from the first. */
  private readonly cellsInError = new Set<string>();

  error(feuille: string, ligne: number, colonne: string | null, message: string): void {
    if (colonne !== null) {
      const cell = `${feuille}\u0000${ligne}\u0000${colonne}`;
      if (this.cellsInError.has(cell)) return;
      this.cellsInError.add(cell);
    }
    this.errorCount++;
    if (this.errors.length < this.maxListed) this.errors.push({ feuille, ligne, colonne, message });
  }

  warn(feuille: string, ligne: number, colonne: string | null, message: string): void {
    if (this.warnings.length < this.maxListed) this.warnings.push({ feuille, ligne, colonne, message });
  }
}

export function parseWorkbook(book: RawWorkbook, problems: ProblemList): ParsedWorkbook {
  const parsed: ParsedWorkbook = {};
  for (const name of IMPORT_SHEETS) {
    const raw = book.sheets.get(name);
    if (!raw) continue;
    const specs = SHEET_COLUMNS[name];
    const headerIndex = new Map<string, number>();
    raw.headers.forEach((h, i) => {
      if (h === '') return;
      const key = normalizeHeader(h);
      if (headerIndex.has(key)) problems.error(name, 1, h, `La colonne « ${h} » apparaît deux fois.`);
      else if (!specs.some((c) => c.name === key)) problems.warn(name, 1, h, `Colonne inconnue ignorée : « ${h} ».`);
      headerIndex.set(key, i);
    });
    const missing = specs.filter((c) => c.required && !headerIndex.has(c.name));
    for (const c of missing) problems.error(name, 1, c.name, `Colonne obligatoire absente : « ${c.name} ».`);
    if (missing.length) continue;
    const present = specs.filter((c) => headerIndex.has(c.name));
    const records: SheetRecord[] = [];
    const rejectedRefs = new Set<string>();
    const refIndex = headerIndex.get('ref');
    for (const row of raw.rows) {
      const values: Record<string, CellValue> = {};
      let rowOk = true;
      for (const col of present) {
        const rawCell = row.cells[headerIndex.get(col.name)!] ?? '';
        let result = parseCell(col.kind, rawCell);
        // A French postcode of 4 digits lost its leading zero in a number cell (07000 → 7000).
        if (result.ok && col.name === 'code_postal' && typeof result.value === 'string' && /^\d{4}$/.test(result.value)) {
          result = { ok: true, value: `0${result.value}`, warning: `Code postal « ${result.value} » lu comme « 0${result.value} » : le zéro initial a sans doute été perdu par le tableur.` };
        }
        if (result.ok && result.warning) problems.warn(name, row.line, col.name, result.warning);
        if (!result.ok) {
          problems.error(name, row.line, col.name, result.message);
          rowOk = false;
        } else if (result.value === null && col.required) {
          problems.error(name, row.line, col.name, 'Valeur obligatoire manquante.');
          rowOk = false;
        } else values[col.name] = result.value;
      }
      if (rowOk) records.push({ line: row.line, values });
      else if (refIndex !== undefined) rejectedRefs.add((row.cells[refIndex] ?? '').trim());
    }
    parsed[name] = { name, columns: new Set(present.map((c) => c.name)), records, rejectedRefs, rejectedRows: raw.rows.length - records.length };
  }
  return parsed;
}

/** Typed reads of a checked record (the format guarantees the type; absent optional cells are null). */
export function str<C extends string>(r: SheetRecord<C>, col: NoInfer<C>): string | null {
  const v = r.values[col];
  return v === null || v === undefined ? null : String(v);
}

export function reqStr<C extends string>(r: SheetRecord<C>, col: NoInfer<C>): string {
  return str(r, col) ?? '';
}

export function num<C extends string>(r: SheetRecord<C>, col: NoInfer<C>): number | null {
  const v = r.values[col];
  return typeof v === 'number' ? v : null;
}

export function bool<C extends string>(r: SheetRecord<C>, col: NoInfer<C>): boolean | null {
  const v = r.values[col];
  return typeof v === 'boolean' ? v : null;
}
