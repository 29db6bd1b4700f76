/**
 * The rules of an intake's dates and decision, once for the intake forms (AccueilService) and the import (issue 18
 * §1). Each answers by field, with the words shown under that field.
 */
import { DECISIONS_AVEC_MOTIF, type Decision } from '../domain/accueil';

export interface IntakeFacts {
  datePremierContact: string;
  dateOffrePresentee?: string | null;
  dateNoticeRgpd?: string | null;
  dateDiagnostic?: string | null;
  decision?: Decision | null;
  dateDecision?: string | null;
  motifDecision?: string | null;
}

export type IntakeField = keyof IntakeFacts;

export const DATE_BEFORE_CONTACT = 'Cette date précède le premier contact.';
export const DECISION_BEFORE_CONTACT = 'La décision ne peut pas précéder le premier contact.';
export const MOTIF_REQUIRED = 'Indiquez le motif de la décision.';

/** What no intake may hold: a step dated before the first contact, a decision without its date, a motif out of place. */
export function intakeProblems(i: IntakeFacts): Partial<Record<IntakeField, string>> {
  const problems: Partial<Record<IntakeField, string>> = {};
  for (const field of ['dateOffrePresentee', 'dateNoticeRgpd', 'dateDiagnostic'] as const) {
    const date = i[field];
    if (date && date < i.datePremierContact) problems[field] = DATE_BEFORE_CONTACT;
  }
  if (i.decision && !i.dateDecision) problems.dateDecision = 'Indiquez la date de la décision.';
  else if (!i.decision && i.dateDecision) problems.decision = 'Une date de décision sans décision : indiquez la décision.';
  else if (i.dateDecision && i.dateDecision < i.datePremierContact) problems.dateDecision = DECISION_BEFORE_CONTACT;
  if (i.motifDecision && i.decision && !DECISIONS_AVEC_MOTIF.includes(i.decision)) {
    problems.motifDecision = 'Un motif ne s’indique que pour une réorientation, un refus, une non-éligibilité ou une décision sans suite.';
  }
  return problems;
}

/**
 * What a decision taken today must also carry: the motif of a refusal, a reorientation or a decision without follow-up
 * (the form asks for it). An imported intake decided before without one is kept, with this warning.
 */
export function decisionMissingMotif(decision: Decision | null | undefined, motif: string | null | undefined): boolean {
  return decision !== null && decision !== undefined && DECISIONS_AVEC_MOTIF.includes(decision) && !motif;
}
