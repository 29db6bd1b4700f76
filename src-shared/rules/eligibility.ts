/**
 * IAE eligibility (domain-reference §2.1, §2.2, V9, V10): at least one level-1 criterion, or N level-2 criteria
 * (AI and ETTI: 2; ACI, EI and EITI: 3) declared; no minimum when an authorised prescriber made the diagnosis.
 *
 * Proofs are measured against the **hiring date** (when the PASS IAE is issued), as the arrêté of 1 September 2021
 * (amended on 4 September 2025) says: most must be less than 3, 6 or 12 months old on that day; the RQTH decision
 * (TH) and the residence title (REF_DA) count while valid on that day, however old; a diploma (CAP_BEP) never
 * expires. A proof problem is a warning, not a refusal: the structure declared the criteria and the *contrôle a
 * posteriori* checks the proofs later (R5132-1-12 ff.), so the list of files to complete is what matters.
 */
import { CRITERES, CRITERES_EXCLUSIFS, type Critere } from '../domain/criteres';
import type { SiaeKind } from '../siae';
import { addDaysIso, addMonthsIso } from './dates';
import { VALIDITE_JUSTIFICATIFS_2021 } from '../domain/parametres';

export type AuteurDiagnostic = 'structure' | 'prescripteur';

export const NIVEAU2_REQUIS: Record<SiaeKind, number> = { AI: 2, ETTI: 2, ACI: 3, EI: 3, EITI: 3 };

/** Validity of the diagnostic itself: 92 days when the structure made it, 6 months for an authorised prescriber. */
export function diagnosticValidUntil(dateDiagnostic: string, auteur: AuteurDiagnostic): string {
  return auteur === 'structure' ? addDaysIso(dateDiagnostic, 92) : addMonthsIso(dateDiagnostic, 6);
}

export type StatutJustificatif = 'valide' | 'perime' | 'manquant' | 'posterieur';

export interface CritereDeclare {
  critere: Critere;
  dateJustificatif?: string | null;
  /** What the proof is (« Diplôme », « Attestation sur l’honneur »…). */
  typeJustificatif?: string | null;
  /** End of validity of the decision or title the proof shows (TH, REF_DA). */
  dateFinValidite?: string | null;
}

/** Criteria whose proof is a decision or title valid until a date, rather than a recent attestation. */
export const CRITERES_A_ECHEANCE: readonly Critere[] = ['TH', 'REF_DA'];

/**
 * A CAP or BEP diploma (rather than a recent attestation) proves the level for good. The default label « Diplôme ou
 * attestation sur l’honneur » says neither, so it is not one.
 */
export function isDiploma(typeJustificatif: string | null | undefined): boolean {
  const t = typeJustificatif ?? '';
  return /dipl[oô]me/i.test(t) && !/attestation/i.test(t);
}

export interface EvaluationCritere {
  critere: Critere;
  statut: StatutJustificatif;
  /** Last day the proof counts, when it expires. */
  valableJusquau: string | null;
}

export interface EligibilityResult {
  eligible: boolean;
  niveau1: number;
  niveau2: number;
  niveau2Requis: number;
  criteres: EvaluationCritere[];
  /** French sentences, one per problem; empty when eligible. */
  problemes: string[];
  /** Proofs to complete before a control: warnings, never a refusal. */
  avertissements: string[];
}

/** Months each proof stays valid, as in force on the reference date (the dated parameter `validite_justificatifs_mois`). */
export type ValiditesJustificatifs = Record<Critere, number | null>;

/**
 * The status of one proof on the reference date (the hire, or the diagnostic before any hire), with the validity
 * months in force that day (by default those of the arrêté of 1 September 2021).
 */
export function proofStatus(c: CritereDeclare, dateReference: string, validites: ValiditesJustificatifs = VALIDITE_JUSTIFICATIFS_2021): EvaluationCritere {
  const { critere, dateJustificatif } = c;
  if (critere === 'CAP_BEP' && isDiploma(c.typeJustificatif)) return { critere, statut: 'valide', valableJusquau: null };
  if (!dateJustificatif) return { critere, statut: 'manquant', valableJusquau: null };
  if (dateJustificatif > dateReference) return { critere, statut: 'posterieur', valableJusquau: null };
  if (CRITERES_A_ECHEANCE.includes(critere)) {
    // A decision without end (RQTH « sans limitation de durée ») counts; a residence title always has one.
    if (!c.dateFinValidite) return critere === 'REF_DA' ? { critere, statut: 'manquant', valableJusquau: null } : { critere, statut: 'valide', valableJusquau: null };
    return { critere, statut: dateReference <= c.dateFinValidite ? 'valide' : 'perime', valableJusquau: c.dateFinValidite };
  }
  const months = validites[critere];
  if (months === null) return { critere, statut: 'valide', valableJusquau: null };
  // A proof dated D counts for a hire before D + validity.
  const lastDay = addDaysIso(addMonthsIso(dateJustificatif, months), -1);
  return { critere, statut: dateReference <= lastDay ? 'valide' : 'perime', valableJusquau: lastDay };
}

