/**
 * The hand-written ISO date conversions (src-shared/rules/dates.ts) give what date-fns's `format(d, 'yyyy-MM-dd')`
 * and `parseISO` give, on every day of two centuries, on impossible dates and on texts that are not plain dates.
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, calendarDaysBetween, parseIsoDate, toIsoDate } from '../../src-shared/rules/dates';

describe('ISO calendar dates without date-fns', () => {
  it('agree with date-fns on every day from 1900 to 2100', () => {
    let day = new Date(1900, 0, 1);
    let checked = 0;
    while (day.getFullYear() <= 2100) {
      const iso = format(day, 'yyyy-MM-dd');
      expect(toIsoDate(day)).toBe(iso);
      expect(parseIsoDate(iso).getTime()).toBe(parseISO(iso).getTime());
      day = addDays(day, 1);
      checked++;
    }
    expect(checked).toBe(73_414);
  });

  it('count calendar days between two dates as date-fns does, across leap years, centuries and DST changes', () => {
    const days = ['1900-01-01', '1900-02-28', '1900-03-01', '1999-12-31', '2000-02-29', '2000-03-01', '2024-03-31', '2024-10-27', '2025-03-30', '2025-12-31', '2100-03-01', '0050-06-15'];
    let from = new Date(1999, 0, 1);
    // Every day of 1999–2001 against a few fixed dates, then every pair of the fixed dates.
    while (from.getFullYear() <= 2001) {
      days.push(toIsoDate(from));
      from = addDays(from, 1);
    }
    for (const a of days.slice(0, 12)) {
      for (const b of days) {
        expect(calendarDaysBetween(a, b), `${a} → ${b}`).toBe(differenceInCalendarDays(parseIsoDate(b), parseIsoDate(a)));
      }
    }
    expect(calendarDaysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(calendarDaysBetween('2025-01-01T10:00', '2025-01-03')).toBe(2);
  });

  it('add days and months as date-fns does: month ends, leap days, centuries, DST changes, both directions', () => {
    // Every day of 1999–2001 and 2023–2025 (two DST changes a year, 2000's leap day), and every month end of 1900–2100.
    const days: string[] = [];
    for (const [from, to] of [[1999, 2001], [2023, 2025]] as const) {
      for (let d = new Date(from, 0, 1); d.getFullYear() <= to; d = addDays(d, 1)) days.push(toIsoDate(d));
    }
    for (let year = 1900; year <= 2100; year++) for (let month = 0; month < 12; month++) days.push(toIsoDate(new Date(year, month + 1, 0)), toIsoDate(new Date(year, month, 28)));
    for (const iso of days) {
      const date = parseIsoDate(iso);
      for (const n of [-400, -1, 0, 1, 30, 365, 1461]) expect(addDaysIso(iso, n), `${iso} + ${n} j`).toBe(toIsoDate(addDays(date, n)));
      for (const n of [-25, -1, 1, 6, 12, 24, 1200]) expect(addMonthsIso(iso, n), `${iso} + ${n} mois`).toBe(toIsoDate(addMonths(date, n)));
    }
    expect(days.length).toBeGreaterThan(7000);
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsIso('2025-03-31', -1)).toBe('2025-02-28');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    // Other texts and old years through date-fns, as before; an impossible date still refused.
    expect(addDaysIso('0099-12-31', 1)).toBe(toIsoDate(addDays(parseIsoDate('0099-12-31'), 1)));
    expect(addMonthsIso('2025-03-30T10:00', 1)).toBe('2025-04-30');
    expect(() => addDaysIso('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonthsIso('2025-02-30', 1)).toThrow(RangeError);
  });

  it('keep a time of day out of the date, and read old years as they are written', () => {
    expect(toIsoDate(new Date(2025, 2, 30, 23, 59, 59))).toBe('2025-03-30');
    expect(toIsoDate(new Date(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01');
    for (const iso of ['0001-01-01', '0099-12-31', '0100-03-01', '0999-06-15']) {
      expect(toIsoDate(parseIsoDate(iso))).toBe(iso);
      expect(parseIsoDate(iso).getTime()).toBe(parseISO(iso).getTime());
    }
  });

  it('make impossible dates Invalid Dates and refuse to format them, as date-fns does', () => {
    for (const iso of ['2025-02-29', '2024-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00']) {
      expect(Number.isNaN(parseIsoDate(iso).getTime()), iso).toBe(true);
      expect(Number.isNaN(parseISO(iso).getTime()), iso).toBe(true);
    }
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => format(new Date(Number.NaN), 'yyyy-MM-dd')).toThrow(RangeError);
  });

  it('hand other texts to parseISO (times, week dates, garbage)', () => {
    for (const text of ['2025-03-30T10:15:00Z', '2025-03-30T10:15:00', '2025-W13-1', '20250330', 'pas une date', '']) {
      const ours = parseIsoDate(text).getTime();
      const theirs = parseISO(text).getTime();
      expect(Number.isNaN(ours) ? 'invalid' : ours, text).toBe(Number.isNaN(theirs) ? 'invalid' : theirs);
    }
  });
});
