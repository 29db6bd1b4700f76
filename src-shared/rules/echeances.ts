/** Due dates of the accompaniment: the CER after the start, the bilans at the structure's interval. */
import { addDaysIso, addMonthsIso } from './dates';

/** Last day a CER may be signed to count as signed within the structure's delay. */
export function cerDueDate(parcoursDebut: string, delaiJours: number): string {
  return addDaysIso(parcoursDebut, delaiJours);
}

export function cerSignedInTime(parcoursDebut: string, dateSignature: string, delaiJours: number): boolean {
  return dateSignature <= cerDueDate(parcoursDebut, delaiJours);
}

/** The next bilan is due one interval after the latest bilan, or after the start when there is none. */
export function nextBilanDue(parcoursDebut: string, bilans: readonly string[], intervalleMois: number): string {
  const latest = bilans.reduce((max, d) => (d > max ? d : max), parcoursDebut);
  return addMonthsIso(latest, intervalleMois);
}

/** Overdue on `onDate` when the due date has passed (the due day itself is still on time). */
export function isBilanOverdue(parcoursDebut: string, bilans: readonly string[], intervalleMois: number, onDate: string): boolean {
  return nextBilanDue(parcoursDebut, bilans, intervalleMois) < onDate;
}
