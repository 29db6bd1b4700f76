/**
 * Dates as French users type and read them (issue 14): typed `JJ/MM/AAAA` whatever the browser's or the system's
 * language, shown `1er décembre 2026` in sentences and `30/11/2026` in tables. Stored values stay ISO
 * (`yyyy-MM-dd`, ARCHITECTURE "Dates"); nothing here does arithmetic on a date that is still being typed.
 */
import { format, getDaysInMonth, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

export type DateText =
  | { kind: 'empty' }
  /** Still being typed (`15/0`, `15/01/20`): never used for a computation. */
  | { kind: 'partial'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'date'; iso: string };

export const DATE_INCOMPLETE = 'Date incomplète : saisissez-la sous la forme JJ/MM/AAAA.';
export const DATE_DOES_NOT_EXIST = 'Cette date n’existe pas.';
const SEPARATOR = '[/.\\- ]';
const TYPING = new RegExp(`^\\d{0,2}(${SEPARATOR}\\d{0,2}(${SEPARATOR}\\d{0,4})?)?$`);
const COMPLETE = new RegExp(`^(\\d{1,2})${SEPARATOR}(\\d{1,2})${SEPARATOR}(\\d{4})$`);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a typed date: `15/01/2025`, `15.01.2025`, `15012025`, or a pasted ISO `2025-01-15`. */
export function readDateText(text: string, bounds: { min?: string; max?: string } = {}): DateText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const iso = ISO.exec(t);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const complete = COMPLETE.exec(t);
  const parts = iso ? [iso[3], iso[2], iso[1]] : compact ? [compact[1], compact[2], compact[3]] : complete ? [complete[1], complete[2], complete[3]] : null;
  if (!parts) return TYPING.test(t) || /^\d{1,7}$/.test(t) ? { kind: 'partial', message: DATE_INCOMPLETE } : { kind: 'invalid', message: DATE_INCOMPLETE };
  const [day, month, year] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > getDaysInMonth(new Date(year, month - 1, 1))) return { kind: 'invalid', message: DATE_DOES_NOT_EXIST };
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const min = bounds.min ?? '1900-01-01';
  const max = bounds.max ?? '2100-12-31';
  if (value < min) return { kind: 'invalid', message: `Date trop ancienne : au plus tôt le ${formatShortDate(min)}.` };
  if (value > max) return { kind: 'invalid', message: `Date trop lointaine : au plus tard le ${formatShortDate(max)}.` };
  return { kind: 'date', iso: value };
}

/**
 * While typing digits only, the slashes come by themselves: `150` becomes `15/0`, `15/013` becomes `15/01/3`.
 * Only when a character was added, so that deleting a slash is not undone.
 */
export function withDateSlashes(previous: string, next: string): string {
  if (next.length <= previous.length) return next;
  if (/^\d{3}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2)}`;
  if (/^\d{1,2}\/\d{3}$/.test(next)) return `${next.slice(0, -1)}/${next.slice(-1)}`;
  return next;
}

/** "30/11/2026": dates in tables, messages and fields. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "1er décembre 2026", "30 novembre 2026": dates in sentences. */
export function formatLongDate(iso: string): string {
  const date = parseISO(iso.slice(0, 10));
  const day = date.getDate() === 1 ? '1er' : String(date.getDate());
  return `${day} ${format(date, 'MMMM yyyy', { locale: fr })}`;
}

/** "1er décembre 2026 à 16:05", in the machine's local time. */
export function formatDateTime(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  const day = date.getDate() === 1 ? '1er' : String(date.getDate());
  return `${day} ${format(date, "MMMM yyyy 'à' HH:mm", { locale: fr })}`;
}

/** "novembre 2026" for `2026-11`. */
export function formatMonth(month: string): string {
  return format(parseISO(`${month}-01`), 'MMMM yyyy', { locale: fr });
}

export type MonthText = { kind: 'empty' } | { kind: 'partial'; message: string } | { kind: 'invalid'; message: string } | { kind: 'month'; month: string };

/** Reads a typed month: `11/2026`, `112026`, or `2026-11`. */
export function readMonthText(text: string): MonthText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const m = /^(\d{1,2})[/.\- ](\d{4})$/.exec(t) ?? /^(\d{2})(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})$/.exec(t);
  const [month, year] = iso ? [Number(iso[2]), Number(iso[1])] : m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (Number.isNaN(month)) {
    return /^\d{0,2}([/.\- ]\d{0,4})?$/.test(t) || /^\d{1,5}$/.test(t) ? { kind: 'partial', message: 'Mois incomplet : saisissez-le sous la forme MM/AAAA.' } : { kind: 'invalid', message: 'Saisissez le mois sous la forme MM/AAAA.' };
  }
  if (month < 1 || month > 12) return { kind: 'invalid', message: 'Ce mois n’existe pas.' };
  if (year < 1900 || year > 2100) return { kind: 'invalid', message: 'Année hors limites.' };
  return { kind: 'month', month: `${year}-${String(month).padStart(2, '0')}` };
}

/** "11/2026" for `2026-11`. */
export function formatShortMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