export function exclusivePairProblems(criteres: readonly Critere[]): string[] {
  return CRITERES_EXCLUSIFS.filter(([a, b]) => criteres.includes(a) && criteres.includes(b)).map(
    ([a, b]) => `Les critères « ${CRITERES[a].label} » et « ${CRITERES[b].label} » ne peuvent pas être cochés ensemble.`,
  );
}

const PROOF_MESSAGES: Record<Exclude<StatutJustificatif, 'valide'>, string> = {
  manquant: 'justificatif à compléter (date, ou fin de validité du titre)',
  perime: 'justificatif plus valable à la date de l’embauche',
  posterieur: 'justificatif daté après l’embauche',
};

/** The French sentence of a proof to complete, for the file and the list before a control. */
export function proofProblem(e: EvaluationCritere): string | null {
  return e.statut === 'valide' ? null : `${CRITERES[e.critere].label} : ${PROOF_MESSAGES[e.statut]}.`;
}

function problemsOf(evaluated: readonly EvaluationCritere[]): string[] {
  return evaluated.map(proofProblem).filter((p): p is string => p !== null);
}

/**
 * The proofs to complete among some criteria of a structure's diagnostic, measured on the hire: each criterion's
 * proof is judged on its own (evaluateEligibility's warnings are these, for all its criteria), so a list may pass
 * only the criteria that can have a problem.
 */
export function proofProblems(criteres: readonly CritereDeclare[], dateEmbauche: string, validites: ValiditesJustificatifs): string[] {
  return problemsOf(criteres.map((c) => proofStatus(c, dateEmbauche, validites)));
}

/**
 * Days a proof must be older than the hire, at least, to have expired under validity months `months`: a month lasts
 * 28 days or more, and the month-end rule of addMonthsIso takes at most 3 days off (31 January + 1 month = 28
 * February). Lets a query keep only the proofs that may be stale; proofStatus decides.
 */
export function minimumDaysToExpire(months: number): number {
  return 28 * months - 3;
}

export function evaluateEligibility(input: {
  dispositif: SiaeKind;
  auteur: AuteurDiagnostic;
  dateDiagnostic: string;
  /** The hire (first contract) the diagnostic led to; the diagnostic date before any hire. */
  dateEmbauche?: string | null;
  criteres: readonly CritereDeclare[];
  /** The proofs' validity months in force on a day (ParametresService / valueOnDate of `validite_justificatifs_mois`). */
  validitesAt: (date: string) => ValiditesJustificatifs;
}): EligibilityResult {
  const reference = input.dateEmbauche ?? input.dateDiagnostic;
  const validites = input.validitesAt(reference);
  const evaluated = input.criteres.map((c) => proofStatus(c, reference, validites));
  const problemes = exclusivePairProblems(input.criteres.map((c) => c.critere));
  const niveau2Requis = NIVEAU2_REQUIS[input.dispositif];
  // Proofs to complete: warnings (the contrôle a posteriori checks them), when the structure made the diagnostic.
  const avertissements = input.auteur === 'structure' ? problemsOf(evaluated) : [];

  if (input.auteur === 'prescripteur') {
    return { eligible: problemes.length === 0, niveau1: count(evaluated, 1), niveau2: count(evaluated, 2), niveau2Requis: 0, criteres: evaluated, problemes, avertissements };
  }

  const niveau1 = count(evaluated, 1);
  const niveau2 = count(evaluated, 2);
  const enough = niveau1 >= 1 || niveau2 >= niveau2Requis;
  if (!enough) {
    problemes.push(
      `Il faut au moins un critère de niveau 1 ou ${niveau2Requis === 2 ? 'deux' : 'trois'} critères de niveau 2 ` +
        `pour une auto-prescription en ${input.dispositif} (déclarés : ${niveau1} de niveau 1, ${niveau2} de niveau 2).`,
    );
  }
  return { eligible: problemes.length === 0, niveau1, niveau2, niveau2Requis, criteres: evaluated, problemes, avertissements };
}

function count(evaluated: EvaluationCritere[], niveau: 1 | 2): number {
  return evaluated.filter((e) => CRITERES[e.critere].niveau === niveau).length;
}
