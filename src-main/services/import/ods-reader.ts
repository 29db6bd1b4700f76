/**
 * Reads a LibreOffice spreadsheet (.ods, OpenDocument) into sheets of text cells, as the .xlsx reader does (issue 16
 * §1). An .ods is a ZIP whose `content.xml` holds every sheet: it is inflated by the bounded ZIP reader (size, depth
 * and DOCTYPE checks) and read with a streaming XML parser (saxes, the one ExcelJS and jsdom use), so that a large
 * sheet is never held as a tree. Cells give the value a user sees: dates as AAAA-MM-JJ, numbers as numbers, booleans
 * as oui/non, text with its spaces and line breaks; LibreOffice's repeated rows and columns are expanded only where
 * they hold something (an empty sheet declares a million empty rows).
 */
import { SaxesParser } from 'saxes';
import { readZipBounded } from '../../lib/bounded-zip';

export interface OdsSheet {
  name: string;
  rows: string[][];
  /** Cells whose formula has no saved result: [line, column index, formula]. */
  formulasWithoutResult: Array<[number, number, string]>;
}

export const ODS_LIMITS = { maxEntries: 2000, maxInflatedBytes: 250 * 1024 * 1024, maxXmlDepth: 64 };

/** Beyond this, repeated empty cells or rows are not expanded (they are formatting, not data). */
const MAX_REPEAT = 1000;

export async function readOdsSheets(bytes: Uint8Array, maxColumns: number, maxRows: number): Promise<OdsSheet[]> {
  const parts = await readZipBounded(bytes, ODS_LIMITS, (name) => name === 'content.xml');
  const content = parts.get('content.xml');
  if (!content) throw new Error('content.xml absent');
  return parseContent(new TextDecoder('utf-8').decode(content), maxColumns, maxRows);
}

function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

function parseContent(xml: string, maxColumns: number, maxRows: number): OdsSheet[] {
  const sheets: OdsSheet[] = [];
  const parser = new SaxesParser();
  let sheet: OdsSheet | null = null;
  let row: string[] | null = null;
  let rowRepeat = 1;
  let cell: { value: string | null; text: string[]; repeat: number; formula: string | null } | null = null;
  let paragraph: string[] | null = null;
  let annotation = 0;

  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'table:table':
        sheet = { name: a['table:name'] ?? '', rows: [], formulasWithoutResult: [] };
        break;
      case 'table:table-row':
        row = [];
        rowRepeat = Number(a['table:number-rows-repeated'] ?? 1);
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        const type = a['office:value-type'];
        const value =
          type === 'float' || type === 'percentage' || type === 'currency'
            ? numberText(a['office:value'] ?? '')
            : type === 'date'
              ? (a['office:date-value'] ?? '').slice(0, 10)
              : type === 'boolean'
                ? a['office:boolean-value'] === 'true'
                  ? 'oui'
                  : 'non'
                : type === 'time'
                  ? (a['office:time-value'] ?? '')
                  : null;
        const formula = a['table:formula'] ?? null;
        cell = { value, text: [], repeat: Number(a['table:number-columns-repeated'] ?? 1), formula: formula && !type ? formula : null };
        break;
      }
      case 'office:annotation':
        annotation++;
        break;
      case 'text:p':
        if (cell && !annotation) paragraph = [];
        break;
      case 'text:s':
        paragraph?.push(' '.repeat(Number(a['text:c'] ?? 1)));
        break;
      case 'text:tab':
        paragraph?.push('\t');
        break;
      case 'text:line-break':
        paragraph?.push('\n');
        break;
    }
  });
  parser.on('text', (text) => {
    if (paragraph && !annotation) paragraph.push(text);
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'office:annotation':
        annotation--;
        break;
      case 'text:p':
        if (cell && paragraph) cell.text.push(paragraph.join(''));
        paragraph = null;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        if (!cell || !row) break;
        const text = cell.value ?? cell.text.join('\n');
        if (cell.formula && text === '' && sheet) sheet.formulasWithoutResult.push([sheet.rows.length + 1, row.length, cell.formula.replace(/^of:=?/, '')]);
        const times = text === '' ? Math.min(cell.repeat, MAX_REPEAT) : cell.repeat;
        for (let i = 0; i < times && row.length <= maxColumns; i++) row.push(text);
        cell = null;
        break;
      }
      case 'table:table-row': {
        if (!row || !sheet) break;
        while (row.length && row[row.length - 1] === '') row.pop();
        const times = row.length === 0 ? Math.min(rowRepeat, MAX_REPEAT) : rowRepeat;
        for (let i = 0; i < times && sheet.rows.length <= maxRows + 1; i++) sheet.rows.push([...row]);
        row = null;
        break;
      }
      case 'table:table':
        if (sheet) {
          while (sheet.rows.length && sheet.rows[sheet.rows.length - 1]!.length === 0) sheet.rows.pop();
          sheets.push(sheet);
        }
        sheet = null;
        break;
    }
  });
  parser.write(xml).close();
  return sheets;
}
