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
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && toIsoDate(d) === value;
}

/** "2024-06-28" → "28/06/2024": dates in French messages (src-shared/format/french-date.ts). */
export { formatShortDate as shortFrenchDate } from '../format/french-date';
