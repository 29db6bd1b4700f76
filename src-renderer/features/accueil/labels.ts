import { DECISIONS, EN_ATTENTE_LABEL, type Decision } from '../../../src-shared/domain/accueil';
import { PASS_STATUTS, type PassStatut } from '../../../src-shared/domain/pass-iae';

export function decisionLabel(decision: Decision | null, hasIntake = true): string {
  if (!hasIntake) return '—';
  return decision ? DECISIONS[decision] : EN_ATTENTE_LABEL;
}

export const DECISION_COLORS: Record<Decision | 'attente', string> = {
  entree: 'teal',
  reorientation: 'blue',
  refus_personne: 'gray',
  non_eligible: 'orange',
  sans_suite: 'gray',
  attente: 'yellow',
};

export const PASS_COLORS: Record<PassStatut, string> = { VALID: 'teal', FUTURE: 'blue', SUSPENDED: 'yellow', EXPIRED: 'gray' };

export function passLabel(statut: PassStatut): string {
  return PASS_STATUTS[statut];
}
