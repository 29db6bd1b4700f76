/** The intake (mission accueil): channels, decisions and the reasons of a non-hire (domain-reference §1.5). */
export const CANAUX = {
  physique: 'Venue sur place',
  telephone: 'Téléphone',
  courriel: 'Courriel',
  prescription: 'Prescription (fiche de liaison, plateforme de l’inclusion)',
  autre: 'Autre',
} as const;
export type Canal = keyof typeof CANAUX;

export const DECISIONS = {
  entree: 'Entrée en parcours',
  reorientation: 'Réorientation',
  refus_personne: 'Refus de la personne',
  non_eligible: 'Non éligible',
  sans_suite: 'Sans suite',
} as const;
export type Decision = keyof typeof DECISIONS;
export const DECISION_KEYS = Object.keys(DECISIONS) as Decision[];
/** An intake with no decision yet is on the waiting list. */
export const EN_ATTENTE_LABEL = 'En attente';

export const MOTIFS_DECISION = {
  did_not_come: 'Candidat non joignable',
  did_not_come_to_interview: 'Candidat ne s’étant pas présenté à l’entretien',
  hired_elsewhere: 'Candidat indisponible : en emploi',
  training: 'Candidat indisponible : en formation',
  non_eligible: 'Candidat non éligible',
  not_mobile: 'Candidat non mobile',
  not_interested: 'Candidat non intéressé',
  lacking_skills: 'Le candidat n’a pas les compétences requises pour le poste',
  incompatible: 'Un des freins à l’emploi du candidat est incompatible avec le poste proposé',
  prevent_objectives: 'L’embauche du candidat empêche la réalisation des objectifs du dialogue de gestion',
  no_position: 'Pas de place disponible (pas de recrutement en cours)',
  duplicate: 'Candidature en doublon',
  other: 'Autre',
} as const;
export type MotifDecision = keyof typeof MOTIFS_DECISION;

/** Decisions that require a reason. */
export const DECISIONS_AVEC_MOTIF: readonly Decision[] = ['reorientation', 'refus_personne', 'non_eligible', 'sans_suite'];

export const NIVEAUX_COMPETENCE = { 1: 'Notions', 2: 'Pratique encadrée', 3: 'Autonome', 4: 'Confirmé' } as const;
export type NiveauCompetence = 1 | 2 | 3 | 4;
