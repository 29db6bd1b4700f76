import { addDays, addMonths, differenceInCalendarDays, parseISO } from 'date-fns';

/**
 * Local calendar dates as ISO text (ARCHITECTURE "Dates"): parsing, formatting and day arithmetic. The two
 * conversions are written by hand rather than through date-fns's `format`/`parseISO`: a year's indicators convert
 * tens of thousands of dates, and those two cost a tenth of the computation at ×10 (issue 19). They give the same
 * results (test/unit/iso-dates.test.ts compares them with date-fns).
 */
export function toIsoDate(date: Date): string {
  const year = date.getFullYear();
  if (Number.isNaN(year)) throw new RangeError('Invalid time value');
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A calendar date as local midnight; an impossible date (30 February) is an Invalid Date, as with parseISO. */
export function parseIsoDate(iso: string): Date {
  if (iso.length !== 10 || !ISO_DATE_PATTERN.test(iso)) return parseISO(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1;
  const day = Number(iso.slice(8, 10));
  const date = new Date(year, month, day);
  // The Date constructor reads years 0–99 as 1900–1999.
  if (year < 100) date.setFullYear(year, month, day);
  return date.getMonth() === month && date.getDate() === day ? date : new Date(Number.NaN);
}

/**
 * Calendar days from one ISO date to another (date-fns's differenceInCalendarDays, without building local dates and
 * their time-zone offsets: a year's exits at ×10 spent 20 µs a pair there). Other texts go through date-fns.
 */
export function calendarDaysBetween(from: string, to: string): number {
  if (!ISO_DATE_PATTERN.test(from) || !ISO_DATE_PATTERN.test(to)) return differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from));
  return (utcDay(to) - utcDay(from)) / MS_PER_DAY;
}

const MS_PER_DAY = 86_400_000;

function utcDay(iso: string): number {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  // Date.UTC reads years 0–99 as 1900–1999, as the Date constructor does.
  const year = Number(iso.slice(0, 4));
  return year < 100 ? new Date(t).setUTCFullYear(year) : t;
}

/** Days from `from` to `to`, both included: the length of a period written as two dates. */
export function daysInclusive(from: string, to: string): number {
  return calendarDaysBetween(from, to) + 1;
}

/**
 * A calendar date `days` later (earlier when negative), as date-fns's addDays gives it, counted on the calendar
 * rather than through local dates (each CER's due date of a year's figures went through date-fns: 2 µs a date).
 */
export function addDaysIso(iso: string, days: number): string {
  const parts = plainDateParts(iso);
  if (!parts || !Number.isInteger(days)) return toIsoDate(addDays(parseIsoDate(iso), days));
  const moved = new Date(0);
  moved.setUTCFullYear(parts.year, parts.month - 1, parts.day + days);
  return isoOfUtc(moved);
}

/**
 * A calendar date `months` later (earlier when negative), as date-fns's addMonths gives it: the same day, or the
 * last day of a shorter month (31 January + 1 month = 28 or 29 February). Each bilan's due date of a year's figures
 * went through date-fns (3 µs a date).
 */
export function addMonthsIso(iso: string, months: number): string {
  const parts = plainDateParts(iso);
  if (!parts || !Number.isInteger(months)) return toIsoDate(addMonths(parseIsoDate(iso), months));
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  const day = Math.min(parts.day, last.getUTCDate());
  return `${String(year).padStart(4, '0')}-${month < 9 ? '0' : ''}${month + 1}-${day < 10 ? '0' : ''}${day}`;
}

/** Year, month and day of a possible plain date of years 1000–9999; null otherwise (other texts go through date-fns). */
function plainDateParts(iso: string): { year: number; month: number; day: number } | null {
  if (iso.length !== 10 || !ISO_DATE_PATTERN.test(iso)) return null;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCDate() === day ? { year, month, day } : null;
}

function isoOfUtc(date: Date): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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
