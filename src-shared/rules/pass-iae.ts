/**
 * PASS IAE dates (domain-reference §1.5, V6–V8), computed as Les emplois de l'inclusion computes them: its database
 * triggers (gip-inclusion/les-emplois `itou/approvals/migrations/0011_suspension_create_trigger.py` and
 * `0013_prolongation_create_trigger.py`) push the end by `end_at - start_at` days, a date difference: a suspension
 * from 1 to 30 June adds 29 days, not 30. A prolongation runs from the current end to its new end, so the PASS ends
 * on that new end. (The app stores a prolongation from the day after the current end; the result is the same.)
 */
import { addMonths, addYears } from 'date-fns';
import {
  MOTIFS_PROLONGATION,
  MOTIFS_SUSPENSION_HISTORIQUES,
  PASS_DELAI_CARENCE_ANNEES,
  type MotifSuspension,
  PASS_ALERTE_MOIS,
  PROLONGATION_FENETRE_APRES_MOIS,
  PROLONGATION_FENETRE_AVANT_MOIS,
  SUSPENSION_MAX_MOIS,
  SUSPENSION_RETROACTIVITE_MAX_JOURS,
  type MotifProlongation,
  type PassStatut,
} from '../domain/pass-iae';
import type { SiaeKind } from '../siae';
import { addDaysIso, daysInclusive, shortFrenchDate, toIsoDate, parseIsoDate } from './dates';

export interface Period {
  dateDebut: string;
  dateFin: string;
}

export interface PassDates {
  dateDebut: string;
  /** End date as issued, before suspensions and prolongations. */
  dateFin: string;
  suspensions: readonly Period[];
  prolongations: readonly Period[];
}

/** The usual end of a new PASS: 24 months, e.g. 2024-01-15 → 2026-01-14. */
export function defaultPassEnd(dateDebut: string): string {
  return addDaysIso(toIsoDate(addYears(parseIsoDate(dateDebut), 2)), -1);
}

/** Days a suspension pushes the end back: its end minus its start, as les-emplois' trigger computes it. */
export function suspensionShift(s: Period): number {
  return daysInclusive(s.dateDebut, s.dateFin) - 1;
}

export function computedPassEnd(pass: PassDates): string {
  const suspended = pass.suspensions.reduce((sum, s) => sum + suspensionShift(s), 0);
  const prolonged = pass.prolongations.reduce((sum, p) => sum + daysInclusive(p.dateDebut, p.dateFin), 0);
  return addDaysIso(pass.dateFin, suspended + prolonged);
}

/**
 * The waiting period after a PASS expired (les-emplois `Approval.WAITING_PERIOD_YEARS`, 2 years; R5132-1-8 for who
 * may then decide): a new PASS inside it needs an authorised prescriber's diagnosis. The message, or null.
 */
export function waitingPeriodWarning(previous: readonly PassDates[], newStart: string): string | null {
  const ended = previous.map(computedPassEnd).filter((end) => end < newStart).sort();
  const last = ended[ended.length - 1];
  if (!last) return null;
  const waitingEnds = toIsoDate(addYears(parseIsoDate(last), PASS_DELAI_CARENCE_ANNEES));
  if (newStart > waitingEnds) return null;
  return `Le précédent PASS IAE a expiré le ${shortFrenchDate(last)} : pendant ${PASS_DELAI_CARENCE_ANNEES} ans (jusqu’au ${shortFrenchDate(waitingEnds)}), seul un prescripteur habilité peut en ouvrir un nouveau. Vérifiez que le diagnostic vient d’un prescripteur habilité.`;
}

export function passStatus(pass: PassDates, today: string): PassStatut {
  if (today < pass.dateDebut) return 'FUTURE';
  if (today > computedPassEnd(pass)) return 'EXPIRED';
  if (pass.suspensions.some((s) => s.dateDebut <= today && today <= s.dateFin)) return 'SUSPENDED';
  return 'VALID';
}

/** True when the PASS is still running and ends within the alert window (3 months). */
export function passEndsSoon(pass: PassDates, today: string): boolean {
  const end = computedPassEnd(pass);
  return end >= today && end < toIsoDate(addMonths(parseIsoDate(today), PASS_ALERTE_MOIS));
}

