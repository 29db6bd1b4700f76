/**
 * The label of each coded column of the import format, for the « Codes » sheet of the workbooks the app writes
 * (issue 16 §4): people pick a code from a list and read what it means beside it.
 */
import { CANAUX, DECISIONS, MOTIFS_DECISION, NIVEAUX_COMPETENCE } from '../../../src-shared/domain/accueil';
import { CIVILITES, DUREES_INSCRIPTION, NIVEAUX_FORMATION, ORIENTEURS, RSA_SITUATIONS } from '../../../src-shared/domain/asp-codes';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREIN_NIVEAUX, FREIN_TYPES } from '../../../src-shared/domain/freins';
import { BILAN_TYPES, CLIENT_TYPES, CONTRAT_TYPES, MOTIFS_SORTIE, PARTENAIRE_TYPES, PRESTATAIRES, SITUATIONS_SUIVI } from '../../../src-shared/domain/insertion';
import { TOUS_MOTIFS_PROLONGATION, TOUS_MOTIFS_SUSPENSION } from '../../../src-shared/domain/pass-iae';
import { NATURES_BESOIN, ORIGINES_ACTION, ORIGINES_RECLAMATION, PUBLICS_SATISFACTION } from '../../../src-shared/domain/qualite';
import { ENGAGEMENTS, MISSIONS, NIVEAUX } from '../../../src-shared/qualite/grid';
import { MOMENTS } from '../../../src-shared/qualite/questionnaires';
import type { ImportSheet } from '../../../src-shared/import-format';
import { RGPD_REQUEST_LABELS, RGPD_STATUS_LABELS } from '../../../src-shared/rgpd-requests';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';

type Labels = Record<string, string | { label: string }>;

const BY_COLUMN: Record<string, Labels> = {
  kind: SIAE_KIND_LABELS,
  civilite: CIVILITES,
  niveau_formation: NIVEAUX_FORMATION,
  orienteur: ORIENTEURS,
  canal: CANAUX,
  decision: DECISIONS,
  motif_decision: MOTIFS_DECISION,
  critere: CRITERES,
  type_frein: FREIN_TYPES,
  prestataire: PRESTATAIRES,
  dispositif: SIAE_KIND_LABELS,
  rsa: RSA_SITUATIONS,
  duree_inscription_ft: DUREES_INSCRIPTION,
  situation: SITUATIONS_SUIVI,
  public: PUBLICS_SATISFACTION,
  moment: MOMENTS,
  mission: MISSIONS,
  engagement: ENGAGEMENTS,
  nature: NATURES_BESOIN,
};

/** Columns whose name means a different list on each sheet. */
const BY_SHEET_COLUMN: Record<string, Labels> = {
  'clients.type': CLIENT_TYPES,
  'contrats.type': CONTRAT_TYPES,
  'bilans.type': BILAN_TYPES,
  'freins.type': FREIN_TYPES,
  'partenaires.type': PARTENAIRE_TYPES,
  'freins.niveau': FREIN_NIVEAUX,
  'competences.niveau': NIVEAUX_COMPETENCE,
  'auto_evaluations.niveau': NIVEAUX,
  'sorties.motif': MOTIFS_SORTIE,
  'pass_suspensions.motif': TOUS_MOTIFS_SUSPENSION,
  'pass_prolongations.motif': TOUS_MOTIFS_PROLONGATION,
  'actions_amelioration.origine': ORIGINES_ACTION,
  'reclamations.origine': ORIGINES_RECLAMATION,
  'demandes_rgpd.type': RGPD_REQUEST_LABELS,
  'demandes_rgpd.statut': RGPD_STATUS_LABELS,
};

export function codeLabel(sheet: ImportSheet, column: string, code: string): string {
  const labels: Labels | undefined = BY_SHEET_COLUMN[`${sheet}.${column}`] ?? (['type', 'niveau', 'motif', 'origine'].includes(column) ? undefined : BY_COLUMN[column]);
  const found = labels?.[code];
  return found === undefined ? '' : typeof found === 'string' ? found : found.label;
}
