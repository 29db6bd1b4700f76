/** Administrative eligibility criteria for the IAE (domain-reference §2.2). */
import { sensitiveCodes } from './need-to-know';
export interface CritereDefinition {
  niveau: 1 | 2;
  label: string;
  justificatif: string;
  /**
   * How old the proof may be on the reference date, in months, as the arrêté of 1 September 2021 set it; null when it
   * does not expire. The value applied is the dated parameter `validite_justificatifs_mois` (domain/parametres.ts),
   * whose default this is: an arrêté changing it is a new value from its date, not a release (issue 15 §8).
   */
  validiteMois: number | null;
}

export const CRITERES = {
  RSA: { niveau: 1, label: 'Bénéficiaire du RSA', justificatif: 'Attestation RSA', validiteMois: 3 },
  ASS: { niveau: 1, label: 'Allocataire ASS', justificatif: 'Attestation ASS', validiteMois: 3 },
  AAH: { niveau: 1, label: 'Allocataire AAH', justificatif: 'Attestation AAH', validiteMois: 3 },
  DETLD: { niveau: 1, label: 'DETLD (+ 24 mois) — Demandeur d’emploi de très longue durée', justificatif: 'Attestation France Travail', validiteMois: 3 },
  CAP_BEP: { niveau: 2, label: 'Niveau d’étude 3 (CAP, BEP) ou infra', justificatif: 'Diplôme ou attestation sur l’honneur', validiteMois: 3 },
  SENIOR: { niveau: 2, label: 'Senior (+50 ans)', justificatif: 'Pièce d’identité', validiteMois: null },
  JEUNE: { niveau: 2, label: 'Jeune (-26 ans)', justificatif: 'Pièce d’identité', validiteMois: null },
  ASE: { niveau: 2, label: 'Sortant de l’ASE', justificatif: 'Attestation ASE', validiteMois: 12 },
  DELD: { niveau: 2, label: 'DELD (12-24 mois)', justificatif: 'Attestation France Travail', validiteMois: 3 },
  TH: { niveau: 2, label: 'Travailleur handicapé', justificatif: 'Attestation de reconnaissance de la qualité de TH', validiteMois: null },
  PI: { niveau: 2, label: 'Parent isolé', justificatif: 'Attestation CAF', validiteMois: 3 },
  PSH_PR: { niveau: 2, label: 'Personne sans hébergement ou hébergée ou ayant un parcours de rue', justificatif: 'Certificat de domiciliation ou attestation d’un travailleur social', validiteMois: 3 },
  REF_DA: { niveau: 2, label: 'Réfugié statutaire, protection temporaire ou subsidiaire, ou demandeur d’asile', justificatif: 'Titre de séjour, autorisation de travail ou APS', validiteMois: null },
  ZRR: { niveau: 2, label: 'Résident ZRR/ZFRR', justificatif: 'Justificatif de domicile', validiteMois: 6 },
  QPV: { niveau: 2, label: 'Résident QPV', justificatif: 'Justificatif de domicile', validiteMois: 6 },
  DETENTION_MJ: { niveau: 2, label: 'Sortant de détention ou personne placée sous main de justice', justificatif: 'Billet de sortie ou attestation du JAP', validiteMois: 6 },
  FLE: { niveau: 2, label: 'Maîtrise de la langue française inférieure au niveau A1', justificatif: 'Évaluation FLE', validiteMois: 6 },
  PM: { niveau: 2, label: 'Problème de mobilité', justificatif: 'Diagnostic mobilité par un prescripteur habilité', validiteMois: 6 },
} as const satisfies Record<string, CritereDefinition>;

export type Critere = keyof typeof CRITERES;
export const CRITERE_KEYS = Object.keys(CRITERES) as Critere[];

/** Health (AAH, TH) and justice (DETENTION_MJ): need-to-know roles only. */
export const CRITERES_SENSIBLES: readonly Critere[] = sensitiveCodes('critere');

/** Pairs a diagnostic may not hold together (les-emplois form validation). */
export const CRITERES_EXCLUSIFS: ReadonlyArray<readonly [Critere, Critere]> = [
  ['SENIOR', 'JEUNE'],
  ['DELD', 'DETLD'],
];
