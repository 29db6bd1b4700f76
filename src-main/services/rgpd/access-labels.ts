/**
 * The right-of-access PDF as the person reads it (issue 16 §6): each stored column under a French label, codes
 * translated, dates and hours in French, yes/no instead of 1/0. The JSON beside it keeps the raw values (portability).
 * A column this table does not know keeps a readable form of its name, so nothing held is ever left out.
 */
import { CANAUX, DECISIONS, MOTIFS_DECISION, NIVEAUX_COMPETENCE } from '../../../src-shared/domain/accueil';
import { AUDIT_ENTITY_LABELS } from '../../../src-shared/domain/audit';
import { CIVILITES, DUREES_INSCRIPTION, NIVEAUX_FORMATION, ORIENTEURS, RSA_SITUATIONS } from '../../../src-shared/domain/asp-codes';
import { CRITERES } from '../../../src-shared/domain/criteres';
import { FREIN_NIVEAUX, FREIN_TYPES } from '../../../src-shared/domain/freins';
import { BILAN_TYPES, CONTRAT_TYPES, DEROGATIONS, MOTIFS_SORTIE, PRESTATAIRES, SITUATIONS_SUIVI } from '../../../src-shared/domain/insertion';
import { MOTIFS_PROLONGATION, MOTIFS_SUSPENSION } from '../../../src-shared/domain/pass-iae';
import { formatLongDate } from '../../../src-shared/format/french-date';
import { formatFigure } from '../../../src-shared/format/french-number';
import { SIAE_KIND_LABELS } from '../../../src-shared/siae';

type Show = (value: unknown) => string;

const text: Show = (v) => String(v);
/** A date, or a moment (stored in UTC) in this PC's local time, as « 2 mars 2026 à 10 h 05 ». */
const date: Show = (v) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return String(v);
  if (v.length <= 10) return formatLongDate(v);
  const at = new Date(v);
  const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return `${formatLongDate(local)} à ${String(at.getHours()).padStart(2, '0')} h ${String(at.getMinutes()).padStart(2, '0')}`;
};
const yesNo: Show = (v) => (v === 1 || v === true || v === '1' ? 'Oui' : 'Non');
const code =
  (labels: Record<string, string | { label: string }>): Show =>
  (v) => {
    const found = labels[String(v)];
    return found === undefined ? String(v) : typeof found === 'string' ? found : found.label;
  };
const hundredthsOfHours: Show = (v) => `${formatFigure(Number(v) / 100, 'hours')} h`;
const hours: Show = (v) => `${formatFigure(Number(v) / 100, 'hours')} h par semaine`;
const months: Show = (v) => `${String(v)} mois`;
const derogations: Show = (v) => {
  const list = typeof v === 'string' ? (JSON.parse(v) as string[]) : [];
  return list.length ? list.map((d) => DEROGATIONS[d as keyof typeof DEROGATIONS] ?? d).join(' ; ') : 'Aucune';
};
const warnings: Show = (v) => {
  const list = typeof v === 'string' ? (JSON.parse(v) as string[]) : [];
  return list.length ? list.join(' ; ') : 'Aucun';
};
const AUDIT_ACTIONS: Record<string, string> = {
  read: 'Consultation',
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
  export: 'Export',
  restore: 'Restauration',
};

/** Labels shared by every section. */
const COMMON: Record<string, [string, Show]> = {
  created_at: ['Enregistré le', date],
  updated_at: ['Modifié le', date],
  date: ['Date', date],
  date_debut: ['Début', date],
  date_fin: ['Fin', date],
  commentaire: ['Commentaire', text],
  dispositif: ['Dispositif', code(SIAE_KIND_LABELS)],
  heures_hebdo: ['Durée hebdomadaire', hours],
  signe_personne: ['Signé par vous', yesNo],
  signe_structure: ['Signé par la structure', yesNo],
};