function overlaps(a: Period, b: Period): boolean {
  return a.dateDebut <= b.dateFin && b.dateDebut <= a.dateFin;
}

/** French problems with a new suspension, empty when it may be recorded. */
export function suspensionProblems(pass: PassDates, s: Period & { motif?: MotifSuspension }, today: string, dispositif?: SiaeKind): string[] {
  const problems: string[] = [];
  if (s.dateFin < s.dateDebut) return ['La fin de la suspension doit suivre son début.'];
  // The contrat passerelle is an experiment of EI and ACI only (loi 2020-1577 art. 9; les-emplois
  // `Suspension.Reason.displayed_choices_for_siae`).
  if (s.motif === 'CONTRAT_PASSERELLE' && dispositif && !['ACI', 'EI'].includes(dispositif)) {
    problems.push('La suspension pour contrat passerelle n’existe qu’en EI et en ACI.');
  }
  if (s.motif && s.motif in MOTIFS_SUSPENSION_HISTORIQUES) problems.push('Ce motif de suspension n’est plus en vigueur : il ne sert qu’à reprendre l’historique.');
  if (s.dateFin >= toIsoDate(addMonths(parseIsoDate(s.dateDebut), SUSPENSION_MAX_MOIS))) {
    problems.push(`Une suspension dure au plus ${SUSPENSION_MAX_MOIS} mois ; enregistrez-en une seconde à la suite si besoin.`);
  }
  if (s.dateDebut < addDaysIso(today, -SUSPENSION_RETROACTIVITE_MAX_JOURS)) {
    problems.push(`Une suspension ne peut pas commencer plus de ${SUSPENSION_RETROACTIVITE_MAX_JOURS} jours avant aujourd'hui.`);
  }
  if (s.dateDebut < pass.dateDebut || s.dateDebut > computedPassEnd(pass)) {
    problems.push('La suspension doit commencer pendant la validité du PASS IAE.');
  }
  if (pass.suspensions.some((o) => overlaps(o, s))) problems.push('Cette suspension chevauche une suspension déjà enregistrée.');
  return problems;
}

/** The period a prolongation adds: from the day after the current end to `dateFin`. */
export function prolongationPeriod(pass: PassDates, dateFin: string): Period {
  return { dateDebut: addDaysIso(computedPassEnd(pass), 1), dateFin };
}

export function prolongationProblems(pass: PassDates, motif: MotifProlongation, dateFin: string, today: string, dispositif: SiaeKind): string[] {
  const rule = MOTIFS_PROLONGATION[motif];
  const end = computedPassEnd(pass);
  const problems: string[] = [];
  if (rule.dispositifs && !(rule.dispositifs as readonly string[]).includes(dispositif)) {
    problems.push(`Ce motif de prolongation n'est possible qu'en ${rule.dispositifs.join(' et ')}.`);
  }
  const opens = toIsoDate(addMonths(parseIsoDate(end), -PROLONGATION_FENETRE_AVANT_MOIS));
  const closes = toIsoDate(addMonths(parseIsoDate(end), PROLONGATION_FENETRE_APRES_MOIS));
  if (today < opens || today > closes) {
    problems.push(`Une prolongation se demande entre 12 mois avant et 6 mois après la fin du PASS (ici du ${opens} au ${closes}).`);
  }
  if (dateFin <= end) {
    problems.push('La nouvelle date de fin doit être postérieure à la fin actuelle du PASS.');
    return problems;
  }
  const start = addDaysIso(end, 1);
  if (rule.maxMoisParDemande !== null && dateFin >= toIsoDate(addMonths(parseIsoDate(start), rule.maxMoisParDemande))) {
    problems.push(`Ce motif permet une prolongation de ${rule.maxMoisParDemande} mois au plus par demande.`);
  }
  if (rule.dureeTotaleMaxMois !== null) {
    const suspended = pass.suspensions.reduce((sum, p) => sum + suspensionShift(p), 0);
    const cap = addDaysIso(toIsoDate(addMonths(parseIsoDate(pass.dateDebut), rule.dureeTotaleMaxMois)), suspended - 1);
    if (dateFin > cap) problems.push(`Avec ce motif, le parcours ne peut pas dépasser ${rule.dureeTotaleMaxMois} mois au total (ici jusqu'au ${cap}).`);
  }
  return problems;
}
