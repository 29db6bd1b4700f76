/**
 * Reading one spreadsheet cell of the import format (IMPORT-FORMAT "General rules"): dates `JJ/MM/AAAA`, `JJ/MM/AA`,
 * `AAAA-MM-JJ` or an Excel serial number, months `AAAA-MM` or `MM/AAAA`, decimals with `,` or `.`, yes/no in French or as 1/0.
 */
import type { CellKind } from '../import-format';
import { isIsoDate } from './dates';
import { foldText } from './text';

export type CellValue = string | number | boolean | null;
/** `warning`: the value was read, but something about it deserves a look (a code that lost its leading zero). */
export type CellResult = { ok: true; value: CellValue; warning?: string } | { ok: false; message: string };

/** Column names ignore case, accents and surrounding spaces: " Date de naissance " ≠ "date_naissance", "Décision" = "decision". */
export function normalizeHeader(raw: string): string {
  return foldText(raw).replace(/ /g, '_');
}

/** Excel and LibreOffice count days from 30 December 1899 (the 1900 leap-year bug included from March 1900 on). */
const SPREADSHEET_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers read as dates: 1 January 1927 to 31 December 2099, far from any count a date column could hold. */
const SERIAL_MIN = 9863;
const SERIAL_MAX = 73050;

/**
 * The century of a two-digit year (`12/04/88`): the 100 years ending 19 years after this year, so that in 2026 « 00 »
 * to « 45 » are 2000–2045 (contract ends, recent births) and « 46 » to « 99 » are 1946–1999 (births).
 */
export function centuryOf(twoDigits: number, currentYear: number = new Date().getFullYear()): number {
  const last = currentYear + 19;
  const year = Math.floor(last / 100) * 100 + twoDigits;
  return year > last ? year - 100 : year;
}

/**
 * A date as people and spreadsheets write it (issue 16 §1): `JJ/MM/AAAA` (also with `-` or `.`), `JJ/MM/AA` (see
 * centuryOf), ISO `AAAA-MM-JJ` possibly followed by a midnight time, and Excel's serial numbers (what a date cell or a
 * formula like `=E2+181` holds when the cell is not formatted as a date).
 */
export function parseDateCell(raw: string, currentYear?: number): string | null {
  const s = raw.trim().replace(/[ T]00:00(:00(\.0+)?)?$/, '');
  let iso: string | null = null;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (fr) {
    const year = fr[3]!.length === 2 ? centuryOf(Number(fr[3]), currentYear) : Number(fr[3]);
    iso = `${year}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  else if (/^\d{4,5}(\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) iso = new Date(SPREADSHEET_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return iso && isIsoDate(iso) ? iso : null;
}

export function parseMonthCell(raw: string): string | null {
  const s = raw.trim();
  // Excel turns a typed "2024-01" into the date 2024-01-01 (possibly as a serial number): a full date names its month.
  const date = parseDateCell(s);
  if (date) return date.slice(0, 7);
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  let year: string | undefined;
  let month: string | undefined;
  if (m) [, year, month] = m;
  else if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s))) [, month, year] = m;
  if (!year || !month) return null;
  const n = Number(month);
  return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : null;
}

export function parseDecimalCell(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const TRUE_WORDS = new Set(['oui', 'o', '1', 'vrai', 'x']);
const FALSE_WORDS = new Set(['non', 'n', '0', 'faux']);

export function parseBoolCell(raw: string): boolean | null {
  const s = foldText(raw);
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/**
 * Codes typed as numbers lose their leading zero in Excel (`00` → `0`, `03` → `3`): a code list of two-digit codes
 * accepts the short form.
 */
function matchCode(raw: string, values: readonly string[]): string | null {
  const s = raw.trim();
  const exact = values.find((v) => v.toLowerCase() === s.toLowerCase());
  if (exact) return exact;
  if (/^\d$/.test(s)) return values.find((v) => v === `0${s}`) ?? null;
  return null;
}

export function parseCell(kind: CellKind, raw: string): CellResult {
  if (raw.trim() === '') return { ok: true, value: null };
  switch (kind.type) {
    case 'text': {
      const s = raw.trim();
      if (kind.max !== undefined && s.length > kind.max) return { ok: false, message: `Texte trop long (${s.length} caractères, ${kind.max} au plus).` };
      return { ok: true, value: s };
    }
    case 'date': {
      const v = parseDateCell(raw);
      return v ? { ok: true, value: v } : { ok: false, message: `« ${clip(raw)} » n’est pas une date (JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ).` };
    }
    case 'month': {
      const v = parseMonthCell(raw);
      return v ? { ok: true, value: v } : { ok: false, message: `« ${clip(raw)} » n’est pas un mois (AAAA-MM ou MM/AAAA).` };
    }
    case 'decimal': {
      const v = parseDecimalCell(raw);
      return v === null ? { ok: false, message: `« ${clip(raw)} » n’est pas un nombre.` } : { ok: true, value: v };
    }
    case 'bool': {
      const v = parseBoolCell(raw);
      return v === null ? { ok: false, message: `« ${clip(raw)} » : répondez oui ou non.` } : { ok: true, value: v };
    }
    case 'code': {
      const v = matchCode(raw, kind.values);
      // A spreadsheet turns « 09 » typed in a number cell into 9: read as 09, and said.
      if (v && v !== raw.trim() && v === `0${raw.trim()}`) return { ok: true, value: v, warning: `« ${clip(raw)} » lu comme le code « ${v} » : le zéro initial a sans doute été perdu par le tableur.` };
      if (v) return { ok: true, value: v };
      const list = kind.values.length <= 12 ? ` Valeurs possibles : ${kind.values.join(', ')}.` : '';
      return { ok: false, message: `« ${clip(raw)} » n’est pas une valeur connue.${list}` };
    }
    case 'codes': {
      const parts = raw.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '');
      const values: string[] = [];
      for (const part of parts) {
        const v = matchCode(part, kind.values);
        if (!v) return { ok: false, message: `« ${clip(part)} » n’est pas une valeur connue. Valeurs possibles, séparées par des virgules : ${kind.values.join(', ')}.` };
        if (!values.includes(v)) values.push(v);
      }
      return { ok: true, value: values.join(',') };
    }
  }
}

/** Cells are quoted in messages, shortened so that a garbage cell cannot flood the error list. */
function clip(raw: string): string {
  const s = raw.trim();
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