/** Per section, what differs from COMMON (the same column name can mean two things: a frein's type, a contract's). */
const BY_SECTION: Record<string, Record<string, [string, Show]>> = {
  personne: {
    civilite: ['Civilité', code(CIVILITES)],
    nom: ['Nom', text],
    prenom: ['Prénom', text],
    date_naissance: ['Date de naissance', date],
    telephone: ['Téléphone', text],
    email: ['Courriel', text],
    adresse: ['Adresse', text],
    code_postal: ['Code postal', text],
    commune: ['Commune', text],
    qpv: ['Réside en quartier prioritaire (QPV)', yesNo],
    zrr: ['Réside en zone de revitalisation rurale (ZRR)', yesNo],
    niveau_formation: ['Niveau de formation', code(NIVEAUX_FORMATION)],
    identifiant_ft: ['Identifiant France Travail', text],
    nir: ['Numéro de sécurité sociale', text],
    orienteur: ['Orienté·e par', code(ORIENTEURS)],
    rsa: ['RSA', code(RSA_SITUATIONS)],
    duree_inscription_ft: ['Inscrit·e à France Travail depuis', code(DUREES_INSCRIPTION)],
    sans_ressources: ['Sans ressources', yesNo],
    anonymise_le: ['Anonymisé le', date],
  },
  accueils: {
    date_premier_contact: ['Premier contact', date],
    canal: ['Venu·e par', code(CANAUX)],
    date_offre_presentee: ['Offre d’insertion présentée le', date],
    offre_presentee_par: ['Offre présentée par', text],
    date_notice_rgpd: ['Information sur vos données remise le', date],
    date_diagnostic: ['Diagnostic le', date],
    souhaits: ['Vos souhaits', text],
    decision: ['Décision', code(DECISIONS)],
    date_decision: ['Décidé le', date],
    motif_decision: ['Motif', code(MOTIFS_DECISION)],
    reorientation_vers: ['Réorienté·e vers', text],
  },
  freins: {
    type: ['Frein', code(FREIN_TYPES)],
    niveau: ['Importance', code(FREIN_NIVEAUX)],
    date_identification: ['Repéré le', date],
    date_levee: ['Levé le', date],
  },
  competences: {
    libelle: ['Compétence', text],
    code_rome: ['Code ROME', text],
    niveau: ['Niveau', code(NIVEAUX_COMPETENCE)],
    date_evaluation: ['Évaluée le', date],
  },
  diagnostics: { auteur: ['Réalisé par', code({ structure: 'La structure', prescripteur: 'Un prescripteur' })], prescripteur: ['Prescripteur', text] },
  criteres: {
    critere: ['Critère', code(CRITERES)],
    type_justificatif: ['Justificatif', text],
    date_justificatif: ['Justificatif daté du', date],
  },
  pass_iae: { numero: ['Numéro de PASS IAE', text], motif: ['Motif', code({ ...MOTIFS_SUSPENSION, ...MOTIFS_PROLONGATION })] },
  parcours: {
    date_sortie: ['Sortie le', date],
    motif_sortie: ['Motif de sortie', code(MOTIFS_SORTIE)],
    age_debut: ['Âge au début', (v) => `${String(v)} ans`],
  },
  contrats: {
    type: ['Contrat', code(CONTRAT_TYPES)],
    date_fin_prevue: ['Fin prévue', date],
    date_fin_reelle: ['Fin réelle', date],
    derogations: ['Dérogations', derogations],
    avertissements: ['Points d’attention', warnings],
  },
  heures: { centiemes: ['Heures', hundredthsOfHours] },
  cer: {
    version: ['Version', text],
    objectifs: ['Vos objectifs', text],
    moyens_formation: ['Formation prévue', text],
    moyens_encadrement: ['Encadrement prévu', text],
    moyens_accompagnement: ['Accompagnement prévu', text],
    date_signature: ['Signé le', date],
  },
  bilans: {
    type: ['Bilan', code(BILAN_TYPES)],
    revue_objectifs: ['Vos objectifs', text],
    revue_freins: ['Les freins', text],
    revue_competences: ['Vos compétences', text],
    paroles_personne: ['Ce que vous avez dit', text],
    prochaines_etapes: ['Prochaines étapes', text],
  },
  formations: { intitule: ['Formation', text], heures: ['Durée', (v) => `${formatFigure(Number(v), 'hours')} h`], qualifiante: ['Qualifiante', yesNo] },
  pmsmp: { entreprise: ['Entreprise', text] },
  actions_freins: { type_frein: ['Frein', code(FREIN_TYPES)], prestataire: ['Par', code(PRESTATAIRES)], description: ['Action', text] },
  suivis_sortie: { echeance_mois: ['Suivi à', months], situation: ['Situation', code(SITUATIONS_SUIVI)] },
  consultations: { utilisateur: ['Par (identifiant)', text], action: ['Action', code(AUDIT_ACTIONS)], objet: ['Sur', code(AUDIT_ENTITY_LABELS)] },
};

/** Columns that only link rows together: not information about the person. */
function isLink(column: string): boolean {
  return column === 'id' || column.endsWith('_id') || column === 'created_by' || column === 'cloture_par';
}

/** One stored row as the person reads it: [label, value] pairs, links left out, empty values as « — ». */
export function readableRow(section: string, row: Record<string, unknown>): Array<[string, string]> {
  const labels = BY_SECTION[section] ?? {};
  return Object.entries(row)
    .filter(([column]) => !isLink(column))
    .map(([column, value]) => {
      const [label, show] = labels[column] ?? COMMON[column] ?? [column.charAt(0).toUpperCase() + column.slice(1).replace(/_/g, ' '), text];
      return [label, value === null || value === undefined || value === '' ? '—' : show(value)];
    });
}
