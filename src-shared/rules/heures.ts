/** Hours and ETP (REPORT-SPEC §2.3; domain-reference §4.1) and the AI 480-hour rule (§1.3, V5). */
import { addDaysIso, addMonthsIso } from './dates';
import { formatShortMonth } from '../format/french-date';

/** Hours are stored as integer hundredths: exact sums, no floating drift. */
export function toCentiemes(heures: number): number {
  return Math.round(heures * 100);
}

export function fromCentiemes(centiemes: number): number {
  return centiemes / 100;
}

/**
 * ETP conventionnés are stored as integer ten-thousandths: an annexe financière may state 0,125 ETP, and the report
 * sums them unrounded (issue 21), which hundredths could not hold.
 */
export function toDixMilliemes(etpValue: number): number {
  return Math.round(etpValue * 10_000);
}

export function fromDixMilliemes(stored: number): number {
  return stored / 10_000;
}

/**
 * The days an entry of hours covers: a monthly total is dated on the month's first day and covers the month; any
 * other date is that day. The grid cannot tell a day's hours on the 1st from a monthly total, so both read the 1st
 * as the month (the import says which: `mois` or `date`).
 */
export function periodOfEntry(date: string, monthly: boolean): { from: string; to: string } {
  if (!monthly) return { from: date, to: date };
  const from = `${date.slice(0, 7)}-01`;
  return { from, to: addDaysIso(addMonthsIso(from, 1), -1) };
}

/**
 * Hours belong to their contract's period: the days they cover must meet it (a monthly total, the days of the month
 * the contract ran). `end` is the real end, else the planned one, null when open-ended. One rule for the hours grid
 * and the import (issue 18 §1).
 */
export function hoursWithinContract(period: { from: string; to: string }, contract: { dateDebut: string; end: string | null }): boolean {
  return contract.dateDebut <= period.to && (contract.end === null || contract.end >= period.from);
}

/** ETP of a number of hours against the reference hours of the kind; rounded only when displayed or reported. */
export function etp(heures: number, hRef: number): number {
  return heures / hRef;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export interface Placement {
  date: string;
  heures: number;
}

export interface Fenetre480 {
  debut: string;
  fin: string;
  heures: number;
  /** The day the hours of the window passed `cap` (when windows480 was given a cap), else null. */
  depassementLe: string | null;
}

/**
 * AI: hours placed with companies, in successive 24-month windows each opened by the first placement after the
 * previous window (L5132-9 2°: counted from the first mise à disposition).
 */
export function windows480(placements: readonly Placement[], cap = Number.POSITIVE_INFINITY): Fenetre480[] {
  // ISO dates sort as text; a plain comparison rather than localeCompare's collation (read for every AI person).
  const sorted = [...placements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const windows: Fenetre480[] = [];
  for (const p of sorted) {
    let current = windows.at(-1);
    if (current && p.date <= current.fin) current.heures += p.heures;
    else {
      current = { debut: p.date, fin: addDaysIso(addMonthsIso(p.date, 24), -1), heures: p.heures, depassementLe: null };
      windows.push(current);
    }
    if (current.depassementLe === null && current.heures > cap) current.depassementLe = p.date;
  }
  return windows;
}

/** Share of the cap from which the app warns before the 480 hours are reached. */
export const SEUIL_ALERTE_480 = 0.9;


/**
 * A closed month's hours are final: they fed the état mensuel sent to the State. One message for the grid and the
 * import, which accepts a closed month's line only when it changes nothing.
 */
export function closedMonthMessage(mois: string): string {
  return `Le mois ${formatShortMonth(mois)} est clôturé : ses heures ne peuvent plus être modifiées.`;
}
