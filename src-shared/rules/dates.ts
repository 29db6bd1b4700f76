import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** Local calendar dates as ISO text (ARCHITECTURE "Dates"): parsing, formatting and day arithmetic. */
export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function parseIsoDate(iso: string): Date {
  return parseISO(iso);
}

/** Days from `from` to `to`, both included: the length of a period written as two dates. */
export function daysInclusive(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
}

export function addDaysIso(iso: string, days: number): string {
  return toIsoDate(addDays(parseISO(iso), days));
}

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  // A calendar check without parsing and formatting through date-fns: imports and exports check every date cell.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** "2024-06-28" → "28/06/2024": dates in French messages (src-shared/format/french-date.ts). */
export { formatShortDate as shortFrenchDate } from '../format/french-date';
