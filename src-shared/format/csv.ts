/**
 * The app's one CSV writer (issue 16 §5): UTF-8 with BOM, `;`, CRLF, quotes doubled, what a French spreadsheet opens
 * as is. Numbers get a decimal comma for people's files; the federation's machine files (the report's
 * `indicateurs.csv`, the consolidation) keep a documented dot. A masked value is written `s`, a missing one is left
 * empty. Every text cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return: OWASP's CSV injection rule) is neutralised with a leading apostrophe, which the app's import
 * removes again (`unneutralizeCsvCell`), so an export still re-imports to the same data.
 */

/** A value suppressed for privacy (REPORT-SPEC §3): written `s`, never confused with a missing one. */
export const CSV_MASKED = Symbol('masqué');

export type CsvValue = string | number | boolean | null | undefined | typeof CSV_MASKED;

export interface CsvOptions {
  /** `comma` for files people open (default); `dot` for machine files whose readers expect it. */
  decimal?: 'comma' | 'dot';
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text as a spreadsheet will show it and never run it. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse, for the import: a cell the app neutralised comes back as written. */
export function unneutralizeCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  if (value === CSV_MASKED) return 's';
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = options.decimal === 'dot' ? String(value) : String(value).replace('.', ',');
  } else if (typeof value === 'boolean') {
    text = value ? 'oui' : 'non';
  } else {
    text = neutralizeFormula(value);
  }
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header, rows, BOM and CRLF. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const lines = [header.map((h) => csvCell(h, options)), ...rows.map((r) => r.map((v) => csvCell(v, options)))].map((cells) => cells.join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
