/**
 * The label of each coded column of the import format, for the « Codes » sheet of the workbooks the app writes
 * (issue 16 §4): people pick a code from a list and read what it means beside it.
 */
import { CANAUX, DECISIONS, MOTIFS_DECISION } from '../../../src-shared/domain/accueil';
import { CIVILITES, NIVEAUX_FORMATION, ORIENTEURS } from '../../../src-shared/domain/asp-codes';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREIN_TYPES } from '../../../src-shared/domain/freins';
import { BILAN_TYPES, CLIENT_TYPES, CONTRAT_TYPES, MOTIFS_SORTIE, PRESTATAIRES } from '../../../src-shared/domain/insertion';
import type { ImportSheet } from '../../../src-shared/import-format';
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
};

/** `type` means a different list on each sheet. */
const TYPE_BY_SHEET: Partial<Record<ImportSheet, Labels>> = { clients: CLIENT_TYPES, contrats: CONTRAT_TYPES, bilans: BILAN_TYPES, freins: FREIN_TYPES };

export function codeLabel(sheet: ImportSheet, column: string, code: string): string {
  const labels: Labels | undefined = column === 'type' ? TYPE_BY_SHEET[sheet] : column === 'motif' && sheet === 'sorties' ? MOTIFS_SORTIE : BY_COLUMN[column];
  const found = labels?.[code];
  return found === undefined ? '' : typeof found === 'string' ? found : found.label;
}
