/**
 * Plausibility checks written once for forms and routes (issue 14 §4). A *warning* is a value that can be true but
 * is unusual enough to be a typing mistake: the person confirms it, and the route refuses it without that
 * confirmation. A *limit* cannot be true and is refused with a message, never capped silently.
 */
import { differenceInCalendarDays, endOfMonth, max as latest, min as earliest } from 'date-fns';
import { formatNumber, formatTypedNumber } from '../format/french-number';
import { formatShortDate } from '../format/french-date';
import { AppError } from '../errors';
import { toIsoDate, parseIsoDate } from './dates';

export type Plausibility = { level: 'warning'; message: string } | { level: 'limit'; message: string };

/** Code du travail L3121-18: the daily working time is at most 10 hours (exceptions exist: warn, do not refuse). */
export const MAX_HEURES_JOUR = 10;
/** Code du travail L3121-20: at most 48 hours in one week. */
export const MAX_HEURES_SEMAINE = 48;

/**
 * A fact that has happened (a bilan held, a CER signed, an exit, a training done) dated after today: possible only
 * as a typing mistake or a planned event entered too early, and a future bilan hides overdue alerts.
 */
export function futureFactWarning(date: string, today: string, fact: string): Plausibility | null {
  if (date <= today) return null;
  return { level: 'warning', message: `${fact} est daté du ${formatShortDate(date)}, après aujourd’hui. Confirmez si c’est bien la date.` };
}

/** Days of the month `mois` (yyyy-MM) covered by a contract, both ends included; 0 when it does not cover it. */
export function contractDaysInMonth(mois: string, contract: { dateDebut: string; dateFin: string | null }): number {
  const first = parseIsoDate(`${mois}-01`);
  const last = endOfMonth(first);
  const from = latest([first, parseIsoDate(contract.dateDebut)]);
  const to = contract.dateFin ? earliest([last, parseIsoDate(contract.dateFin)]) : last;
  return Math.max(0, differenceInCalendarDays(to, from) + 1);
}

/**
 * Hours of one contract in one month (all clients together): more than the days covered hold is refused; more than
 * the contract's weekly hours over those weeks (or 48 h a week without weekly hours) needs confirmation.
 */
export function monthHoursPlausibility(heures: number, mois: string, contract: { dateDebut: string; dateFin: string | null; heuresHebdo: number | null }): Plausibility | null {
  const days = contractDaysInMonth(mois, contract);
  const period = days === 1 ? '1 jour' : `${days} jours`;
  if (heures > days * 24) return { level: 'limit', message: `${formatNumber(heures, 2)} h : plus d’heures que les ${period} du contrat dans le mois n’en comptent (${days * 24} h).` };
  const weekly = contract.heuresHebdo ?? MAX_HEURES_SEMAINE;
  const allowed = (weekly * days) / 7;
  if (heures > allowed + 0.005) {
    const basis = contract.heuresHebdo === null ? `la durée légale maximale de ${MAX_HEURES_SEMAINE} h par semaine` : `un contrat de ${formatTypedNumber(contract.heuresHebdo)} h par semaine`;
    return { level: 'warning', message: `${formatNumber(heures, 2)} h : au-delà de ce que permet ${basis} sur ${period} (${formatNumber(allowed, 2)} h). Confirmez si c’est exact.` };
  }
  return null;
}

/** Hours typed for one day. */
export function dayHoursPlausibility(heures: number): Plausibility | null {
  if (heures > 24) return { level: 'limit', message: `${formatNumber(heures, 2)} h : une journée compte 24 heures.` };
  if (heures > MAX_HEURES_JOUR) return { level: 'warning', message: `${formatNumber(heures, 2)} h dans la journée : au-delà de ${MAX_HEURES_JOUR} h (article L3121-18 du Code du travail). Confirmez si c’est exact.` };
  return null;
}

/** An exit recorded on a date, against the contracts it ends: what the person should know before confirming. */
export function exitWarnings(dateSortie: string, today: string, contracts: ReadonlyArray<{ dateDebut: string; dateFin: string | null; label: string }>): Plausibility[] {
  const warnings: Plausibility[] = [];
  const future = futureFactWarning(dateSortie, today, 'La sortie');
  if (future) warnings.push(future);
  for (const c of contracts) {
    if (c.dateDebut <= dateSortie && (c.dateFin === null || c.dateFin > dateSortie)) {
      warnings.push({ level: 'warning', message: `${c.label} ${c.dateFin ? `prévu jusqu’au ${formatShortDate(c.dateFin)}` : 'sans fin prévue'} s’arrêtera le ${formatShortDate(dateSortie)}.` });
    }
  }
  return warnings;
}

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}

/**
 * What a route does with its checks, by field path: any limit refuses the input (VALIDATION); warnings refuse it
 * unless the person confirmed them (CONFIRMATION_REQUIRED, sent again with `confirme: true`). Several checks on one
 * field are joined.
 */
export function assertPlausible(checks: ReadonlyArray<readonly [string, Plausibility | null]>, confirmed: boolean, what = 'la saisie'): void {
  const by = (level: Plausibility['level']) => {
    const fields: Record<string, string> = {};
    for (const [path, check] of checks) if (check?.level === level) fields[path] = fields[path] ? `${fields[path]} ${check.message}` : check.message;
    return fields;
  };
  const limits = by('limit');
  if (Object.keys(limits).length) throw new AppError('VALIDATION', `Valeurs impossibles dans ${what} : rien n’a été enregistré.`, limits);
  const warnings = by('warning');
  if (!confirmed && Object.keys(warnings).length) throw new AppError('CONFIRMATION_REQUIRED', `Des valeurs inhabituelles dans ${what} sont à confirmer avant d’enregistrer.`, warnings);
}
