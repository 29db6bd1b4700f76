/** PASS IAE vocabulary (domain-reference §1.5). The rules are in rules/pass-iae.ts. */
export const PASS_STATUTS = {
  VALID: 'Valide',
  FUTURE: 'Valide (non démarré)',
  SUSPENDED: 'Valide (suspendu)',
  EXPIRED: 'Expiré',
} as const;
export type PassStatut = keyof typeof PASS_STATUTS;

export const MOTIFS_SUSPENSION = {
  CONTRACT_SUSPENDED: 'Contrat de travail suspendu depuis plus de 15 jours',
  CONTRACT_BROKEN: 'Contrat de travail rompu',
  FINISHED_CONTRACT: 'Contrat de travail terminé',
  APPROVAL_BETWEEN_CTA_MEMBERS: 'Situation faisant l’objet d’un accord entre les acteurs membres du CTA',
  CONTRAT_PASSERELLE: 'Bascule dans l’expérimentation contrat passerelle',
} as const;
/**
 * Reasons les-emplois keeps for history only (`Suspension.Reason`, « Old reasons kept for history »): an imported
 * suspension keeps its label; none can be chosen for a new one.
 */
export const MOTIFS_SUSPENSION_HISTORIQUES = {
  SICKNESS: 'Arrêt pour longue maladie',
  MATERNITY: 'Congé de maternité',
  INCARCERATION: 'Incarcération',
  TRIAL_OUTSIDE_IAE: 'Période d’essai auprès d’un employeur ne relevant pas de l’insertion par l’activité économique',
  DETOXIFICATION: 'Période de cure pour désintoxication',
  FORCE_MAJEURE: 'Raison de force majeure conduisant le salarié à quitter son emploi ou toute autre situation faisant l’objet d’un accord entre les acteurs membres du CTA',
} as const;
export type MotifSuspension = keyof typeof MOTIFS_SUSPENSION | keyof typeof MOTIFS_SUSPENSION_HISTORIQUES;
/** Every label, current and historical, for lists and imports. */
export const TOUS_MOTIFS_SUSPENSION: Record<MotifSuspension, string> = { ...MOTIFS_SUSPENSION, ...MOTIFS_SUSPENSION_HISTORIQUES };

export interface ProlongationRule {
  label: string;
  /** Longest single prolongation, in months; null when it lasts until the contract or training ends. */
  maxMoisParDemande: number | null;
  /** Longest total PASS length including the initial 24 months, in months; null when unbounded. */
  dureeTotaleMaxMois: number | null;
  decideur: 'structure' | 'prescripteur';
  /** SIAE kinds allowed; null for all. */
  dispositifs: readonly string[] | null;
}

export const MOTIFS_PROLONGATION = {
  SENIOR_CDI: { label: 'CDI conclu avec une personne de plus de 57 ans', maxMoisParDemande: null, dureeTotaleMaxMois: null, decideur: 'structure', dispositifs: null },
  COMPLETE_TRAINING: { label: 'Fin d’une formation', maxMoisParDemande: 12, dureeTotaleMaxMois: null, decideur: 'structure', dispositifs: null },
  RQTH: { label: 'RQTH — Reconnaissance de la qualité de travailleur handicapé', maxMoisParDemande: 12, dureeTotaleMaxMois: 60, decideur: 'prescripteur', dispositifs: null },
  SENIOR: { label: '50 ans et plus', maxMoisParDemande: 12, dureeTotaleMaxMois: 84, decideur: 'prescripteur', dispositifs: null },
  PARTICULAR_DIFFICULTIES: {
    label: 'Difficultés particulièrement importantes dont l’absence de prise en charge ferait obstacle à son insertion professionnelle',
    maxMoisParDemande: 12,
    dureeTotaleMaxMois: 60,
    decideur: 'prescripteur',
    dispositifs: ['AI', 'ACI'],
  },
} as const satisfies Record<string, ProlongationRule>;
export type MotifProlongation = keyof typeof MOTIFS_PROLONGATION;
/** « Since December 1, 2021, health context reason can no longer be used » (les-emplois `ProlongationReason`). */
export const MOTIFS_PROLONGATION_HISTORIQUES = { HEALTH_CONTEXT: 'Contexte sanitaire' } as const;
export const TOUS_MOTIFS_PROLONGATION: Record<string, string> = {
  ...Object.fromEntries(Object.entries(MOTIFS_PROLONGATION).map(([k, v]) => [k, v.label])),
  ...MOTIFS_PROLONGATION_HISTORIQUES,
};

export const PASS_DUREE_INITIALE_JOURS = 2 * 365;
export const SUSPENSION_MAX_MOIS = 36;
export const SUSPENSION_RETROACTIVITE_MAX_JOURS = 365;
export const PROLONGATION_FENETRE_AVANT_MOIS = 12;
export const PROLONGATION_FENETRE_APRES_MOIS = 6;
export const PASS_ALERTE_MOIS = 3;
/** les-emplois `Approval.WAITING_PERIOD_YEARS`. */
export const PASS_DELAI_CARENCE_ANNEES = 2;
