/**
 * IAE eligibility (domain-reference §2.1, §2.2, V9, V10): at least one level-1 criterion, or N level-2 criteria
 * (AI and ETTI: 2; ACI, EI and EITI: 3) with valid proofs; no minimum when an authorised prescriber made the diagnosis.
 */
import { addDays, addMonths, parseISO } from 'date-fns';
import { CRITERES, CRITERES_EXCLUSIFS, type Critere } from '../domain/criteres';
import type { SiaeKind } from '../siae';
import { toIsoDate } from './dates';

export type AuteurDiagnostic = 'structure' | 'prescripteur';

export const NIVEAU2_REQUIS: Record<SiaeKind, number> = { AI: 2, ETTI: 2, ACI: 3, EI: 3, EITI: 3 };

/** Validity of the diagnostic itself: 92 days when the structure made it, 6 months for an authorised prescriber. */
export function diagnosticValidUntil(dateDiagnostic: string, auteur: AuteurDiagnostic): string {
  const d = parseISO(dateDiagnostic);
  return toIsoDate(auteur === 'structure' ? addDays(d, 92) : addMonths(d, 6));
}

export type StatutJustificatif = 'valide' | 'perime' | 'manquant' | 'posterieur';

export interface CritereDeclare {
  critere: Critere;
  dateJustificatif?: string | null;
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
}

export function proofStatus(critere: Critere, dateJustificatif: string | null | undefined, dateDiagnostic: string): EvaluationCritere {
  const months = CRITERES[critere].validiteMois;
  if (!dateJustificatif) return { critere, statut: 'manquant', valableJusquau: null };
  if (dateJustificatif > dateDiagnostic) return { critere, statut: 'posterieur', valableJusquau: null };
  if (months === null) return { critere, statut: 'valide', valableJusquau: null };
  // A proof dated D counts for diagnostics made before D + validity.
  const lastDay = toIsoDate(addDays(addMonths(parseISO(dateJustificatif), months), -1));
  return { critere, statut: dateDiagnostic <= lastDay ? 'valide' : 'perime', valableJusquau: lastDay };
}

export function exclusivePairProblems(criteres: readonly Critere[]): string[] {
  return CRITERES_EXCLUSIFS.filter(([a, b]) => criteres.includes(a) && criteres.includes(b)).map(
    ([a, b]) => `Les critères « ${CRITERES[a].label} » et « ${CRITERES[b].label} » ne peuvent pas être cochés ensemble.`,
  );
}

const PROOF_MESSAGES: Record<Exclude<StatutJustificatif, 'valide'>, string> = {
  manquant: 'justificatif non daté',
  perime: 'justificatif trop ancien à la date du diagnostic',
  posterieur: 'justificatif daté après le diagnostic',
};

export function evaluateEligibility(input: {
  dispositif: SiaeKind;
  auteur: AuteurDiagnostic;
  dateDiagnostic: string;
  criteres: readonly CritereDeclare[];
}): EligibilityResult {
  const evaluated = input.criteres.map((c) => proofStatus(c.critere, c.dateJustificatif, input.dateDiagnostic));
  const problemes = exclusivePairProblems(input.criteres.map((c) => c.critere));
  const niveau2Requis = NIVEAU2_REQUIS[input.dispositif];

  if (input.auteur === 'prescripteur') {
    return { eligible: problemes.length === 0, niveau1: count(evaluated, 1, false), niveau2: count(evaluated, 2, false), niveau2Requis: 0, criteres: evaluated, problemes };
  }

  const niveau1 = count(evaluated, 1, true);
  const niveau2 = count(evaluated, 2, true);
  for (const e of evaluated) {
    if (e.statut !== 'valide') problemes.push(`${CRITERES[e.critere].label} : ${PROOF_MESSAGES[e.statut]}, critère non retenu.`);
  }
  const enough = niveau1 >= 1 || niveau2 >= niveau2Requis;
  if (!enough) {
    problemes.push(
      `Il faut au moins un critère de niveau 1 ou ${niveau2Requis === 2 ? 'deux' : 'trois'} critères de niveau 2 justifiés ` +
        `pour une auto-prescription en ${input.dispositif} (retenus : ${niveau1} de niveau 1, ${niveau2} de niveau 2).`,
    );
  }
  return { eligible: enough && exclusivePairProblems(input.criteres.map((c) => c.critere)).length === 0, niveau1, niveau2, niveau2Requis, criteres: evaluated, problemes };
}

function count(evaluated: EvaluationCritere[], niveau: 1 | 2, validOnly: boolean): number {
  return evaluated.filter((e) => CRITERES[e.critere].niveau === niveau && (!validOnly || e.statut === 'valide')).length;
}
